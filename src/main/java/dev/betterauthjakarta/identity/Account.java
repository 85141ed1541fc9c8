package dev.betterauthjakarta.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of Better Auth's {@code "account"} table: one way for a user to sign in. */
@Entity
@Table(name = "account")
@NamedQuery(
    name = Account.BY_USER,
    query = "select a from Account a where a.userId = :userId order by a.createdAt, a.id")
@NamedQuery(
    name = Account.BY_USER_AND_PROVIDER,
    query =
        "select a from Account a where a.userId = :userId and a.providerId = :providerId"
            + " order by a.createdAt, a.id")
@NamedQuery(
    name = Account.BY_PROVIDER_ACCOUNT,
    query = "select a from Account a where a.providerId = :providerId and a.accountId = :accountId")
@NamedQuery(name = Account.DELETE_BY_USER, query = "delete from Account a where a.userId = :userId")
public class Account {
  static final String BY_USER = "Account.byUser";
  static final String BY_USER_AND_PROVIDER = "Account.byUserAndProvider";
  static final String BY_PROVIDER_ACCOUNT = "Account.byProviderAccount";
  static final String DELETE_BY_USER = "Account.deleteByUser";
  public static final String CREDENTIAL_PROVIDER = "credential";

  @Id private String id;
  private String accountId;
  private String providerId;
  private String userId;
  private String accessToken;
  private String refreshToken;
  private String idToken;
  private Instant accessTokenExpiresAt;
  private Instant refreshTokenExpiresAt;
  private String scope;
  private String password;
  private Instant createdAt;
  private Instant updatedAt;

  protected Account() {}

  /** The password account: Better Auth sets its accountId to the user's id. */
  public static Account credential(String id, String userId, String passwordHash, Instant now) {
    Account a = new Account();
    a.id = id;
    a.accountId = userId;
    a.providerId = CREDENTIAL_PROVIDER;
    a.userId = userId;
    a.password = passwordHash;
    a.createdAt = now;
    a.updatedAt = now;
    return a;
  }

  /**
   * A provider's account: the provider's stable id for the user ({@code accountId}) under the
   * provider's id. Tokens are stored sealed, by {@link IdentityService}.
   */
  static Account linked(
      String id, String userId, String providerId, String accountId, String scope, Instant now) {
    Account a = new Account();
    a.id = id;
    a.accountId = accountId;
    a.providerId = providerId;
    a.userId = userId;
    a.scope = scope;
    a.createdAt = now;
    a.updatedAt = now;
    return a;
  }

  /**
   * Whether this account is a way to sign in: a provider's account is, a credential account only
   * while it holds a password (Better Auth can leave one without).
   */
  public boolean canSignIn() {
    return !CREDENTIAL_PROVIDER.equals(providerId) || password != null;
  }

  /** Stores sealed token columns as {@link IdentityService} prepared them. */
  void storeTokens(
      String sealedAccess,
      String sealedRefresh,
      String sealedId,
      Instant accessExpires,
      Instant refreshExpires,
      Instant now) {
    accessToken = sealedAccess;
    refreshToken = sealedRefresh;
    idToken = sealedId;
    accessTokenExpiresAt = accessExpires;
    refreshTokenExpiresAt = refreshExpires;
    updatedAt = now;
  }

  /** The granted scopes become {@code scope} (comma-separated, as Better Auth stores them). */
  void changeScope(String scope, Instant now) {
    this.scope = scope;
    this.updatedAt = now;
  }

  String storedAccessToken() {
    return accessToken;
  }

  String storedRefreshToken() {
    return refreshToken;
  }

  String storedIdToken() {
    return idToken;
  }

  public Instant getAccessTokenExpiresAt() {
    return accessTokenExpiresAt;
  }

  public Instant getRefreshTokenExpiresAt() {
    return refreshTokenExpiresAt;
  }

  public void changePassword(String passwordHash, Instant now) {
    this.password = passwordHash;
    this.updatedAt = now;
  }

  public String getId() {
    return id;
  }

  public String getAccountId() {
    return accountId;
  }

  public String getProviderId() {
    return providerId;
  }

  public String getUserId() {
    return userId;
  }

  public String getScope() {
    return scope;
  }

  public String getPassword() {
    return password;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
