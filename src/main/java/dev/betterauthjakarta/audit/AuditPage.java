package dev.betterauthjakarta.audit;

import java.util.List;

/** A page of events and how many match in all. */
public record AuditPage(List<AuditEventView> events, long total, int limit, int offset) {}
