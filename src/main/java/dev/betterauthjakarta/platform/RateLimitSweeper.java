package dev.betterauthjakarta.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes rate-limit counters idle longer than the longest window, every five minutes on each
 * instance (a counter that old would start again at 1, so nothing is lost). Scheduled on the
 * server's managed executor, not an EJB timer: the documented command line runs Payara with {@code
 * --nohazelcast}, which silently switches EJB timers off.
 */
@Startup
@Singleton
public class RateLimitSweeper {
  private static final Logger LOG = Logger.getLogger(RateLimitSweeper.class.getName());
  private static final long EVERY_MINUTES = 5;

  @Inject RateLimitSettings settings;
  @Inject RateLimiter limiter;
  @Resource ManagedScheduledExecutorService executor;

  private ScheduledFuture<?> task;

  @PostConstruct
  void start() {
    if (settings.enabled()) {
      task =
          executor.scheduleWithFixedDelay(
              this::sweep, EVERY_MINUTES, EVERY_MINUTES, TimeUnit.MINUTES);
    }
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  private void sweep() {
    try {
      int deleted = limiter.sweep(settings.rules().longestWindow());
      LOG.log(Level.FINE, "Rate limit sweep deleted {0} idle counter(s)", deleted);
    } catch (RuntimeException e) { // a database outage: the next run sweeps
      LOG.log(Level.FINE, "Could not sweep rate-limit counters", e);
    }
  }
}
