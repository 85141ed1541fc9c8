package dev.betterauthjakarta.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The tests' one way to send a request and read the answer as text, without checked exceptions. */
final class Http {
  private Http() {}

  /**
   * Sends and waits for the whole answer.
   *
   * @param client the client to send with
   * @param request the request
   * @return the answer, its body as a string
   * @throws UncheckedIOException when the exchange fails
   * @throws IllegalStateException when interrupted (the interrupt flag is set again)
   */
  static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
