package dev.betterauthjakarta.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket, one request per connection, for requests that {@code java.net.http}
 * refuses to send or quietly repairs: any method, any bytes in the request target and header
 * values, a body on any method, a Content-Type of {@code %%%}.
 */
public final class RawHttp {
  private final String host;
  private final int port;

  public RawHttp(URL base) {
    this.host = base.getHost();
    this.port = base.getPort() < 0 ? 80 : base.getPort();
  }

  /** A request under construction; {@code target} is sent exactly as given. */
  public Request request(String method, String target) {
    return new Request(method, target);
  }

  /** The request bytes and what is needed to send them. */
  public final class Request {
    private final String method;
    private final String target;
    private final List<byte[]> headers = new ArrayList<>();
    private byte[] body;

    private Request(String method, String target) {
      this.method = method;
      this.target = target;
    }

    /** A header line; the value goes out as ISO-8859-1, byte for byte. */
    public Request header(String name, String value) {
      headers.add((name + ": " + value).getBytes(StandardCharsets.ISO_8859_1));
      return this;
    }

    /** A header line of raw bytes (e.g. UTF-8 in a cookie). */
    public Request rawHeader(byte[] line) {
      headers.add(line);
      return this;
    }

    /** A body, with its Content-Length. */
    public Request body(byte[] bytes) {
      this.body = bytes;
      return this;
    }

    public Request body(String text) {
      return body(text.getBytes(StandardCharsets.UTF_8));
    }

    public Request json(String text) {
      return header("Content-Type", "application/json").body(text);
    }

    public Request bearer(String token) {
      return header("Authorization", "Bearer " + token);
    }

    /** What the request sends, for failure messages (bodies cut short). */
    public String describe() {
      StringBuilder s = new StringBuilder(method).append(' ').append(cut(target, 300));
      for (byte[] h : headers) {
        s.append(" | ").append(cut(new String(h, StandardCharsets.ISO_8859_1), 200));
      }
      if (body != null) {
        s.append(" | body ")
            .append(body.length)
            .append(" bytes: ")
            .append(cut(new String(body, StandardCharsets.UTF_8), 300));
      }
      return s.toString();
    }

    public Reply send() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      write(out, method + " " + target + " HTTP/1.1\r\n");
      write(out, "Host: " + host + ":" + port + "\r\n");
      write(out, "Connection: close\r\n");
      for (byte[] h : headers) {
        out.writeBytes(h);
        write(out, "\r\n");
      }
      if (body != null) {
        write(out, "Content-Length: " + body.length + "\r\n");
      }
      write(out, "\r\n");
      if (body != null) {
        out.writeBytes(body);
      }
      try (Socket socket = new Socket(host, port)) {
        socket.setSoTimeout(60_000);
        try {
          OutputStream o = socket.getOutputStream();
          o.write(out.toByteArray());
          o.flush();
        } catch (IOException e) {
          // The server may answer and close before reading all of a refused body; read that.
        }
        return Reply.parse(socket.getInputStream().readAllBytes(), method.equals("HEAD"));
      } catch (IOException e) {
        throw new UncheckedIOException(describe(), e);
      }
    }
  }

  /** A parsed answer; header names lower-cased. */
  public record Reply(int status, Map<String, List<String>> headers, byte[] body) {

    static Reply parse(byte[] raw, boolean head) {
      int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
      if (end < 0) {
        throw new IllegalStateException(
            "No HTTP answer: " + new String(raw, StandardCharsets.ISO_8859_1));
      }
      String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers
            .computeIfAbsent(
                lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                k -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).trim());
      }
      byte[] body = head ? new byte[0] : java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
      if (!head
          && headers.getOrDefault("transfer-encoding", List.of()).stream()
              .anyMatch(v -> v.equalsIgnoreCase("chunked"))) {
        body = dechunk(body);
      }
      return new Reply(status, headers, body);
    }

    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)))
          .flatMap(v -> v.stream().findFirst());
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as a JSON object; throws if it is not one. */
    public JsonObject json() {
      try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
        return reader.readObject();
      }
    }

    public String code() {
      return json().getString("code");
    }

    @Override
    public String toString() {
      return status + " " + headers + " " + cut(text(), 500);
    }

    private static byte[] dechunk(byte[] body) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      InputStream in = new ByteArrayInputStream(body);
      try {
        while (true) {
          String sizeLine = readLine(in).split(";")[0].trim();
          int size = Integer.parseInt(sizeLine, 16);
          if (size == 0) {
            return out.toByteArray();
          }
          out.write(in.readNBytes(size));
          readLine(in);
        }
      } catch (IOException | NumberFormatException e) {
        throw new IllegalStateException("Bad chunked body", e);
      }
    }

    private static String readLine(InputStream in) throws IOException {
      StringBuilder s = new StringBuilder();
      int c;
      while ((c = in.read()) >= 0 && c != '\n') {
        if (c != '\r') {
          s.append((char) c);
        }
      }
      return s.toString();
    }
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…(" + s.length() + ")";
  }
}
