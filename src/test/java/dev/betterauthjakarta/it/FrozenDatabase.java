package dev.betterauthjakarta.it;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The test PostgreSQL stalled as a hung database host would be: its postmaster and every child
 * (backends, background workers) stopped with SIGSTOP. The kernel still accepts TCP connections
 * into the listen backlog and buffers what clients send, but nothing answers: the failure that no
 * connection error reveals and only timeouts end. {@link #close()} sends SIGCONT; use it in
 * try-with-resources so that no later test finds the database frozen, and a shutdown hook thaws it
 * too if the JVM ends while it is frozen.
 */
final class FrozenDatabase implements AutoCloseable {
  private final List<Long> pids;
  private final Thread thawOnExit;
  private boolean thawed;

  private FrozenDatabase(List<Long> pids) {
    this.pids = pids;
    this.thawOnExit = new Thread(() -> signal("CONT", pids), "thaw-postgres");
  }

  /** Stops PostgreSQL's processes; the returned handle resumes them. */
  static FrozenDatabase freeze() {
    long postmaster = TestServices.postmasterPid();
    List<Long> pids = new ArrayList<>();
    pids.add(postmaster);
    ProcessHandle.of(postmaster)
        .orElseThrow(() -> new IllegalStateException("No PostgreSQL process " + postmaster))
        .children() // a stopped postmaster forks no new ones
        .forEach(p -> pids.add(p.pid()));
    FrozenDatabase frozen = new FrozenDatabase(pids);
    Runtime.getRuntime().addShutdownHook(frozen.thawOnExit);
    String failure = signal("STOP", pids);
    if (failure != null) { // e.g. a backend that ended meanwhile: thaw what stopped, and say so
      frozen.close();
      throw new IllegalStateException(failure);
    }
    return frozen;
  }

  /** Resumes every stopped process (a process that has ended meanwhile is no error). Idempotent. */
  @Override
  public synchronized void close() {
    if (thawed) {
      return;
    }
    thawed = true;
    signal("CONT", pids);
    try {
      Runtime.getRuntime().removeShutdownHook(thawOnExit);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down; the hook thaws again, harmlessly
    }
  }

  /** How many processes were stopped (the postmaster and its children). */
  int processes() {
    return pids.size();
  }

  /**
   * Sends the signal to every process ({@code kill} signals the others when one is gone).
   *
   * @return null when every process got it, else what kill said
   */
  private static String signal(String signal, List<Long> pids) {
    List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
    command.addAll(pids.stream().map(String::valueOf).toList());
    try {
      Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
      if (!kill.waitFor(10, TimeUnit.SECONDS)) {
        kill.destroyForcibly();
        return "kill -" + signal + " did not finish";
      }
      if (kill.exitValue() != 0) {
        return "kill -"
            + signal
            + " "
            + pids.stream().map(String::valueOf).collect(Collectors.joining(" "))
            + " failed: "
            + new String(kill.getInputStream().readAllBytes());
      }
      return null;
    } catch (IOException e) {
      throw new IllegalStateException("Could not run kill", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
