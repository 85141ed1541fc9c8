package dev.betterauthjakarta.platform;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A server-only field (Better Auth's {@code input: false}, e.g. {@code role}) that a client sent
 * with a truthy value, in JavaScript's sense: answers 400 FIELD_NOT_ALLOWED with {@code "<field> is
 * not allowed to be set"}. Absent, {@code null}, {@code false}, {@code 0} and {@code ""} pass, as
 * in Better Auth.
 */
@Documented
@Constraint(validatedBy = NotSettable.Validator.class)
@Target({FIELD, METHOD})
@Retention(RUNTIME)
public @interface NotSettable {
  /** The error a violation answers with. */
  ErrorCode code() default ErrorCode.FIELD_NOT_ALLOWED;

  /** {@code {field}} becomes the field's name. */
  String message() default "{field} is not allowed to be set";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** JavaScript truthiness of a JSON value. */
  class Validator implements ConstraintValidator<NotSettable, JsonValue> {
    @Override
    public boolean isValid(JsonValue value, ConstraintValidatorContext context) {
      return !isTruthy(value);
    }

    /** Whether JavaScript would treat the value as true in an {@code if}. */
    public static boolean isTruthy(JsonValue value) {
      if (value == null) {
        return false;
      }
      return switch (value.getValueType()) {
        case NULL, FALSE -> false;
        case STRING -> !((JsonString) value).getString().isEmpty();
        case NUMBER -> ((JsonNumber) value).doubleValue() != 0;
        default -> true;
      };
    }
  }
}
