package dev.betterauthjakarta.admin;

import dev.betterauthjakarta.platform.Body;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * list-users' query, as Better Auth reads it, turned into SQL over {@code "user"}: search (email or
 * name; contains, starts_with or ends_with; case-sensitive LIKE as on Better Auth's PostgreSQL
 * adapter) AND filter (any user field, eleven operators), sorted by any user field, limited and
 * offset. Column names come only from a fixed list and every value is a bound parameter.
 *
 * <p>Where Better Auth's query would fail in the database (an unknown field, a value that is not of
 * the field's type, a negative limit) and it answers an empty list, {@link #plan} is empty too.
 */
final class UserSearch {
  /** The most users one answer carries, whatever the limit asks (Better Auth has no ceiling). */
  static final int MAX_PAGE = 1000;

  enum Type {
    TEXT,
    BOOL,
    DATE
  }

  static final Map<String, Type> FIELDS =
      Map.ofEntries(
          Map.entry("id", Type.TEXT),
          Map.entry("name", Type.TEXT),
          Map.entry("email", Type.TEXT),
          Map.entry("emailVerified", Type.BOOL),
          Map.entry("image", Type.TEXT),
          Map.entry("createdAt", Type.DATE),
          Map.entry("updatedAt", Type.DATE),
          Map.entry("username", Type.TEXT),
          Map.entry("displayUsername", Type.TEXT),
          Map.entry("role", Type.TEXT),
          Map.entry("banned", Type.BOOL),
          Map.entry("banReason", Type.TEXT),
          Map.entry("banExpires", Type.DATE),
          Map.entry("twoFactorEnabled", Type.BOOL));

  private static final List<String> SEARCH_FIELDS = List.of("email", "name");
  private static final List<String> SEARCH_OPERATORS =
      List.of("contains", "starts_with", "ends_with");
  private static final List<String> DIRECTIONS = List.of("asc", "desc");
  private static final List<String> OPERATORS =
      List.of(
          "eq",
          "ne",
          "lt",
          "lte",
          "gt",
          "gte",
          "in",
          "not_in",
          "contains",
          "starts_with",
          "ends_with");

  /** The query parameters as sent (each null when absent). */
  record Query(
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

    /**
     * Checks the enumerated parameters, as Better Auth's schema does.
     *
     * @throws dev.betterauthjakarta.platform.AuthException 400 VALIDATION_ERROR naming the first
     *     bad one
     */
    Query {
      oneOf("searchField", searchField, SEARCH_FIELDS);
      oneOf("searchOperator", searchOperator, SEARCH_OPERATORS);
      oneOf("sortDirection", sortDirection, DIRECTIONS);
      oneOf("filterOperator", filterOperator, OPERATORS);
      filterValue = filterValue == null ? List.of() : List.copyOf(filterValue);
    }

    /** Better Auth's {@code Number(limit) || undefined}. */
    Optional<BigDecimal> limitNumber() {
      return number(limit);
    }

    Optional<BigDecimal> offsetNumber() {
      return number(offset);
    }

    private static Optional<BigDecimal> number(String text) {
      if (text == null || text.isBlank()) {
        return Optional.empty();
      }
      try {
        BigDecimal n = new BigDecimal(text.trim());
        return n.signum() == 0 ? Optional.empty() : Optional.of(n);
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
  }

  /** The SQL pieces: a where clause with its parameters, an order, a limit and an offset. */
  record Plan(String where, List<Object> params, String order, int limit, int offset) {}

  private UserSearch() {}

  static Optional<Plan> plan(Query q) {
    List<String> conditions = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    if (q.searchValue() != null && !q.searchValue().isEmpty()) {
      String field = q.searchField() == null ? "email" : q.searchField();
      String op = q.searchOperator() == null ? "contains" : q.searchOperator();
      conditions.add(column(field) + " like ? escape '\\'");
      params.add(pattern(op, q.searchValue()));
    }
    if (!q.filterValue().isEmpty()) {
      String field = q.filterField() == null ? "email" : q.filterField();
      String op = q.filterOperator() == null ? "eq" : q.filterOperator();
      Type type = FIELDS.get(field);
      if (type == null) {
        return Optional.empty();
      }
      Optional<String> condition = condition(field, type, op, q.filterValue(), params);
      if (condition.isEmpty()) {
        return Optional.empty();
      }
      conditions.add(condition.get());
    }
    String order = "order by \"createdAt\" asc, \"id\" asc";
    if (q.sortBy() != null && !q.sortBy().isEmpty()) {
      if (!FIELDS.containsKey(q.sortBy())) {
        return Optional.empty();
      }
      String direction = "desc".equals(q.sortDirection()) ? "desc" : "asc";
      order = "order by " + column(q.sortBy()) + " " + direction + ", \"id\" asc";
    }
    int limit = MAX_PAGE;
    int offset = 0;
    Optional<BigDecimal> l = q.limitNumber();
    Optional<BigDecimal> o = q.offsetNumber();
    if (l.isPresent()) {
      if (l.get().signum() < 0 || l.get().stripTrailingZeros().scale() > 0) {
        return Optional.empty();
      }
      limit = l.get().compareTo(BigDecimal.valueOf(MAX_PAGE)) > 0 ? MAX_PAGE : l.get().intValue();
    }
    if (o.isPresent()) {
      if (o.get().signum() < 0
          || o.get().stripTrailingZeros().scale() > 0
          || o.get().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
        return Optional.empty();
      }
      offset = o.get().intValue();
    }
    String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    return Optional.of(new Plan(where, params, order, limit, offset));
  }

  private static Optional<String> condition(
      String field, Type type, String op, List<String> values, List<Object> params) {
    String column = type == Type.BOOL ? "coalesce(" + column(field) + ", false)" : column(field);
    List<String> list =
        values.size() == 1 && (op.equals("in") || op.equals("not_in"))
            ? List.of(values.get(0).split(",", -1))
            : values;
    List<Object> typed = new ArrayList<>();
    for (String v : list) {
      Optional<Object> value = typed(type, v);
      if (value.isEmpty()) {
        return Optional.empty();
      }
      typed.add(value.get());
    }
    if (op.equals("in") || op.equals("not_in")) {
      params.addAll(typed);
      String marks = typed.stream().map(t -> "?").collect(Collectors.joining(", "));
      return Optional.of(column + (op.equals("in") ? " in (" : " not in (") + marks + ")");
    }
    if (typed.size() != 1) {
      return Optional.empty();
    }
    Object value = typed.get(0);
    String sql =
        switch (op) {
          case "eq" -> column + " = ?";
          case "ne" -> column + " <> ?";
          case "lt" -> type == Type.BOOL ? null : column + " < ?";
          case "lte" -> type == Type.BOOL ? null : column + " <= ?";
          case "gt" -> type == Type.BOOL ? null : column + " > ?";
          case "gte" -> type == Type.BOOL ? null : column + " >= ?";
          default -> type == Type.TEXT ? column + " like ? escape '\\'" : null;
        };
    if (sql == null) {
      return Optional.empty();
    }
    params.add(type == Type.TEXT && sql.contains("like") ? pattern(op, (String) value) : value);
    return Optional.of(sql);
  }

  private static Optional<Object> typed(Type type, String v) {
    return switch (type) {
      case TEXT -> Optional.of(v);
      case BOOL ->
          v.equals("true")
              ? Optional.of(Boolean.TRUE)
              : v.equals("false") ? Optional.of(Boolean.FALSE) : Optional.empty();
      case DATE -> date(v).map(i -> OffsetDateTime.ofInstant(i, ZoneOffset.UTC));
    };
  }

  private static Optional<Instant> date(String v) {
    try {
      return Optional.of(Instant.parse(v));
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(Instant.ofEpochMilli(Long.parseLong(v)));
      } catch (NumberFormatException | java.time.DateTimeException n) {
        return Optional.empty();
      }
    }
  }

  /** A LIKE pattern for the operator, with {@code %}, {@code _} and {@code \} taken literally. */
  static String pattern(String op, String value) {
    String escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return switch (op) {
      case "starts_with" -> escaped + "%";
      case "ends_with" -> "%" + escaped;
      default -> "%" + escaped + "%";
    };
  }

  private static String column(String field) {
    if (!FIELDS.containsKey(field)) {
      throw new IllegalArgumentException(field); // only listed fields ever reach SQL
    }
    return "\"" + field + "\"";
  }

  private static void oneOf(String name, String value, List<String> allowed) {
    if (value != null && !allowed.contains(value)) {
      throw Body.invalidQuery(
          name,
          "Invalid option: expected one of "
              + allowed.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining("|")));
    }
  }
}
