package dev.betterauthjakarta.it;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Everything the Payara Micro processes of this test JVM print, kept in a file as well as on the
 * console, so a test can read the server's log (SecretsStayOutOfTheLogIT looks for secrets in it).
 *
 * <p>The Arquillian container copies each line a Payara process writes (stdout and stderr, merged)
 * to this JVM's {@code System.out}; {@link #capture()} puts a tee there. The file is a superset of
 * the server log: it also holds whatever else this JVM prints, which for a "never in the log" check
 * only errs on the safe side. Its path is {@code it.server.output} (one per Failsafe execution).
 */
final class ServerOutput {
  private static Path file;

  private ServerOutput() {}

  /** Starts copying this JVM's standard output to the file, once, emptying it first. */
  static synchronized void capture() {
    if (file != null) {
      return;
    }
    Path path = Path.of(System.getProperty("it.server.output", "target/payara-output.log"));
    try {
      Files.createDirectories(path.toAbsolutePath().getParent());
      OutputStream copy = new FileOutputStream(path.toFile(), false);
      PrintStream console = System.out;
      System.setOut(new PrintStream(new Tee(console, copy), true, StandardCharsets.UTF_8));
      file = path;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not capture the server output in " + path, e);
    }
  }

  /** What the server processes printed so far. */
  static synchronized String read() {
    if (file == null) {
      throw new IllegalStateException("The server output is not being captured");
    }
    System.out.flush();
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where the output goes. */
  static synchronized Path file() {
    return file;
  }

  /** Writes every byte to both streams. */
  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    Tee(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public synchronized void write(int b) throws IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
      first.write(b, off, len);
      second.write(b, off, len);
    }

    @Override
    public synchronized void flush() throws IOException {
      first.flush();
      second.flush();
    }
  }
}
