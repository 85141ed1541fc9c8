package dev.betterauthjakarta.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every setting of the service, read through MicroProfile Config: a key {@code better.auth.x-y}
 * is also the environment variable {@code BETTER_AUTH_X_Y}. The README lists them all.
 */
@ApplicationScoped
public class AuthSettings {
  private static final Logger LOG = Logger.getLogger(AuthSettings.class.getName());
  public static final String ACCOUNT_MANAGEMENT_ENABLED = "better.auth.account-management.enabled";

  @Inject
  @ConfigProperty(name = "better.auth.url", defaultValue = "http://localhost:8080")
  String baseUrl;

  @Inject
  @ConfigProperty(name = "better.auth.secret")
  Optional<String> configuredSecret;

  @Inject
  @ConfigProperty(name = "better.auth.trusted-origins")
  Optional<String> trustedOrigins; // comma-separated (Payara cannot inject Optional<List>)

  @Inject
  @ConfigProperty(name = "better.auth.session.expires-in", defaultValue = "604800")
  long sessionExpiresIn;

  @Inject
  @ConfigProperty(name = "better.auth.session.update-age", defaultValue = "86400")
  long sessionUpdateAge;

  @Inject
  @ConfigProperty(name = "better.auth.session.fresh-age", defaultValue = "86400")
  long sessionFreshAge;

  @Inject
  @ConfigProperty(name = "better.auth.email-change.expires-in", defaultValue = "3600")
  long emailChangeExpiresIn;

  @Inject
  @ConfigProperty(name = "better.auth.email-verification.required", defaultValue = "false")
  boolean requireEmailVerification;

  @Inject
  @ConfigProperty(name = "better.auth.email-verification.send-on-sign-up")
  Optional<Boolean> sendVerificationOnSignUp;

  @Inject
  @ConfigProperty(name = "better.auth.email-verification.expires-in", defaultValue = "3600")
  long emailVerificationExpiresIn;

  @Inject
  @ConfigProperty(name = "better.auth.email-change.confirm-with-current-email", defaultValue = "false")
  boolean confirmEmailChangeWithCurrentEmail;

  @Inject
  @ConfigProperty(name = "better.auth.delete-user.confirm-by-email", defaultValue = "false")
  boolean confirmDeleteByEmail;

  @Inject
  @ConfigProperty(name = "better.auth.delete-user.expires-in", defaultValue = "86400")
  long deleteUserExpiresIn;

  @Inject
  @ConfigProperty(name = "better.auth.password.hash-format", defaultValue = "argon2id")
  String passwordHashFormat;

  @Inject
  @ConfigProperty(name = "better.auth.account-management.list-format", defaultValue = "envelope")
  String listAccountsFormat;

  @Inject
  @ConfigProperty(name = "better.auth.smtp.host")
  Optional<String> smtpHost;

  @Inject
  @ConfigProperty(name = "better.auth.smtp.port", defaultValue = "587")
  int smtpPort;

  @Inject
  @ConfigProperty(name = "better.auth.smtp.username")
  Optional<String> smtpUsername;

  @Inject
  @ConfigProperty(name = "better.auth.smtp.password")
  Optional<String> smtpPassword;

  @Inject
  @ConfigProperty(name = "better.auth.smtp.starttls", defaultValue = "true")
  boolean smtpStartTls;

  @Inject
  @ConfigProperty(name = "better.auth.smtp.ssl", defaultValue = "false")
  boolean smtpSsl;

  @Inject
  @ConfigProperty(name = "better.auth.mail.from", defaultValue = "Better Auth <no-reply@localhost>")
  String mailFrom;

  private byte[] secret;
  private TrustedOrigins origins;

  @PostConstruct
  void init() {
    if (configuredSecret.filter(s -> !s.isBlank()).isPresent()) {
      secret = configuredSecret.get().getBytes(StandardCharsets.UTF_8);
      if (secret.length < 32) {
        LOG.warning("better.auth.secret is shorter than 32 bytes; use a long random value");
      }
    } else {
      // Signed bearer tokens then stop validating on restart; raw tokens keep working.
      secret = new byte[32];
      new SecureRandom().nextBytes(secret);
      LOG.warning(
          "No better.auth.secret (BETTER_AUTH_SECRET) is configured; using a random one for this"
              + " run. Set it in production.");
    }
    origins = TrustedOrigins.of(baseUrl, List.of(trustedOrigins.orElse("").split(",")));
  }

  public String baseUrl() {
    return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** The public URL of this service's routes, e.g. for links in mails. */
  public String apiUrl() {
    return baseUrl() + "/api/auth";
  }

  public byte[] secret() {
    return secret.clone();
  }

  public TrustedOrigins trustedOrigins() {
    return origins;
  }

  public Duration sessionExpiresIn() {
    return Duration.ofSeconds(sessionExpiresIn);
  }

  /** Better Auth's fixed lifetime of a session signed in with {@code rememberMe: false}. */
  public Duration shortSessionExpiresIn() {
    return Duration.ofDays(1);
  }

  public Duration sessionUpdateAge() {
    return Duration.ofSeconds(sessionUpdateAge);
  }

  /** Zero turns freshness checks off, as in Better Auth. */
  public Duration sessionFreshAge() {
    return Duration.ofSeconds(sessionFreshAge);
  }

  public Duration emailChangeExpiresIn() {
    return Duration.ofSeconds(emailChangeExpiresIn);
  }

  /** Sign-in of a user whose email is not verified is refused (403 EMAIL_NOT_VERIFIED). */
  public boolean requireEmailVerification() {
    return requireEmailVerification;
  }

  /** Defaults to {@link #requireEmailVerification()}, as in Better Auth. */
  public boolean sendVerificationOnSignUp() {
    return sendVerificationOnSignUp.orElse(requireEmailVerification);
  }

  public Duration emailVerificationExpiresIn() {
    return Duration.ofSeconds(emailVerificationExpiresIn);
  }

  /** A verified address must approve a change (Better Auth's sendChangeEmailConfirmation). */
  public boolean confirmEmailChangeWithCurrentEmail() {
    return confirmEmailChangeWithCurrentEmail;
  }

  /** delete-user mails a link instead of deleting (Better Auth's sendDeleteAccountVerification). */
  public boolean confirmDeleteByEmail() {
    return confirmDeleteByEmail;
  }

  public Duration deleteUserExpiresIn() {
    return Duration.ofSeconds(deleteUserExpiresIn);
  }

  /** {@code better-auth-scrypt} keeps writing Better Auth's format for a shared database. */
  public boolean writeBetterAuthPasswordHashes() {
    return "better-auth-scrypt".equalsIgnoreCase(passwordHashFormat.trim());
  }

  public boolean listAccountsAsBareArray() {
    return "array".equalsIgnoreCase(listAccountsFormat.trim());
  }

  public Optional<String> smtpHost() {
    return smtpHost.filter(h -> !h.isBlank());
  }

  public int smtpPort() {
    return smtpPort;
  }

  public Optional<String> smtpUsername() {
    return smtpUsername.filter(u -> !u.isBlank());
  }

  public Optional<String> smtpPassword() {
    return smtpPassword;
  }

  public boolean smtpStartTls() {
    return smtpStartTls;
  }

  public boolean smtpSsl() {
    return smtpSsl;
  }

  public String mailFrom() {
    return mailFrom;
  }
}
