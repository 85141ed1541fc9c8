package dev.betterauthjakarta.identity;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.json.JsonObject;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * User metadata within {@link Metadata#MAX_BYTES} as stored and {@link Metadata#MAX_DEPTH} levels
 * deep; {@code null} is valid. A violation is a schema error (400 VALIDATION_ERROR).
 */
@Documented
@Constraint(validatedBy = MetadataLimits.Validator.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface MetadataLimits {
  String message() default
      "Too big: at most "
          + Metadata.MAX_BYTES
          + " bytes as stored and "
          + Metadata.MAX_DEPTH
          + " levels of nesting";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Applies {@link Metadata#isWithinLimits}. */
  class Validator implements ConstraintValidator<MetadataLimits, JsonObject> {
    @Override
    public boolean isValid(JsonObject value, ConstraintValidatorContext context) {
      return value == null || Metadata.isWithinLimits(value);
    }
  }
}
