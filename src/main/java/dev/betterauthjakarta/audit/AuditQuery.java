package dev.betterauthjakarta.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * Which events to list: those naming {@code userId} (as actor, impersonator or target), of one
 * action, from (inclusive) and to (exclusive) a time, newest first, a page at a time.
 */
public record AuditQuery(
    Optional<String> userId,
    Optional<String> action,
    Optional<Instant> from,
    Optional<Instant> to,
    int limit,
    int offset) {}
