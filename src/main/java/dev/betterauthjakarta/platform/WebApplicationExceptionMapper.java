package dev.betterauthjakarta.platform;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/**
 * Errors raised by the JAX-RS runtime (unknown path, wrong method, wrong content type, ...) in the
 * same {code, message} shape. Headers such as {@code Allow} on a 405 are kept; a 415 names the type
 * that was sent, as Better Auth's message does.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
  private static final Logger LOG = Logger.getLogger(WebApplicationExceptionMapper.class.getName());

  @Context HttpHeaders headers;

  @Override
  public Response toResponse(WebApplicationException e) {
    Response original = e.getResponse();
    int status = original.getStatus();
    ErrorCode code = ErrorCode.forStatus(status);
    String message =
        status >= 500
            ? Incidents.message(Incidents.report(LOG, "Server error in the JAX-RS runtime", e))
            : code == ErrorCode.UNSUPPORTED_MEDIA_TYPE
                ? unsupportedMediaType(
                    headers == null ? null : headers.getHeaderString(HttpHeaders.CONTENT_TYPE))
                : code.message();
    var response = ErrorBody.response(status, code, message);
    String allow = original.getHeaderString(HttpHeaders.ALLOW);
    if (allow != null) {
      response.header(HttpHeaders.ALLOW, allow);
    }
    return response.build();
  }

  /**
   * Better Auth's 415 message, naming the type that was sent (without parameters).
   *
   * @param sent the request's Content-Type header, or null
   */
  static String unsupportedMediaType(String sent) {
    String type = sent == null ? "" : sent.split(";", 2)[0].trim();
    // The message echoes client input: keep it short and valid text.
    return "Content-Type \""
        + SafeText.quotable(type.replace("\"", ""), 100)
        + "\" is not allowed. Allowed types: application/json";
  }
}
