package dev.betterauthjakarta.platform;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A string's length in UTF-16 code units (as JavaScript counts it) lies within {@code [min, max]};
 * {@code null} is valid. Unlike {@code @Size}, a violation answers the error {@link #code()} names
 * (e.g. PASSWORD_TOO_SHORT), for Better Auth's rules that are not schema errors.
 */
@Documented
@Constraint(validatedBy = Length.Validator.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
@Repeatable(Length.List.class)
public @interface Length {
  /** The shortest valid length, inclusive. */
  int min() default 0;

  /** The longest valid length, inclusive. */
  int max() default Integer.MAX_VALUE;

  /** The error a violation answers with. */
  ErrorCode code();

  String message() default "";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Several {@code @Length} rules on one field, each with its own code. */
  @Documented
  @Target({FIELD, METHOD, PARAMETER})
  @Retention(RUNTIME)
  @interface List {
    Length[] value();
  }

  /** Compares {@link String#length()} with the bounds. */
  class Validator implements ConstraintValidator<Length, String> {
    private int min;
    private int max;

    @Override
    public void initialize(Length length) {
      min = length.min();
      max = length.max();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || (value.length() >= min && value.length() <= max);
    }
  }
}
