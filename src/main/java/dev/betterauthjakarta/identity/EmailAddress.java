package dev.betterauthjakarta.identity;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.betterauthjakarta.platform.ErrorCode;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An email address as Better Auth's zod schema takes it ({@link Emails#isValid}: at most 254
 * characters, 64 before the {@code @}); {@code null} is valid. A violation is a schema error,
 * {@code [body.<field>] Invalid email address}, unless {@link #code()} names another error (sign-in
 * answers INVALID_EMAIL, as Better Auth's handler does).
 */
@Documented
@Constraint(validatedBy = EmailAddress.Validator.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface EmailAddress {
  /** The error a violation answers with. */
  ErrorCode code() default ErrorCode.VALIDATION_ERROR;

  String message() default "Invalid email address";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Applies {@link Emails#isValid}. */
  class Validator implements ConstraintValidator<EmailAddress, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || Emails.isValid(value);
    }
  }
}
