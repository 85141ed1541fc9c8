package dev.betterauthjakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Request smuggling over one raw connection: a request whose body length is ambiguous, followed on
 * the same connection by a second, "smuggled" request. The first may be refused (400) or answered,
 * but then the connection must close, so the second is never served. The control case shows that
 * two honest pipelined requests are both answered, so a missing second answer means something.
 *
 * <p>Who refuses what: Payara itself answers 400 (empty body) and closes for a Content-Length after
 * {@code Transfer-Encoding: chunked} and for two different lengths; it drops a Content-Length
 * before {@code Transfer-Encoding: chunked} silently, so the service answers that request but
 * closes the connection ({@code HttpFramingFilter}); a transfer coding not ending in chunked
 * reaches the service, which refuses it with its JSON 400.
 */
@ExtendWith(ArquillianExtension.class)
class HttpFramingIT {
  /** The smuggled request: its answer, {"ok":true}, must never come back. */
  private static final String SMUGGLED = "GET /api/auth/ok HTTP/1.1\r\nHost: localhost\r\n\r\n";

  private static final String SIGN_OUT =
      "POST /api/auth/sign-out HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n";

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.realWar();
  }

  @ArquillianResource URL base;

  /** What the server sent back on one connection, and whether it closed it. */
  private record Exchange(String text, boolean closed) {}

  @ParameterizedTest
  @ValueSource(
      strings = {
        // both headers: a proxy that trusts Content-Length sees one request, a server that trusts
        // Transfer-Encoding sees two
        "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "Transfer-Encoding: chunked\r\nContent-Length: 0\r\n\r\n0\r\n\r\n",
        // chunked alone looks the same to the service as the first case, whose length Payara
        // dropped
        "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        // a coding other than chunked last: no way to know where the body ends
        "Transfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n",
        // two different lengths
        "Content-Length: 0\r\nContent-Length: 2\r\n\r\n",
      })
  void anAmbiguousRequestGetsOneAnswerAndTheConnectionClosesSoNothingIsSmuggled(String framing)
      throws IOException {
    Exchange e = exchange(SIGN_OUT + framing + SMUGGLED);
    assertTrue(
        e.text().startsWith("HTTP/1.1 400 ") || e.text().startsWith("HTTP/1.1 200 "), e.text());
    assertTrue(e.text().toLowerCase().contains("connection: close"), e.text());
    assertTrue(e.closed(), "the server closed the connection: " + e.text());
    assertFalse(e.text().contains("{\"ok\":true}"), "the smuggled request was served: " + e.text());
    assertEquals(1, count(e.text(), "HTTP/1.1 "), e.text());
  }

  @Test
  void anAmbiguityTheServiceSeesIsRefusedWithItsJsonError() throws IOException {
    Exchange e =
        exchange(SIGN_OUT + "Transfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n" + SMUGGLED);
    assertTrue(e.text().startsWith("HTTP/1.1 400 "), e.text());
    assertTrue(e.text().contains("\"code\":\"BAD_REQUEST\""), e.text());
    assertTrue(e.closed(), e.text());
    assertFalse(e.text().contains("{\"ok\":true}"), e.text());
  }

  @Test
  void twoHonestPipelinedRequestsAreBothAnswered() throws IOException {
    Exchange e = exchange(SIGN_OUT + "Content-Length: 2\r\n\r\n{}" + SMUGGLED);
    assertEquals(2, count(e.text(), "HTTP/1.1 200 "), e.text());
    assertTrue(e.text().contains("{\"ok\":true}"), e.text());
  }

  /** Sends the bytes on a new connection and reads until the server closes it or falls silent. */
  private Exchange exchange(String request) throws IOException {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(3000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      boolean closed;
      try {
        for (int n; (n = in.read(buffer)) > 0; ) {
          received.write(buffer, 0, n);
        }
        closed = true;
      } catch (SocketTimeoutException e) {
        closed = false; // still open 3 s after the last byte
      } catch (IOException e) {
        closed = true; // reset by the server
      }
      return new Exchange(received.toString(StandardCharsets.ISO_8859_1), closed);
    }
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
