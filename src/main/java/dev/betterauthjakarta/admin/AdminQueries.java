package dev.betterauthjakarta.admin;

import dev.betterauthjakarta.audit.AuditQuery;
import dev.betterauthjakarta.platform.AuthException;
import dev.betterauthjakarta.platform.Body;
import dev.betterauthjakarta.platform.ErrorCode;
import dev.betterauthjakarta.platform.WireDates;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the admin routes' query strings and has-permission's body into typed requests. */
final class AdminQueries {
  static final int DEFAULT_EVENTS = 100;
  static final int MAX_EVENTS = 1000;

  private AdminQueries() {}

  static UserSearch.Query users(
      String searchValue,
      String searchField,
      String searchOperator,
      String limit,
      String offset,
      String sortBy,
      String sortDirection,
      String filterField,
      List<String> filterValue,
      String filterOperator) {
    return new UserSearch.Query(
        searchValue,
        searchField,
        searchOperator,
        limit,
        offset,
        sortBy,
        sortDirection,
        filterField,
        filterValue,
        filterOperator);
  }

  /**
   * has-permission's {@code permissions}: an object of resources, each an array of action names.
   * The legacy {@code permission} key is not read, as in Better Auth 1.7.
   *
   * @throws AuthException 400 INVALID_PERMISSION_CHECK without it, 400 VALIDATION_ERROR for another
   *     shape
   */
  static Map<String, List<String>> permissions(JsonObject body) {
    JsonValue value = body == null ? null : body.get("permissions");
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      throw new AuthException(ErrorCode.INVALID_PERMISSION_CHECK);
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw Body.invalid(
          "permissions",
          "Invalid input: expected record, received " + AdminRequests.typeName(value));
    }
    Map<String, List<String>> permissions = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> e : value.asJsonObject().entrySet()) {
      if (e.getValue().getValueType() != JsonValue.ValueType.ARRAY) {
        throw Body.invalid(
            "permissions." + dev.betterauthjakarta.platform.SafeText.quotable(e.getKey(), 64),
            "Invalid input: expected array, received " + AdminRequests.typeName(e.getValue()));
      }
      List<String> actions = new ArrayList<>();
      for (JsonValue a : (JsonArray) e.getValue()) {
        if (a.getValueType() != JsonValue.ValueType.STRING) {
          throw Body.invalid(
              "permissions." + dev.betterauthjakarta.platform.SafeText.quotable(e.getKey(), 64),
              "Invalid input: expected string, received " + AdminRequests.typeName(a));
        }
        actions.add(((JsonString) a).getString());
      }
      permissions.put(e.getKey(), actions);
    }
    if (permissions.isEmpty()) {
      throw new AuthException(ErrorCode.INVALID_PERMISSION_CHECK);
    }
    return permissions;
  }

  /**
   * list-audit-events' query: times as ISO-8601 instants ({@code 2026-11-28T10:15:30.123Z}), 100
   * events by default and at most 1,000.
   *
   * @throws AuthException 400 VALIDATION_ERROR naming the bad parameter
   */
  static AuditQuery auditEvents(
      String userId, String action, String from, String to, String limit, String offset) {
    int l = whole("limit", limit).orElse(DEFAULT_EVENTS);
    if (l < 1) {
      throw Body.invalidQuery("limit", "Too small: expected number to be >=1");
    }
    return new AuditQuery(
        Optional.ofNullable(userId).filter(s -> !s.isEmpty()),
        Optional.ofNullable(action).filter(s -> !s.isEmpty()),
        instant("from", from),
        instant("to", to),
        Math.min(l, MAX_EVENTS),
        whole("offset", offset).orElse(0));
  }

  private static Optional<Integer> whole(String name, String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    if (!text.matches("\\d{1,9}")) {
      throw Body.invalidQuery(name, "Invalid input: expected a whole number, 0 or more");
    }
    return Optional.of(Integer.parseInt(text));
  }

  private static Optional<Instant> instant(String name, String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(WireDates.parse(text));
    } catch (DateTimeParseException e) {
      throw Body.invalidQuery(
          name, "Invalid input: expected an ISO-8601 date-time, e.g. 2026-11-28T10:15:30.123Z");
    }
  }
}
