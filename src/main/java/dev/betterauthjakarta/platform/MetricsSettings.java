package dev.betterauthjakarta.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Who may read {@link MetricsServlet}: whoever presents {@code better.auth.metrics.token} ({@code
 * BETTER_AUTH_METRICS_TOKEN}) as a bearer token. Unset, the endpoint does not exist (404): metrics
 * say how many sign-ins fail and which routes are slow, which is not for the public.
 */
@ApplicationScoped
public class MetricsSettings {
  /** The setting's key. */
  static final String TOKEN = "better.auth.metrics.token";

  /** A shorter token is refused at deployment: it could be guessed. */
  static final int MIN_TOKEN_LENGTH = 16;

  private static final Logger LOG = Logger.getLogger(MetricsSettings.class.getName());

  @Inject Config config;

  private Optional<byte[]> token;

  @PostConstruct
  void read() {
    Optional<String> value = ConfigValues.string(config, TOKEN);
    if (value.isPresent() && value.get().length() < MIN_TOKEN_LENGTH) {
      throw new IllegalArgumentException(
          TOKEN + " must be at least " + MIN_TOKEN_LENGTH + " characters long");
    }
    token = value.map(v -> v.getBytes(StandardCharsets.UTF_8));
    if (token.isEmpty()) {
      LOG.info(
          "Metrics are off: set BETTER_AUTH_METRICS_TOKEN to serve them at " + MetricsServlet.PATH);
    }
  }

  /** Reads the settings when the application starts, so a bad value fails the deployment. */
  void validateAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object started) {
    token();
  }

  /** The bearer token a scraper must present (UTF-8), or empty when metrics are off. */
  Optional<byte[]> token() {
    return token;
  }
}
