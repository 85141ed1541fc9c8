package dev.betterauthjakarta.mail;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betterauthjakarta.platform.ServiceSettings;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

/** Mailed links are credentials: only a development run may write mail to the log. */
class MailSettingsTest {

  @Test
  void productionWithoutSmtpIsRefused() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> MailSettings.requireSmtpInProduction(true, Optional.empty()));
    assertTrue(e.getMessage().contains("BETTER_AUTH_SMTP_HOST"), e.getMessage());
  }

  @Test
  void productionWithSmtpAndDevelopmentEitherWayAreFine() {
    assertDoesNotThrow(() -> MailSettings.requireSmtpInProduction(true, Optional.of("smtp")));
    assertDoesNotThrow(() -> MailSettings.requireSmtpInProduction(false, Optional.empty()));
    assertDoesNotThrow(() -> MailSettings.requireSmtpInProduction(false, Optional.of("smtp")));
  }

  /** The rule runs where the deployment reads its settings, so a bad setup fails the start. */
  @Test
  void readingTheSettingsAtDeploymentAppliesTheRule() {
    assertThrows(IllegalStateException.class, () -> settings(true, Map.of()).read());
    assertThrows(
        IllegalStateException.class,
        () -> settings(true, Map.of("better.auth.smtp.host", "  ")).read());
    MailSettings smtp = settings(true, Map.of("better.auth.smtp.host", "smtp.example.com"));
    smtp.read();
    assertEquals(Optional.of("smtp.example.com"), smtp.smtpHost());
    MailSettings development = settings(false, Map.of());
    development.read();
    assertEquals(Optional.empty(), development.smtpHost());
  }

  private static MailSettings settings(boolean https, Map<String, String> values) {
    MailSettings settings = new MailSettings();
    settings.config = config(values);
    settings.service =
        new ServiceSettings() {
          @Override
          public boolean isHttps() {
            return https;
          }
        };
    return settings;
  }

  /** A configuration holding only the given strings. */
  private static Config config(Map<String, String> values) {
    return new Config() {
      @Override
      public <T> T getValue(String name, Class<T> type) {
        return getOptionalValue(name, type).orElseThrow(NoSuchElementException::new);
      }

      @Override
      public ConfigValue getConfigValue(String name) {
        throw new UnsupportedOperationException();
      }

      @Override
      public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
        return Optional.ofNullable(values.get(name)).map(type::cast);
      }

      @Override
      public Iterable<String> getPropertyNames() {
        return values.keySet();
      }

      @Override
      public Iterable<ConfigSource> getConfigSources() {
        throw new UnsupportedOperationException();
      }

      @Override
      public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
        return Optional.empty();
      }

      @Override
      public <T> T unwrap(Class<T> type) {
        throw new UnsupportedOperationException();
      }
    };
  }
}
