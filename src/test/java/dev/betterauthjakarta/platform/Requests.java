package dev.betterauthjakarta.platform;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.StringReader;
import java.util.Set;

/**
 * Reads a request body the way the server does, without a server: JSON ({@code '} for {@code "})
 * bound by {@link RecordBinder}, then Bean Validation, then {@link ConstraintViolationMapper}'s
 * verdict thrown as the {@link AuthException} the client would see.
 */
public final class Requests {
  private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
  private static final Validator VALIDATOR = FACTORY.getValidator();

  private Requests() {}

  public static JsonObject json(String singleQuoted) {
    return Json.createReader(new StringReader(singleQuoted.replace('\'', '"'))).readObject();
  }

  /** The valid record, or the AuthException the server would answer with. */
  public static <T> T read(String singleQuoted, Class<T> type) {
    T request = RecordBinder.bind(json(singleQuoted), type);
    Set<ConstraintViolation<T>> violations = VALIDATOR.validate(request);
    if (!violations.isEmpty()) {
      throw ConstraintViolationMapper.toAuthException(violations);
    }
    return request;
  }
}
