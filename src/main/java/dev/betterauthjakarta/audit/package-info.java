/**
 * Core: the audit trail. An append-only {@code "auditEvent"} table (updates refused by a trigger;
 * only the retention job deletes, after {@code better.auth.audit.retention-days}), written through
 * {@link AuditTrail}: in the transaction of the change it records ({@code MANDATORY}), so a
 * rolled-back change leaves no event and a committed one always has its event, or, for what is
 * recorded although the request fails (a failed sign-in), in a transaction of its own.
 *
 * <p>Rules: an event names the action, the actor and, for an impersonation session, the
 * administrator behind it ({@link Actor}), the target user, the client's address as the trusted
 * proxies allow it to be known, the User-Agent, the time and a JSON diff ({@link Changes}) that
 * never holds a secret (passwords and tokens are noted by name only). It imports only the ground,
 * so every other package may record.
 */
package dev.betterauthjakarta.audit;
