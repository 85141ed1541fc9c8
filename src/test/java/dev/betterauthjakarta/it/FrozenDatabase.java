package dev.betterauthjakarta.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

  /**
   * Stops PostgreSQL's processes; the returned handle resumes them. The postmaster stops first, so
   * it forks no new backend while its children are listed; a child that ends meanwhile (the backend
   * of the connection that just looked up the postmaster's pid) is no error.
   */
  static FrozenDatabase freeze() {
    long postmaster = TestServices.postmasterPid();
    List<Long> pids = new ArrayList<>();
    pids.add(postmaster);
    FrozenDatabase frozen = new FrozenDatabase(pids);
    Runtime.getRuntime().addShutdownHook(frozen.thawOnExit);
    try {
      signal("STOP", List.of(postmaster));
      ProcessHandle.of(postmaster)
          .orElseThrow(() -> new IllegalStateException("No PostgreSQL process " + postmaster))
          .children()
          .forEach(p -> pids.add(p.pid()));
      signal("STOP", pids);
      // A stop signal takes effect when the process next runs (one in uninterruptible disk wait
      // stops once the I/O completes): on a loaded machine that can take a moment, so wait for it.
      List<Long> running = pids;
      for (int i = 0; i < 100; i++) {
        running = pids.stream().filter(pid -> isAlive(pid) && !isStopped(pid)).toList();
        if (running.isEmpty()) {
          break;
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      if (!running.isEmpty()) {
        throw new IllegalStateException("PostgreSQL processes did not stop: " + running);
      }
      return frozen;
    } catch (RuntimeException e) {
      frozen.close(); // never leave the database stopped for the next test
      throw e;
    }
  }

  private static boolean isAlive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /**
   * Linux: the state letter after the command name in /proc/PID/stat: T when stopped, and Z or X
   * for a child that ended (a backend whose connection just closed stays a zombie until the
   * postmaster, now stopped itself, reaps it; ProcessHandle still calls it alive).
   */
  private static boolean isStopped(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      String afterName = stat.substring(stat.lastIndexOf(')') + 1).trim();
      return afterName.startsWith("T") || afterName.startsWith("Z") || afterName.startsWith("X");
    } catch (IOException e) {
      return false; // gone
    }
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
   * Sends the signal to every process; {@code kill} signals the others when one is gone, and a
   * process that is gone needs no signal, so only a failure to run kill at all is an error.
   */
  private static void signal(String signal, List<Long> pids) {
    List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
    command.addAll(pids.stream().map(String::valueOf).toList());
    try {
      Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
      if (!kill.waitFor(10, TimeUnit.SECONDS)) {
        kill.destroyForcibly();
        throw new IllegalStateException("kill -" + signal + " did not finish");
      }
    } catch (IOException e) {
      throw new IllegalStateException("Could not run kill", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
