package dev.betterauthjakarta.user;

import dev.betterauthjakarta.platform.JsonObjectConverter;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of Better Auth's {@code "user"} table plus the seed's metadata and 2FA flag. */
@Entity
@Table(name = "user")
@NamedQuery(name = User.BY_EMAIL, query = "select u from User u where u.email = :email")
@NamedQuery(name = User.BY_USERNAME, query = "select u from User u where u.username = :username")
public class User {
  public static final String BY_EMAIL = "User.byEmail";
  public static final String BY_USERNAME = "User.byUsername";
  public static final String DEFAULT_ROLE = "user";

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

  @Convert(converter = JsonObjectConverter.class)
  @Column(name = "metadata")
  private JsonObject metadata = JsonValue.EMPTY_JSON_OBJECT;

  protected User() {}

  public User(String id, String name, String email, Instant now) {
    this.id = id;
    this.name = name;
    this.email = email;
    this.createdAt = now;
    this.updatedAt = now;
    this.role = DEFAULT_ROLE;
    this.banned = false;
  }

  /** Banned now; a ban whose expiry has passed no longer counts (and is lifted at sign-in). */
  public boolean isBannedAt(Instant now) {
    return Boolean.TRUE.equals(banned) && (banExpires == null || banExpires.isAfter(now));
  }

  public boolean hasExpiredBanAt(Instant now) {
    return Boolean.TRUE.equals(banned) && banExpires != null && !banExpires.isAfter(now);
  }

  public void liftBan(Instant now) {
    banned = false;
    banReason = null;
    banExpires = null;
    updatedAt = now;
  }

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public boolean isEmailVerified() {
    return emailVerified;
  }

  public void setEmailVerified(boolean emailVerified) {
    this.emailVerified = emailVerified;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public void setUpdatedAt(Instant updatedAt) {
    this.updatedAt = updatedAt;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getDisplayUsername() {
    return displayUsername;
  }

  public void setDisplayUsername(String displayUsername) {
    this.displayUsername = displayUsername;
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

  public JsonObject getMetadata() {
    return metadata == null ? JsonValue.EMPTY_JSON_OBJECT : metadata;
  }

  public void setMetadata(JsonObject metadata) {
    this.metadata = metadata;
  }
}
