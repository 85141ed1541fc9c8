package dev.betterauthjakarta.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes events older than the retention, a minute after start-up and then hourly, on each
 * instance (several instances deleting the same old rows is harmless). The only deletion the
 * append-only table sees. Scheduled on the server's managed executor, not an EJB timer: the
 * documented command line runs Payara with {@code --nohazelcast}, which silently switches EJB
 * timers off.
 */
@Startup
@Singleton
public class AuditRetention {
  private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

  @Inject AuditSettings settings;
  @Inject AuditTrail trail;
  @Inject Clock clock;
  @Resource ManagedScheduledExecutorService executor;

  private ScheduledFuture<?> task;

  @PostConstruct
  void start() {
    if (settings.retention().isPresent()) {
      task = executor.scheduleWithFixedDelay(this::purge, 1, 60, TimeUnit.MINUTES);
    }
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  private void purge() {
    settings
        .retention()
        .ifPresent(
            keep -> {
              try {
                int deleted = trail.purgeBefore(clock.instant().minus(keep));
                if (deleted > 0) {
                  LOG.info("Audit retention: deleted " + deleted + " event(s) older than " + keep);
                }
              } catch (RuntimeException e) { // a database outage: the next run purges
                LOG.log(Level.WARNING, "Audit retention could not run", e);
              }
            });
  }
}
