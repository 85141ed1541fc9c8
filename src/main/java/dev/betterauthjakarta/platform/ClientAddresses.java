package dev.betterauthjakarta.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * Who the client is, as an IP address, for the rate limiter, the audit trail and the sessions'
 * {@code ipAddress}. {@code X-Forwarded-For} is any client's to write, so it is believed only when
 * the request came from a proxy named in {@code better.auth.trusted-proxies} (addresses or CIDR
 * ranges): then the hops are read from the right, each trusted proxy is skipped, and the first
 * address no trusted proxy owns is the client. Without that setting the socket's peer is the
 * client, whatever the header says; behind a proxy that is the proxy, so every client would share
 * one rate-limit bucket until the proxy is named.
 *
 * <p>The address is resolved once per request ({@link ClientAddressFilter}) and kept as a request
 * attribute; {@link #of} reads it.
 */
@ApplicationScoped
public class ClientAddresses {
  /** The request attribute holding the resolved address. */
  public static final String ATTRIBUTE = ClientAddresses.class.getName();

  static final String TRUSTED_PROXIES = "better.auth.trusted-proxies";
  private static final Pattern IPV4 =
      Pattern.compile(
          "^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}$");
  private static final Pattern IPV6_CHARS = Pattern.compile("^[0-9A-Fa-f:.]+$");

  @Inject Config config;

  private List<Cidr> trusted;

  @PostConstruct
  void read() {
    List<Cidr> ranges = new ArrayList<>();
    for (String entry : ConfigValues.list(config, TRUSTED_PROXIES)) {
      ranges.add(
          Cidr.parse(entry)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          TRUSTED_PROXIES
                              + " must list IP addresses or CIDR ranges such as 10.0.0.0/8, not '"
                              + entry
                              + "'")));
    }
    trusted = Collections.unmodifiableList(ranges);
  }

  /** Reads the settings when the application starts, so a bad value fails the deployment. */
  void validateAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object started) {
    trusted();
  }

  /** The trusted proxies, empty when none are configured. */
  public List<Cidr> trusted() {
    return trusted;
  }

  /** The client of a request: what {@link ClientAddressFilter} resolved, else the socket peer. */
  public static String of(HttpServletRequest request) {
    if (request == null) {
      return "";
    }
    Object resolved = request.getAttribute(ATTRIBUTE);
    if (resolved instanceof String s) {
      return s;
    }
    String peer = request.getRemoteAddr();
    return peer == null ? "" : peer;
  }

  /**
   * The client address of a request from {@code peer} carrying {@code forwardedFor} (every {@code
   * X-Forwarded-For} line, in order).
   *
   * @return the canonical text of the address ({@code ::ffff:1.2.3.4} becomes {@code 1.2.3.4})
   */
  public static String resolve(List<Cidr> trusted, String peer, List<String> forwardedFor) {
    Optional<InetAddress> peerAddress = parse(peer);
    if (peerAddress.isEmpty()) {
      return peer == null ? "" : peer;
    }
    InetAddress client = peerAddress.get();
    if (trusted.isEmpty() || !isTrusted(trusted, client)) {
      return text(client);
    }
    List<String> hops = new ArrayList<>();
    for (String line : forwardedFor == null ? List.<String>of() : forwardedFor) {
      for (String hop : line.split(",")) {
        if (!hop.isBlank()) {
          hops.add(hop.trim());
        }
      }
    }
    for (int i = hops.size() - 1; i >= 0; i--) {
      Optional<InetAddress> hop = parse(hops.get(i));
      if (hop.isEmpty()) {
        break; // no trusted proxy wrote this: the hop that passed it on is the client
      }
      client = hop.get();
      if (!isTrusted(trusted, client)) {
        break;
      }
    }
    return text(client);
  }

  /**
   * The rate limiter's bucket for an address: IPv4 as is, IPv6 by its /64 network (one subscriber
   * usually holds a whole /64, so counting single addresses would let one client rotate freely).
   */
  public static String bucket(String address) {
    Optional<InetAddress> parsed = parse(address);
    if (parsed.isEmpty() || parsed.get() instanceof Inet4Address) {
      return address;
    }
    byte[] bytes = parsed.get().getAddress();
    for (int i = 8; i < 16; i++) {
      bytes[i] = 0;
    }
    try {
      return text(InetAddress.getByAddress(bytes)) + "/64";
    } catch (UnknownHostException e) {
      return address; // 16 bytes are always an address
    }
  }

  /**
   * An IP address literal, never a host name (so no DNS lookup can happen here), without zone or
   * brackets; IPv4-mapped IPv6 addresses come back as IPv4.
   */
  public static Optional<InetAddress> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim();
    if (t.startsWith("[") && t.endsWith("]")) {
      t = t.substring(1, t.length() - 1);
    }
    boolean v4 = IPV4.matcher(t).matches();
    boolean v6 = t.contains(":") && IPV6_CHARS.matcher(t).matches() && t.length() <= 45;
    if (!v4 && !v6) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(t)); // a literal: parsed, never looked up
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static boolean isTrusted(List<Cidr> trusted, InetAddress address) {
    return trusted.stream().anyMatch(c -> c.contains(address));
  }

  private static String text(InetAddress address) {
    String s = address.getHostAddress();
    if (address instanceof Inet6Address) {
      try {
        // the shortest form, e.g. ::1 instead of 0:0:0:0:0:0:0:1
        return compress(s);
      } catch (RuntimeException e) {
        return s;
      }
    }
    return s;
  }

  /** RFC 5952 text of an IPv6 address in Java's full form. */
  static String compress(String full) {
    String[] groups = full.split(":");
    if (groups.length != 8) {
      return full;
    }
    for (int i = 0; i < 8; i++) {
      groups[i] = Integer.toHexString(Integer.parseInt(groups[i], 16));
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (!groups[i].equals("0")) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && groups[j].equals("0")) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
    }
    if (bestStart < 0) {
      return String.join(":", groups);
    }
    String left = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
    String right =
        String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, 8));
    return left + "::" + right;
  }

  /** An address range: an address and how many leading bits of it must match. */
  public record Cidr(byte[] network, int prefix) {

    /** {@code 10.0.0.0/8}, {@code 2001:db8::/32} or a single address. */
    public static Optional<Cidr> parse(String text) {
      String t = text.trim();
      int slash = t.indexOf('/');
      Optional<InetAddress> address = ClientAddresses.parse(slash < 0 ? t : t.substring(0, slash));
      if (address.isEmpty()) {
        return Optional.empty();
      }
      byte[] bytes = address.get().getAddress();
      int max = bytes.length * 8;
      int prefix = max;
      if (slash >= 0) {
        String bits = t.substring(slash + 1);
        if (!bits.matches("\\d{1,3}")) {
          return Optional.empty();
        }
        prefix = Integer.parseInt(bits);
        if (prefix > max) {
          return Optional.empty();
        }
      }
      return Optional.of(new Cidr(bytes, prefix));
    }

    public boolean contains(InetAddress address) {
      byte[] bytes = address.getAddress();
      if (bytes.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (bytes[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (bytes[full] & mask) == (network[full] & mask);
    }
  }
}
