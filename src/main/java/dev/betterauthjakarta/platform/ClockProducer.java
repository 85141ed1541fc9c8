package dev.betterauthjakarta.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** Rules read time from an injected clock so that tests can reason about it. */
@ApplicationScoped
public class ClockProducer {

  @Produces
  public Clock clock() {
    return Clock.systemUTC();
  }
}
