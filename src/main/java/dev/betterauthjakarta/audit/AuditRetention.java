package dev.betterauthjakarta.audit;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes events older than the retention, hourly on each instance (several instances deleting the
 * same old rows is harmless). The only deletion the append-only table sees.
 */
@Singleton
public class AuditRetention {
  private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

  @Inject AuditSettings settings;
  @Inject AuditTrail trail;
  @Inject Clock clock;

  @Schedule(minute = "17", hour = "*", persistent = false)
  void purge() {
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
