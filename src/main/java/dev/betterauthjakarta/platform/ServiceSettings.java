package dev.betterauthjakarta.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The settings every feature shares, read through MicroProfile Config (a key {@code
 * better.auth.x-y} is also the environment variable {@code BETTER_AUTH_X_Y}): the public base URL,
 * the signing secret and the trusted origins. Each feature reads its own settings in its own {@code
 * *Settings} bean; the README lists them all.
 */
@ApplicationScoped
public class ServiceSettings {
  private static final Logger LOG = Logger.getLogger(ServiceSettings.class.getName());

  /**
   * Secrets that were {@code better.auth.secret} before (comma-separated): values sealed with them
   * at rest still open, and are sealed again with the current secret when next written. Better
   * Auth's own secrets (its {@code BETTER_AUTH_SECRETS} values) go here too, to read what it
   * encrypted.
   */
  public static final String PREVIOUS_SECRETS = "better.auth.previous-secrets";

  @Inject Config config;

  private byte[] secret;
  private SecretCipher cipher;
  private TrustedOrigins origins;
  private String normalizedBaseUrl;

  @PostConstruct
  void init() {
    String baseUrl = ConfigValues.string(config, "better.auth.url", "http://localhost:8080");
    Optional<String> configuredSecret = config.getOptionalValue("better.auth.secret", String.class);
    Optional<String> trustedOrigins = ConfigValues.string(config, "better.auth.trusted-origins");
    normalizedBaseUrl =
        baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    if (TrustedOrigins.originOf(normalizedBaseUrl).isEmpty()) {
      throw new IllegalArgumentException(
          "better.auth.url must be an absolute http(s) URL such as https://auth.example.com, not '"
              + baseUrl
              + "'");
    }
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
    List<byte[]> secrets = new ArrayList<>();
    secrets.add(secret);
    for (String previous : ConfigValues.string(config, PREVIOUS_SECRETS).orElse("").split(",")) {
      if (!previous.isBlank()) {
        secrets.add(previous.trim().getBytes(StandardCharsets.UTF_8));
      }
    }
    cipher = SecretCipher.of(secrets);
    origins = TrustedOrigins.of(normalizedBaseUrl, List.of(trustedOrigins.orElse("").split(",")));
  }

  /** The public base URL without a trailing slash, e.g. {@code https://auth.example.com}. */
  public String baseUrl() {
    return normalizedBaseUrl;
  }

  /** The public URL of this service's routes ({@code <base>/api/auth}), e.g. for mailed links. */
  public String apiUrl() {
    return normalizedBaseUrl + AuthApplication.PATH;
  }

  /** Whether the service is served over https (cookies are then Secure and prefixed). */
  public boolean isHttps() {
    return normalizedBaseUrl.startsWith("https://");
  }

  /** A copy of the HMAC key for signed tokens and cookies (Better Auth's secret). */
  public byte[] secret() {
    return secret.clone();
  }

  /**
   * Encryption of secrets at rest (provider tokens) under the current secret, opening values of the
   * previous ones too.
   */
  public SecretCipher secretCipher() {
    return cipher;
  }

  /** The origins a browser request, callback or redirect may come from or point at. */
  public TrustedOrigins trustedOrigins() {
    return origins;
  }
}
