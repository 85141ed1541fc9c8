package dev.betterauthjakarta.it;

import fish.payara.arquillian.container.payara.managed.PayaraMicroContainerConfiguration;
import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.asset.Asset;

/**
 * The Payara Micro Arquillian container, but one Payara process per distinct archive for the whole
 * test run instead of one per test class.
 *
 * <p>{@link PayaraMicroDeployableContainer} starts Payara Micro in {@code deploy()} and kills it in
 * {@code undeploy()}, and Arquillian deploys and undeploys around every test class, so each class
 * paid a full boot (15–30 s on the team's machines) although most deploy the very same WAR. This
 * container hands each distinct archive (same SHA-256 over every entry's path and bytes, see {@link
 * #fingerprint}) to its own delegate {@code PayaraMicroDeployableContainer}, started on first
 * deploy and answered from then on with that first deploy's {@link ProtocolMetaData} (so
 * {@code @ArquillianResource URL} points at the running process). {@code undeploy()} keeps the
 * process; {@link #stop()}, which Arquillian calls once after the last class, stops them all and
 * waits for them to exit. Every process stays up until then, so the order in which Failsafe runs
 * the classes cannot cause a second boot of the same archive.
 *
 * <p>If the JVM ends without {@code stop()} (Ctrl-C, a crashed fork), each delegate's own shutdown
 * hook, registered when it started Payara and removed only by its undeploy, still destroys its
 * process.
 *
 * <p>What the processes print is also kept in a file ({@link ServerOutput}).
 *
 * <p>What tests share: the server's in-memory state and the database (which they already shared
 * before, in the same Failsafe run). Tests stay independent because each creates its own users.
 * Registered by {@link SharedPayaraMicroExtension}.
 */
public final class SharedPayaraMicro
    implements DeployableContainer<PayaraMicroContainerConfiguration> {
  private static final Logger LOG = Logger.getLogger(SharedPayaraMicro.class.getName());
  private static final long EXIT_WAIT_SECONDS = 30;

  private final Map<String, Running> running = new LinkedHashMap<>();
  private final Map<String, DeploymentException> failed = new HashMap<>();
  private PayaraMicroContainerConfiguration configuration;

  /** A Payara Micro process that serves one archive, and what its first deploy answered. */
  private record Running(
      PayaraMicroDeployableContainer delegate,
      Archive<?> archive,
      ProtocolMetaData metaData,
      List<ProcessHandle> processes) {}

  @Override
  public Class<PayaraMicroContainerConfiguration> getConfigurationClass() {
    return PayaraMicroContainerConfiguration.class;
  }

  @Override
  public void setup(PayaraMicroContainerConfiguration configuration) {
    this.configuration = configuration;
    ServerOutput.capture(); // before any Payara prints its first line
  }

  @Override
  public ProtocolDescription getDefaultProtocol() {
    return new PayaraMicroDeployableContainer().getDefaultProtocol();
  }

  @Override
  public synchronized ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
    String fingerprint = fingerprint(archive);
    String label = archive.getName() + " [" + fingerprint.substring(0, 12) + "]";
    Running known = running.get(fingerprint);
    if (known != null) {
      LOG.info("Payara Micro for " + label + " is already running: reusing it");
      return known.metaData();
    }
    if (failed.containsKey(fingerprint)) {
      // Do not pay the startup timeout again for every class that deploys this archive.
      throw new DeploymentException(
          "Payara Micro for " + label + " failed to start earlier in this run",
          failed.get(fingerprint));
    }

    PayaraMicroDeployableContainer delegate = new PayaraMicroDeployableContainer();
    delegate.setup(configuration);
    Set<ProcessHandle> before = children();
    ProtocolMetaData metaData;
    try {
      metaData = delegate.deploy(archive);
      if (metaData == null) { // what the delegate answers when its startup was interrupted
        throw new DeploymentException("Payara Micro for " + label + " did not start");
      }
    } catch (DeploymentException | RuntimeException e) {
      stopQuietly(delegate, archive);
      DeploymentException failure =
          e instanceof DeploymentException d
              ? d
              : new DeploymentException("Payara Micro for " + label + " did not start", e);
      failed.put(fingerprint, failure);
      throw failure;
    }
    // The delegate keeps its Process private; the child processes that appeared during its
    // deploy are that process, so stop() can wait for it to exit.
    List<ProcessHandle> started = children().stream().filter(p -> !before.contains(p)).toList();
    running.put(fingerprint, new Running(delegate, archive, metaData, started));
    LOG.info(
        "Payara Micro for "
            + label
            + " started (pid "
            + pids(started)
            + "); kept until the run ends");
    return metaData;
  }

  /** Keeps the process: the next class that deploys the same archive reuses it. */
  @Override
  public void undeploy(Archive<?> archive) {}

  /** Stops every Payara process this run started and waits for each to exit. */
  @Override
  public synchronized void stop() throws LifecycleException {
    List<Running> all = new ArrayList<>(running.values());
    running.clear();
    long started = System.nanoTime();
    for (Running r : all) { // first ask every process to stop, so they shut down together
      stopQuietly(r.delegate(), r.archive());
    }
    List<String> stuck = new ArrayList<>();
    for (Running r : all) {
      for (ProcessHandle p : r.processes()) {
        if (!awaitExit(p)) {
          p.destroyForcibly();
          stuck.add(String.valueOf(p.pid()));
        }
      }
    }
    LOG.info(
        "Stopped "
            + all.size()
            + " Payara Micro process(es) in "
            + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
            + " ms");
    if (!stuck.isEmpty()) {
      throw new LifecycleException(
          "Payara Micro did not exit within "
              + EXIT_WAIT_SECONDS
              + " s and was killed: pid "
              + stuck);
    }
  }

  /**
   * SHA-256 over the archive's name (its context root) and every entry's path and content, in path
   * order: equal archives share a process, and any difference, a changed setting in
   * microprofile-config.properties included, gets its own.
   */
  static String fingerprint(Archive<?> archive) {
    MessageDigest sha = sha256();
    update(sha, archive.getName());
    List<Node> nodes =
        archive.getContent().values().stream()
            .sorted(Comparator.comparing(n -> n.getPath().get()))
            .toList();
    for (Node node : nodes) {
      update(sha, node.getPath().get());
      Asset asset = node.getAsset();
      if (asset != null) { // null for a directory
        // a fixed-size digest per entry, so no entry's bytes can pass for the next entry's path
        sha.update(contentDigest(asset, node.getPath().get()));
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static byte[] contentDigest(Asset asset, String path) {
    MessageDigest sha = sha256();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = asset.openStream()) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + path, e);
    }
    return sha.digest();
  }

  private static void update(MessageDigest sha, String name) {
    sha.update(name.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0); // a name never contains NUL, so it ends the name unambiguously
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Set<ProcessHandle> children() {
    return ProcessHandle.current().children().collect(Collectors.toSet());
  }

  private static String pids(List<ProcessHandle> processes) {
    return processes.stream().map(p -> String.valueOf(p.pid())).collect(Collectors.joining(", "));
  }

  private static boolean awaitExit(ProcessHandle process) {
    try {
      process.onExit().get(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      return !process.isAlive();
    }
  }

  /** The delegate's undeploy destroys its process (and removes its shutdown hook). */
  private static void stopQuietly(PayaraMicroDeployableContainer delegate, Archive<?> archive) {
    try {
      delegate.undeploy(archive);
    } catch (Exception e) { // e.g. no process at all when it could not even be launched
      LOG.log(Level.WARNING, "Could not stop Payara Micro for " + archive.getName(), e);
    }
  }
}
