package dev.betterauthjakarta.platform;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes rate-limit counters idle longer than the longest window, every five minutes on each
 * instance (a counter that old would start again at 1, so nothing is lost).
 */
@Singleton
public class RateLimitSweeper {
  private static final Logger LOG = Logger.getLogger(RateLimitSweeper.class.getName());

  @Inject RateLimitSettings settings;
  @Inject RateLimiter limiter;

  @Schedule(minute = "*/5", hour = "*", persistent = false)
  void sweep() {
    if (!settings.enabled()) {
      return;
    }
    try {
      limiter.sweep(settings.rules().longestWindow());
    } catch (RuntimeException e) { // a database outage: the next run sweeps
      LOG.log(Level.FINE, "Could not sweep rate-limit counters", e);
    }
  }
}
