package dev.betterauthjakarta.twofactor;

import dev.betterauthjakarta.platform.ConfigValues;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/** Settings of two-factor authentication, read strictly ({@link ConfigValues}). */
@ApplicationScoped
public class TwoFactorSettings {
  @Inject Config config;

  private String issuer;
  private Set<String> mfaProviders;

  @PostConstruct
  void read() {
    issuer = ConfigValues.string(config, "better.auth.two-factor.issuer", "Better Auth");
    if (issuer.isBlank() || issuer.length() > 100) {
      throw new IllegalArgumentException("better.auth.two-factor.issuer must be 1-100 characters");
    }
    mfaProviders =
        ConfigValues.string(config, "better.auth.two-factor.mfa-providers")
            .map(
                v ->
                    Arrays.stream(v.split("[,\\s]+"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()))
            .orElse(Set.of());
  }

  /** Reads the settings when the application starts, so a bad value fails the deployment. */
  void validateAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object started) {
    issuer();
  }

  /** The issuer named in otpauth URIs unless enable names one (Better Auth's appName). */
  public String issuer() {
    return issuer;
  }

  /**
   * Whether a sign-in through this identity provider skips the second factor because the provider's
   * verified id token says it checked several factors itself ({@code amr} contains {@code mfa}, RFC
   * 8176). Only providers listed in {@code better.auth.two-factor.mfa-providers} are believed; none
   * by default.
   */
  public boolean providerAssertsMfa(String providerId, java.util.List<String> amr) {
    return mfaProviders.contains(providerId) && amr.contains("mfa");
  }
}
