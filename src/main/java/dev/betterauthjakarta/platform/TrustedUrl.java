package dev.betterauthjakarta.platform;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A callback or redirect URL the service may send a browser to: a relative path on this service or
 * an absolute http(s) URL on a trusted origin ({@link TrustedOrigins#isTrustedUrl}). {@code null}
 * is valid. A violation answers {@link #code()} (403 INVALID_CALLBACK_URL by default, as Better
 * Auth's origin check does), not a validation error.
 */
@Documented
@Constraint(validatedBy = TrustedUrl.Validator.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface TrustedUrl {
  /** The error a violation answers with. */
  ErrorCode code() default ErrorCode.INVALID_CALLBACK_URL;

  String message() default "";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks against the trusted origins of {@link ServiceSettings}, looked up through CDI. */
  class Validator implements ConstraintValidator<TrustedUrl, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null
          || CDI.current().select(ServiceSettings.class).get().trustedOrigins().isTrustedUrl(value);
    }
  }
}
