package dev.betterauthjakarta.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service's metrics, one registry per deployment, exposed in the Prometheus text format by
 * {@link MetricsServlet}. Features record what happened through the methods here; every meter they
 * touch is created once, up front, so recording is a counter increment or a timer update: no map
 * lookup, no string, no lock on the request path. JVM and process metrics come from Micrometer's
 * binders under their usual names ({@code jvm_memory_used_bytes}, {@code process_cpu_usage}, ...).
 *
 * <p>The service's own meters (all prefixed {@code better_auth_}):
 *
 * <ul>
 *   <li>{@code better_auth_sign_ins_total{method, outcome}}: {@link SignInMethod} x {@link
 *       SignInResult};
 *   <li>{@code better_auth_sign_ups_total{method}};
 *   <li>{@code better_auth_password_resets_total{step="requested"|"completed"}};
 *   <li>{@code better_auth_rate_limited_requests_total{route}};
 *   <li>{@code better_auth_http_server_errors_total{method, route, status}}, and {@code
 *       better_auth_http_requests_seconds{method, route, status}} (a histogram; see {@link
 *       RouteMetrics});
 *   <li>{@code better_auth_password_hash_seconds{algorithm, operation}} (a histogram of the key
 *       derivation function's time).
 * </ul>
 */
@ApplicationScoped
public class Metrics {
  /** The prefix of every meter of the service's own (Micrometer's dotted form). */
  static final String PREFIX = "better.auth.";

  /** Histogram buckets of request latency: 5 ms to 10 s. */
  private static final Duration[] REQUEST_BUCKETS =
      durations(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000);

  /** Histogram buckets of one key derivation: 25 ms to 5 s. */
  private static final Duration[] HASH_BUCKETS =
      durations(25, 50, 100, 150, 200, 300, 500, 1000, 2000, 5000);

  /** How a user proved who they are. */
  public enum SignInMethod {
    /** Email or username and password. */
    PASSWORD,
    /** An identity provider (redirect or id token). */
    SOCIAL;

    String tag() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** How a sign-in ended; a bounded set, so it can be a label. */
  public enum SignInResult {
    /** A session was issued. */
    SUCCESS,
    /** The first factor was right; the second factor is pending. */
    TWO_FACTOR_REQUIRED,
    /** Unknown user, no password, or a wrong one. */
    INVALID_CREDENTIALS,
    /** The per-account lockout refused the attempt. */
    LOCKED_OUT,
    /** The user is banned. */
    BANNED,
    /** Email verification is required and the address is not verified. */
    EMAIL_NOT_VERIFIED,
    /** The identity provider failed, refused, or the flow was not valid (social only). */
    PROVIDER_ERROR,
    /** Anything else (a conflict, an outage, a bug). */
    FAILED;

    String tag() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The result a refusal with this code stands for.
     *
     * @param code the error a sign-in ended with
     * @return the matching result, {@link #FAILED} for a code that is no sign-in verdict
     */
    public static SignInResult of(ErrorCode code) {
      return switch (code) {
        case INVALID_EMAIL_OR_PASSWORD, INVALID_USERNAME_OR_PASSWORD, INVALID_PASSWORD ->
            INVALID_CREDENTIALS;
        case ACCOUNT_TEMPORARILY_LOCKED -> LOCKED_OUT;
        case BANNED_USER -> BANNED;
        case EMAIL_NOT_VERIFIED -> EMAIL_NOT_VERIFIED;
        case PROVIDER_NOT_FOUND,
            ID_TOKEN_NOT_SUPPORTED,
            INVALID_TOKEN,
            FAILED_TO_GET_USER_INFO,
            USER_EMAIL_NOT_FOUND,
            OAUTH_LINK_ERROR,
            PROVIDER_UNAVAILABLE,
            INVALID_EXCHANGE_CODE,
            OAUTH_CALLBACK_ERROR ->
            PROVIDER_ERROR;
        default -> FAILED;
      };
    }
  }

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<SignInMethod, Map<SignInResult, Counter>> signIns =
      new EnumMap<>(SignInMethod.class);
  private final Map<SignInMethod, Counter> signUps = new EnumMap<>(SignInMethod.class);
  private Counter resetsRequested;
  private Counter resetsCompleted;
  private JvmGcMetrics gc;

  @PostConstruct
  void register() {
    for (SignInMethod method : SignInMethod.values()) {
      Map<SignInResult, Counter> byResult = new EnumMap<>(SignInResult.class);
      for (SignInResult result : SignInResult.values()) {
        byResult.put(
            result,
            Counter.builder(PREFIX + "sign.ins")
                .description("Sign-in attempts that reached a verdict, by method and outcome")
                .tags("method", method.tag(), "outcome", result.tag())
                .register(registry));
      }
      signIns.put(method, byResult);
      signUps.put(
          method,
          Counter.builder(PREFIX + "sign.ups")
              .description("Users created by signing up, by method")
              .tags("method", method.tag())
              .register(registry));
    }
    resetsRequested = resets("requested");
    resetsCompleted = resets("completed");
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc = new JvmGcMetrics();
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
  }

  private Counter resets(String step) {
    return Counter.builder(PREFIX + "password.resets")
        .description("Password resets: links requested (known address or not), passwords reset")
        .tags("step", step)
        .register(registry);
  }

  /** Stops the JVM listeners the binders installed when the application is undeployed. */
  @PreDestroy
  void close() {
    if (gc != null) {
      gc.close();
    }
    registry.close();
  }

  /** The registry, for meters created once per route ({@link RouteMetrics}) or per algorithm. */
  PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Everything in the Prometheus text exposition format 0.0.4. */
  String scrape() {
    return registry.scrape();
  }

  /**
   * Counts a sign-in attempt that reached a verdict.
   *
   * @param method password or provider
   * @param result how it ended
   */
  public void signIn(SignInMethod method, SignInResult result) {
    signIns.get(method).get(result).increment();
  }

  /**
   * Counts a sign-in attempt that ended with an error.
   *
   * @param method password or provider
   * @param refusal the error it ended with ({@link SignInResult#of})
   */
  public void signInRefused(SignInMethod method, ErrorCode refusal) {
    signIn(method, SignInResult.of(refusal));
  }

  /**
   * Runs one sign-in attempt and counts how it ended: {@link SignInResult#SUCCESS} or {@link
   * SignInResult#TWO_FACTOR_REQUIRED} when it returns, the refusal's outcome when it throws an
   * {@link AuthException}, {@link SignInResult#FAILED} for any other exception (rethrown).
   *
   * @param method password or provider
   * @param attempt the sign-in
   * @param stoppedForSecondFactor whether its answer waits for a second factor
   * @return the attempt's answer
   */
  public <T> T countSignIn(
      SignInMethod method,
      java.util.function.Supplier<T> attempt,
      java.util.function.Predicate<T> stoppedForSecondFactor) {
    T answer;
    try {
      answer = attempt.get();
    } catch (AuthException e) {
      signInRefused(method, e.code());
      throw e;
    } catch (RuntimeException e) {
      signIn(method, SignInResult.FAILED);
      throw e;
    }
    signIn(
        method,
        stoppedForSecondFactor.test(answer)
            ? SignInResult.TWO_FACTOR_REQUIRED
            : SignInResult.SUCCESS);
    return answer;
  }

  /** Counts a user created by signing up (after the transaction that created it committed). */
  public void signUp(SignInMethod method) {
    signUps.get(method).increment();
  }

  /** Counts a password-reset request that was accepted, whether or not the address has a user. */
  public void passwordResetRequested() {
    resetsRequested.increment();
  }

  /** Counts a password set through a reset link. */
  public void passwordResetCompleted() {
    resetsCompleted.increment();
  }

  /**
   * A histogram of one key derivation function's time, to keep and {@link Timer#record(long,
   * TimeUnit)} into (create it once, e.g. in a static or a bean field).
   *
   * @param algorithm e.g. {@code argon2id}, {@code scrypt}
   * @param operation {@code hash} (a new password) or {@code verify}
   * @return the timer, {@code better_auth_password_hash_seconds{algorithm, operation}}
   */
  public Timer passwordHashTimer(String algorithm, String operation) {
    return Timer.builder(PREFIX + "password.hash")
        .description("Time of one password key derivation (argon2id, scrypt)")
        .tags("algorithm", algorithm, "operation", operation)
        .serviceLevelObjectives(HASH_BUCKETS)
        .register(registry);
  }

  /** A request-latency histogram of one route and status class ({@link RouteMetrics}). */
  Timer requestTimer(String method, String route, String status) {
    return Timer.builder(PREFIX + "http.requests")
        .description("Time from the route's first filter to its answer, by route template")
        .tags("method", method, "route", route, "status", status)
        .serviceLevelObjectives(REQUEST_BUCKETS)
        .register(registry);
  }

  /** Answers with a 5xx status of one route ({@link RouteMetrics}). */
  Counter serverErrors(String method, String route, int status) {
    return Counter.builder(PREFIX + "http.server.errors")
        .description("Answers with a 5xx status, by route template")
        .tags("method", method, "route", route, "status", Integer.toString(status))
        .register(registry);
  }

  /** Requests the rate limiter refused on one route. */
  Counter rateLimited(String route) {
    return Counter.builder(PREFIX + "rate.limited.requests")
        .description("Requests refused by the rate limiter (429), by route template")
        .tags("route", route)
        .register(registry);
  }

  private static Duration[] durations(long... millis) {
    Duration[] d = new Duration[millis.length];
    for (int i = 0; i < millis.length; i++) {
      d[i] = Duration.ofMillis(millis[i]);
    }
    return d;
  }
}
