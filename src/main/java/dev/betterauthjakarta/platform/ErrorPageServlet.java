package dev.betterauthjakarta.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * The WAR's error page ({@code WEB-INF/web.xml}): every error the servlet container itself answers
 * for this application (a 404 outside the JAX-RS application, a header the runtime could not parse,
 * an exception that escaped everything) gets the same {@code {code, message}} JSON as the API
 * instead of the server's HTML page. The code comes from the status ({@link ErrorCode#forStatus});
 * an exception is logged under an incident id and answers a generic 500, as {@link
 * UnexpectedExceptionMapper} does. Requested directly, it is just a path that does not exist.
 */
@WebServlet(ErrorPageServlet.PATH)
public class ErrorPageServlet extends HttpServlet {
  /** Where {@code web.xml} sends errors. */
  public static final String PATH = "/error";

  private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    int code = status instanceof Integer s && s >= 400 ? s : 404;
    String message = ErrorCode.forStatus(code).message();
    if (exception instanceof Throwable t) {
      code = 500;
      String incident = Incidents.report(LOG, "Unexpected error outside the JAX-RS application", t);
      message = Incidents.message(incident);
    }
    write(response, code, ErrorCode.forStatus(code), message);
  }

  /** Writes {@code {code, message}} as the answer, replacing anything not yet sent. */
  static void write(HttpServletResponse response, int status, ErrorCode code, String message)
      throws IOException {
    if (response.isCommitted()) {
      return; // too late to change anything; the client sees what was sent
    }
    byte[] body =
        Jsons.PROVIDER
            .createObjectBuilder()
            .add("code", code.name())
            .add("message", message)
            .build()
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType("application/json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
