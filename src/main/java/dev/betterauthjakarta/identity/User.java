package dev.betterauthjakarta.identity;

import dev.betterauthjakarta.platform.Jsons;
import dev.betterauthjakarta.platform.StoredJson;
import dev.betterauthjakarta.platform.WireDates;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * A row of Better Auth's {@code "user"} table plus the seed's metadata and 2FA flag. State changes
 * go through behaviour methods named after what happens (verify the email, change it, ban, lift a
 * ban, update the profile); there are no public setters.
 *
 * <p>Stored metadata that cannot be read back (written by another writer, or by a version of this
 * service before the limits of issue 7) reads as {@code {}}, with a warning naming the user: the
 * user can still sign in, be read, updated and deleted. The stored value is left as it is (loading
 * and unrelated updates do not write it) until the user sets metadata again, which then starts from
 * {@code {}}.
 */
@Entity
@Table(name = "user")
@NamedQuery(name = User.BY_EMAIL, query = "select u from User u where u.email = :email")
@NamedQuery(name = User.BY_USERNAME, query = "select u from User u where u.username = :username")
public class User {
  static final String BY_EMAIL = "User.byEmail";
  static final String BY_USERNAME = "User.byUsername";

  /** The role of a new user, as in Better Auth's admin plugin. */
  public static final String DEFAULT_ROLE = "user";

  private static final Logger LOG = Logger.getLogger(User.class.getName());

  /**
   * Users whose unreadable metadata was already reported by this process: one line per user, not
   * one per request that loads the row (bounded, so a flood of such rows cannot grow it).
   */
  private static final Set<String> UNREADABLE_REPORTED = ConcurrentHashMap.newKeySet();

  private static final int MAX_REPORTED = 10_000;

  @Id private String id;
  private String name;
  private String email;
  private boolean emailVerified;
  private String image;
  private Instant createdAt;
  private Instant updatedAt;
  private String username;
  private String displayUsername;
  private String role;
  private Boolean banned;
  private String banReason;
  private Instant banExpires;
  private boolean twoFactorEnabled;

  /**
   * The jsonb column as its JSON text ({@link StoredJson}: the mapping both JPA providers share).
   */
  @Column(name = "metadata")
  private String metadata = "{}";

  protected User() {}

  /** A new, unverified, unbanned user with the default role, created at {@code now}. */
  public User(String id, NewUser n, Instant now) {
    this.id = id;
    this.name = n.name();
    this.email = n.email();
    this.image = n.image();
    this.username = n.username();
    this.displayUsername = n.displayUsername();
    this.metadata = StoredJson.write(n.metadata());
    this.createdAt = now;
    this.updatedAt = now;
    this.role = DEFAULT_ROLE;
    this.banned = false;
  }

  /**
   * Whether the user is banned at {@code now}. A ban whose expiry has passed is lifted here, so
   * every place that checks a ban (sign-in, every request's session) lifts it the same way.
   */
  public boolean checkBanAt(Instant now) {
    if (!Boolean.TRUE.equals(banned)) {
      return false;
    }
    if (isBanExpiredAt(now)) {
      liftBan(now);
      return false;
    }
    return true;
  }

  /**
   * Whether a ban is in place whose end has come (it is lifted by {@link #checkBanAt}, which
   * writes; this only reads).
   */
  public boolean isBanExpiredAt(Instant now) {
    return Boolean.TRUE.equals(banned) && banExpires != null && !banExpires.isAfter(now);
  }

  /** Bans the user; {@code expires} null means for good. */
  public void ban(String reason, Instant expires, Instant now) {
    banned = true;
    banReason = reason;
    banExpires = expires;
    updatedAt = now;
  }

  /** Ends a ban, with its reason and expiry. */
  public void liftBan(Instant now) {
    banned = false;
    banReason = null;
    banExpires = null;
    updatedAt = now;
  }

  /**
   * Two-factor authentication is on: every sign-in now needs a second factor (Better Auth's {@code
   * twoFactorEnabled}). Only the two-factor use case calls this, after the user proved a code.
   */
  public void enableTwoFactor(Instant now) {
    twoFactorEnabled = true;
    updatedAt = now;
  }

  /** Two-factor authentication is off again (the user disabled it with their password). */
  public void disableTwoFactor(Instant now) {
    twoFactorEnabled = false;
    updatedAt = now;
  }

  /**
   * The roles (Better Auth's comma-separated {@code role}) become {@code role}; checked by the
   * admin feature, which owns roles.
   */
  public void changeRole(String role, Instant now) {
    this.role = role;
    updatedAt = now;
  }

  /** An administrator marks the address verified or not. */
  public void markEmailVerified(boolean verified, Instant now) {
    emailVerified = verified;
    updatedAt = now;
  }

  /**
   * The fields an audit event compares before and after a change: every profile and admin field, no
   * secret (the user row holds none) and not the free-form metadata, whose changes are noted by
   * name only.
   */
  public JsonObject auditState() {
    JsonObjectBuilder b = Jsons.PROVIDER.createObjectBuilder();
    addOrNull(b, "name", name);
    addOrNull(b, "email", email);
    b.add("emailVerified", emailVerified);
    addOrNull(b, "image", image);
    addOrNull(b, "username", username);
    addOrNull(b, "displayUsername", displayUsername);
    addOrNull(b, "role", role);
    b.add("banned", isBanned());
    addOrNull(b, "banReason", banReason);
    addOrNull(b, "banExpires", banExpires == null ? null : WireDates.format(banExpires));
    return b.build();
  }

  private static void addOrNull(JsonObjectBuilder b, String key, String value) {
    if (value == null) {
      b.addNull(key);
    } else {
      b.add(key, value);
    }
  }

  /** The owner proved the current address. */
  public void verifyEmail(Instant now) {
    emailVerified = true;
    updatedAt = now;
  }

  /**
   * Takes the name and picture an identity provider reports (account linking's "update user info on
   * link"); a value the provider did not send leaves the current one. Never the email.
   */
  public void takeProviderProfile(String providerName, String providerImage, Instant now) {
    if (providerName != null && !providerName.isBlank()) {
      name = providerName;
    }
    if (providerImage != null && !providerImage.isBlank()) {
      image = providerImage;
    }
    updatedAt = now;
  }

  /**
   * The sign-in address becomes {@code normalizedEmail}; {@code verified} says whether the new
   * address proved itself (a mailed link) or not (an unverified user's change applies at once).
   */
  public void changeEmail(String normalizedEmail, boolean verified, Instant now) {
    email = normalizedEmail;
    emailVerified = verified;
    updatedAt = now;
  }

  /**
   * Applies the fields a profile update carries: absent fields stay, {@code null} clears. The
   * username must be normalised and checked for uniqueness by the caller ({@link
   * IdentityService#updateProfile}); metadata is the merged result.
   */
  void update(ProfileChange change, Instant now) {
    change.name().ifPresent(v -> name = v);
    change.image().ifPresent(v -> image = v);
    change.username().ifPresent(v -> username = v);
    change.displayUsername().ifPresent(v -> displayUsername = v);
    change.metadata().ifPresent(v -> metadata = StoredJson.write(v));
    updatedAt = now;
  }

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getEmail() {
    return email;
  }

  public boolean isEmailVerified() {
    return emailVerified;
  }

  public String getImage() {
    return image;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public String getUsername() {
    return username;
  }

  public String getDisplayUsername() {
    return displayUsername;
  }

  public String getRole() {
    return role;
  }

  public boolean isBanned() {
    return Boolean.TRUE.equals(banned);
  }

  public String getBanReason() {
    return banReason;
  }

  public Instant getBanExpires() {
    return banExpires;
  }

  public boolean isTwoFactorEnabled() {
    return twoFactorEnabled;
  }

  @PostLoad
  void warnOfUnreadableMetadata() {
    if (StoredJson.read(metadata) == null
        && UNREADABLE_REPORTED.size() < MAX_REPORTED
        && UNREADABLE_REPORTED.add(id)) {
      LOG.warning(
          "User "
              + id
              + ": stored metadata cannot be read back as a JSON object; it reads as {} and stays"
              + " stored until the user sets metadata again");
    }
  }

  /** The metadata; {@code {}} when the stored value cannot be read (see the class comment). */
  public JsonObject getMetadata() {
    JsonObject value = StoredJson.read(metadata);
    return value == null ? JsonValue.EMPTY_JSON_OBJECT : value;
  }
}
