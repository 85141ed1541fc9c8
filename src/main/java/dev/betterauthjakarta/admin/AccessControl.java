package dev.betterauthjakarta.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Better Auth's access control for the admin plugin: statements (resource → actions), roles as
 * subsets of them, {@code adminUserIds} that pass every check, and {@code adminRoles} that mark a
 * user as an administrator.
 *
 * <p>A user's {@code role} is Better Auth's comma-separated list (split without trimming; an empty
 * one means the default role); a request {@code {resource: [actions]}} is allowed when any one of
 * the user's roles knows every resource asked for and allows every action listed (an empty request
 * or an empty action list is refused). Unknown role names allow nothing.
 */
public final class AccessControl {
  /** Better Auth's statements, plus {@code audit: [list]} for this service's audit trail. */
  public static final Map<String, List<String>> STATEMENTS =
      Map.of(
          "user",
          List.of(
              "create",
              "list",
              "set-role",
              "ban",
              "impersonate",
              "impersonate-admins",
              "delete",
              "set-password",
              "set-email",
              "get",
              "update"),
          "session",
          List.of("list", "revoke", "delete"),
          "audit",
          List.of("list"));

  /** Better Auth's default admin role: everything but impersonating other admins. */
  static final Map<String, Set<String>> DEFAULT_ADMIN =
      Map.of(
          "user",
          Set.of(
              "create",
              "list",
              "set-role",
              "ban",
              "impersonate",
              "delete",
              "set-password",
              "set-email",
              "get",
              "update"),
          "session",
          Set.of("list", "revoke", "delete"),
          "audit",
          Set.of("list"));

  /** Better Auth's default user role: nothing. */
  static final Map<String, Set<String>> DEFAULT_USER =
      Map.of("user", Set.of(), "session", Set.of());

  private final Map<String, Map<String, Set<String>>> roles;
  private final boolean customRoles;
  private final Set<String> adminUserIds;
  private final List<String> adminRoles;
  private final String defaultRole;

  AccessControl(
      Map<String, Map<String, Set<String>>> roles,
      boolean customRoles,
      Set<String> adminUserIds,
      List<String> adminRoles,
      String defaultRole) {
    this.roles = Map.copyOf(roles);
    this.customRoles = customRoles;
    this.adminUserIds = Set.copyOf(adminUserIds);
    this.adminRoles = List.copyOf(adminRoles);
    this.defaultRole = defaultRole;
  }

  /** Better Auth's defaults: roles admin and user, role user for new users, admin the admin. */
  static AccessControl defaults() {
    return new AccessControl(
        Map.of("admin", DEFAULT_ADMIN, "user", DEFAULT_USER),
        false,
        Set.of(),
        List.of("admin"),
        "user");
  }

  /** Whether the user may do everything {@code permissions} lists. */
  public boolean allows(String userId, String role, Map<String, List<String>> permissions) {
    if (userId != null && adminUserIds.contains(userId)) {
      return true;
    }
    if (permissions == null || permissions.isEmpty()) {
      return false;
    }
    for (String name : rolesOf(role)) {
      Map<String, Set<String>> statements = roles.get(name);
      if (statements != null && grants(statements, permissions)) {
        return true;
      }
    }
    return false;
  }

  /** Shorthand for one resource and action. */
  public boolean allows(String userId, String role, String resource, String action) {
    return allows(userId, role, Map.of(resource, List.of(action)));
  }

  private static boolean grants(
      Map<String, Set<String>> statements, Map<String, List<String>> permissions) {
    for (Map.Entry<String, List<String>> asked : permissions.entrySet()) {
      Set<String> allowed = statements.get(asked.getKey());
      if (allowed == null || asked.getValue() == null || asked.getValue().isEmpty()) {
        return false;
      }
      if (!allowed.containsAll(asked.getValue())) {
        return false;
      }
    }
    return true;
  }

  /**
   * An administrator, in Better Auth's sense for impersonation and here also for the last-admin
   * rule: one of its roles is an admin role, or its id is an admin user id.
   */
  public boolean isAdmin(String userId, String role) {
    if (userId != null && adminUserIds.contains(userId)) {
      return true;
    }
    return rolesOf(role).stream().anyMatch(adminRoles::contains);
  }

  /** The user's roles: its comma-separated {@code role}, or the default role when it is empty. */
  public List<String> rolesOf(String role) {
    String r = role == null || role.isEmpty() ? defaultRole : role;
    return Arrays.asList(r.split(",", -1));
  }

  /**
   * Whether a role may be given to a user: with configured roles only those (Better Auth checks
   * only then), with the defaults any name.
   */
  public boolean mayAssign(String role) {
    return !customRoles || roles.containsKey(role);
  }

  public String defaultRole() {
    return defaultRole;
  }

  /** The role given to the first administrator: the first admin role. */
  public String firstAdminRole() {
    return adminRoles.get(0);
  }

  public List<String> adminRoles() {
    return adminRoles;
  }

  public Set<String> adminUserIds() {
    return adminUserIds;
  }

  /**
   * Parses a role's statements, {@code user:list,get; session:list}.
   *
   * @throws IllegalArgumentException naming {@code key} for a resource or action Better Auth does
   *     not define, or a malformed entry
   */
  static Map<String, Set<String>> parseStatements(String key, String text) {
    Map<String, Set<String>> statements = new LinkedHashMap<>();
    for (String part : text.split(";")) {
      if (part.isBlank()) {
        continue;
      }
      int colon = part.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException(
            key + " must list statements such as user:list,get; session:list, not '" + text + "'");
      }
      String resource = part.substring(0, colon).trim();
      List<String> known = STATEMENTS.get(resource);
      if (known == null) {
        throw new IllegalArgumentException(
            key + ": unknown resource '" + resource + "' (known: " + STATEMENTS.keySet() + ")");
      }
      Set<String> actions = new LinkedHashSet<>();
      for (String action : part.substring(colon + 1).split(",")) {
        String a = action.trim();
        if (a.isEmpty()) {
          continue;
        }
        if (!known.contains(a)) {
          throw new IllegalArgumentException(
              key + ": unknown action '" + a + "' of " + resource + " (known: " + known + ")");
        }
        actions.add(a);
      }
      statements.computeIfAbsent(resource, r -> new LinkedHashSet<>()).addAll(actions);
    }
    return statements;
  }

  /** For the settings' validation: names that are not roles. */
  List<String> unknownRoles(List<String> names) {
    List<String> unknown = new ArrayList<>();
    for (String n : names) {
      if (!roles.containsKey(n)) {
        unknown.add(n);
      }
    }
    return unknown;
  }
}
