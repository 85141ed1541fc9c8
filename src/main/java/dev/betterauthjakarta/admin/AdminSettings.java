package dev.betterauthjakarta.admin;

import dev.betterauthjakarta.platform.ConfigValues;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * Better Auth's admin plugin options, read strictly ({@link ConfigValues}): roles and their
 * statements, the default and admin roles, admin user ids, impersonation and ban defaults, and the
 * first administrator (an email or a user id) so that a fresh install needs no SQL.
 */
@ApplicationScoped
public class AdminSettings {
  static final String ROLES = "better.auth.admin.roles";
  static final String ROLE_PREFIX = "better.auth.admin.role.";

  @Inject Config config;

  private AccessControl access;
  private Duration impersonationDuration;
  private boolean allowImpersonatingAdmins;
  private String defaultBanReason;
  private Optional<Duration> defaultBanExpiresIn;
  private Optional<String> initialAdmin;

  @PostConstruct
  void read() {
    List<String> roleNames = ConfigValues.list(config, ROLES);
    Map<String, Map<String, java.util.Set<String>>> roles = new LinkedHashMap<>();
    boolean custom = !roleNames.isEmpty();
    if (!custom) {
      roles.put("admin", AccessControl.DEFAULT_ADMIN);
      roles.put("user", AccessControl.DEFAULT_USER);
    }
    for (String name : roleNames) {
      if (name.contains(",")) {
        throw new IllegalArgumentException(ROLES + ": a role name cannot hold a comma");
      }
      Optional<String> statements = ConfigValues.string(config, ROLE_PREFIX + name);
      if (statements.isPresent()) {
        roles.put(name, AccessControl.parseStatements(ROLE_PREFIX + name, statements.get()));
      } else if (name.equals("admin")) {
        roles.put(name, AccessControl.DEFAULT_ADMIN);
      } else if (name.equals("user")) {
        roles.put(name, AccessControl.DEFAULT_USER);
      } else {
        throw new IllegalArgumentException(
            ROLES + " names '" + name + "' but " + ROLE_PREFIX + name + " is not set");
      }
    }
    String defaultRole = ConfigValues.string(config, "better.auth.admin.default-role", "user");
    List<String> adminRoles = ConfigValues.list(config, "better.auth.admin.admin-roles");
    if (adminRoles.isEmpty()) {
      adminRoles = List.of("admin");
    }
    Set<String> adminUserIds =
        new HashSet<>(ConfigValues.list(config, "better.auth.admin.user-ids"));
    access = new AccessControl(roles, custom, adminUserIds, adminRoles, defaultRole);
    List<String> unknown = access.unknownRoles(adminRoles);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "better.auth.admin.admin-roles names roles that are not defined: " + unknown);
    }
    if (custom && !access.unknownRoles(List.of(defaultRole)).isEmpty()) {
      throw new IllegalArgumentException(
          "better.auth.admin.default-role '" + defaultRole + "' is not one of " + ROLES);
    }
    long impersonation =
        ConfigValues.seconds(config, "better.auth.admin.impersonation-session-duration", 3600);
    if (impersonation < 1) {
      throw new IllegalArgumentException(
          "better.auth.admin.impersonation-session-duration must be 1 second or more");
    }
    impersonationDuration = Duration.ofSeconds(impersonation);
    allowImpersonatingAdmins =
        ConfigValues.bool(config, "better.auth.admin.allow-impersonating-admins", false);
    defaultBanReason =
        ConfigValues.string(config, "better.auth.admin.default-ban-reason", "No reason");
    long banSeconds = ConfigValues.seconds(config, "better.auth.admin.default-ban-expires-in", 0);
    defaultBanExpiresIn =
        banSeconds == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(banSeconds));
    initialAdmin = ConfigValues.string(config, "better.auth.admin.initial-admin");
  }

  /** Reads the settings when the application starts, so a bad value fails the deployment. */
  void validateAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object started) {
    access();
  }

  public AccessControl access() {
    return access;
  }

  /** How long an impersonation session lives (1 hour); it is never extended. */
  public Duration impersonationDuration() {
    return impersonationDuration;
  }

  /** Better Auth's allowImpersonatingAdmins: anyone who may impersonate may impersonate admins. */
  public boolean allowImpersonatingAdmins() {
    return allowImpersonatingAdmins;
  }

  public String defaultBanReason() {
    return defaultBanReason;
  }

  /** How long a ban without its own expiry lasts; empty: for good. */
  public Optional<Duration> defaultBanExpiresIn() {
    return defaultBanExpiresIn;
  }

  /**
   * The first administrator, by email (matched lower-cased) or user id: given the first admin role
   * when it signs up and, if it exists but is no administrator, when the service starts.
   */
  public Optional<String> initialAdmin() {
    return initialAdmin;
  }
}
