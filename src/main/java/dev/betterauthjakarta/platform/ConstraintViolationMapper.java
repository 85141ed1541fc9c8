package dev.betterauthjakarta.platform;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Writes Bean Validation failures of request records and parameters as Better Auth does: 400
 * VALIDATION_ERROR with {@code [body.<field>] <message>} (or {@code [query.<name>]}), several
 * joined with {@code "; "} in the record's field order. A constraint with a {@code code} attribute
 * (such as {@link TrustedUrl} or {@link Length}) stands for one of Better Auth's handler checks:
 * when no schema error is left, the first of those answers its own code and status.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

  @Override
  public Response toResponse(ConstraintViolationException e) {
    return new AuthExceptionMapper().toResponse(toAuthException(e.getConstraintViolations()));
  }

  /**
   * The error a set of violations answers: the schema errors joined, or the first coded one.
   *
   * @param violations at least one violation of a request record or parameter
   */
  public static AuthException toAuthException(Set<? extends ConstraintViolation<?>> violations) {
    List<ConstraintViolation<?>> sorted =
        violations.stream()
            .<ConstraintViolation<?>>map(v -> v)
            .sorted(Comparator.comparingInt(ConstraintViolationMapper::position))
            .toList();
    List<String> schema =
        sorted.stream()
            .filter(v -> code(v) == ErrorCode.VALIDATION_ERROR)
            .map(v -> "[" + location(v) + "." + name(v) + "] " + v.getMessage())
            .toList();
    if (!schema.isEmpty() || sorted.isEmpty()) {
      return new AuthException(
          ErrorCode.VALIDATION_ERROR,
          schema.isEmpty() ? ErrorCode.VALIDATION_ERROR.message() : String.join("; ", schema));
    }
    ConstraintViolation<?> first = sorted.get(0);
    ErrorCode code = code(first);
    String message =
        first.getMessage().isEmpty()
            ? code.message()
            : first.getMessage().replace("{field}", name(first));
    return new AuthException(code, message);
  }

  private static ErrorCode code(ConstraintViolation<?> violation) {
    Object code = violation.getConstraintDescriptor().getAttributes().get("code");
    return code instanceof ErrorCode c ? c : ErrorCode.VALIDATION_ERROR;
  }

  private static String location(ConstraintViolation<?> violation) {
    return leaf(violation).getKind() == ElementKind.PARAMETER ? "query" : "body";
  }

  private static String name(ConstraintViolation<?> violation) {
    return leaf(violation).getName();
  }

  private static Path.Node leaf(ConstraintViolation<?> violation) {
    Path.Node last = null;
    for (Path.Node node : violation.getPropertyPath()) {
      last = node;
    }
    return last;
  }

  /** The field's index in its record, so messages follow the order the client's schema has. */
  private static int position(ConstraintViolation<?> violation) {
    Object bean = violation.getLeafBean();
    if (bean == null || !bean.getClass().isRecord()) {
      return Integer.MAX_VALUE;
    }
    List<String> names =
        Arrays.stream(bean.getClass().getRecordComponents()).map(RecordComponent::getName).toList();
    int index = names.indexOf(name(violation));
    return index < 0 ? Integer.MAX_VALUE : index;
  }
}
