package dev.betterauthjakarta.platform;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A health probe that may hang (a stalled database) run so that the health check still answers in
 * time: the probe runs on the given executor, one at a time (a check that comes while one is still
 * running waits for that one), and the caller waits at most a bound for its answer. Frequent checks
 * during an outage so never pile up threads or connections.
 *
 * @param <T> what the probe finds
 */
final class BoundedProbe<T> {
  private final Supplier<T> probe;
  private CompletableFuture<T> running;

  /**
   * @param probe the work; it should bound itself too (pool and driver timeouts), as a hung probe
   *     blocks the next ones until it ends
   */
  BoundedProbe(Supplier<T> probe) {
    this.probe = probe;
  }

  /**
   * The probe's answer, or {@code orElse} when it failed or took longer than {@code seconds}.
   *
   * @param executor where the probe runs (a managed executor in the server)
   * @param seconds how long to wait, in seconds
   * @param orElse the answer for a probe that threw or has not finished
   * @return the answer
   */
  T answer(Executor executor, int seconds, T orElse) {
    try {
      return current(executor).get(seconds, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return orElse;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return orElse;
    }
  }

  /** The probe still running, or a new one: never two at a time. */
  private synchronized CompletableFuture<T> current(Executor executor) {
    if (running == null || running.isDone()) {
      running = CompletableFuture.supplyAsync(probe, executor);
    }
    return running;
  }
}
