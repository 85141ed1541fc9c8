package dev.betterauthjakarta.identity;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The benchmark's yardstick for sign-in (issue #9, run by {@code bench/run.sh}, not a test): the
 * CPU time of one argon2id verification with the service's own hasher and parameters, measured
 * alone in a JVM started with the server's options and pinned to the server's core. Sign-in costs
 * exactly one such verification plus the rest of the request, so the benchmark divides its server
 * CPU per sign-in by this number.
 *
 * <p>Only the public {@link Argon2id} API is used, so the benchmark can also run this file as a
 * single-file source program against another checkout's build.
 *
 * <p>Arguments: the number of measured verifications (default 20) after as many warm-up ones.
 * Prints {@code argon2id_verify_cpu_ms=<mean>} (the whole process's CPU over all measured runs
 * divided by their number, garbage collection included, as the server's count includes it; the
 * process CPU clock counts in 10 ms ticks, so a per-run median was only as precise as that), {@code
 * argon2id_verify_thread_cpu_ms=<median>} (the hashing thread alone) and {@code
 * argon2id_verify_wall_ms=<median>}, milliseconds, median over the measured runs, each on its own
 * line.
 */
public final class Argon2idCost {
  private Argon2idCost() {}

  /**
   * Measures and prints, see the class comment.
   *
   * @param args optional: the number of measured verifications
   */
  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    String password = "bench-password-0123456789";
    String stored = Argon2id.hash(password);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    var process =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int i = 0; i < runs; i++) {
      Argon2id.verify(password, stored);
    }
    long processStart = process.getProcessCpuTime();
    double[] threadCpu = new double[runs];
    double[] wall = new double[runs];
    for (int i = 0; i < runs; i++) {
      long c0 = threads.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      if (!Argon2id.verify(password, stored)) {
        throw new IllegalStateException("argon2id did not verify its own hash");
      }
      wall[i] = (System.nanoTime() - w0) / 1e6;
      threadCpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
    }
    double processCpu = (process.getProcessCpuTime() - processStart) / 1e6 / runs;
    System.out.printf("argon2id_verify_cpu_ms=%.2f%n", processCpu);
    System.out.printf("argon2id_verify_thread_cpu_ms=%.2f%n", median(threadCpu));
    System.out.printf("argon2id_verify_wall_ms=%.2f%n", median(wall));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
