package dev.betterauthjakarta.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Request latency and 5xx answers per route. When the JAX-RS runtime builds its model, this feature
 * gives every resource method a {@link Recorder} of its own, which knows the method's route
 * template ({@code /api/auth/reset-password/{token}}, never the path as sent, so the number of
 * series is bounded by the routes) and holds its meters. Per request that costs two {@link
 * System#nanoTime} calls, one request property and one timer update: no string is built, no map is
 * searched, no lock is taken (a meter of a status class the route has not answered before is
 * created once, on its first use).
 *
 * <p>The time runs from the first post-matching filter (this one runs before all others) to the
 * last response filter; requests that match no route (404, 405) and the servlet container's own
 * errors are not timed.
 */
@Provider
public class RouteMetrics implements DynamicFeature {
  /** Runs before every other post-matching filter, so their time (and refusals) count. */
  static final int PRIORITY = 1;

  @Inject Metrics metrics;

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    Method method = resource.getResourceMethod();
    String verb = httpMethod(method);
    if (verb == null) {
      return; // a sub-resource locator: its resource's methods get their own
    }
    String route =
        AuthApplication.PATH + RateLimitFilter.routeOf(resource.getResourceClass(), method);
    context.register(new Recorder(metrics, verb, route), PRIORITY);
  }

  private static String httpMethod(Method method) {
    for (Annotation a : method.getAnnotations()) {
      HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
      if (verb != null) {
        return verb.value();
      }
    }
    return null;
  }

  /** The filter pair of one route: starts the clock, then records the answer. */
  static final class Recorder implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String STARTED = Recorder.class.getName() + ".started";

    private final Metrics metrics;
    private final String method;
    private final String route;

    /** Timers by status class (index status / 100), created on first use. */
    private final AtomicReferenceArray<Timer> timers = new AtomicReferenceArray<>(6);

    /** 5xx counters by status - 500, created on first use. */
    private final AtomicReferenceArray<Counter> errors = new AtomicReferenceArray<>(100);

    Recorder(Metrics metrics, String method, String route) {
      this.metrics = metrics;
      this.method = method;
      this.route = route;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      if (!(request.getProperty(STARTED) instanceof Long started)) {
        return; // the request never reached this route's filters
      }
      long elapsed = System.nanoTime() - started;
      int status = response.getStatus();
      int statusClass = status / 100;
      if (statusClass < 1 || statusClass > 5) {
        return;
      }
      Timer timer = timers.get(statusClass);
      if (timer == null) {
        timer = metrics.requestTimer(method, route, statusClass + "xx");
        timers.set(statusClass, timer); // the registry hands every racer the same timer
      }
      timer.record(elapsed, TimeUnit.NANOSECONDS);
      if (statusClass == 5) {
        Counter counter = errors.get(status - 500);
        if (counter == null) {
          counter = metrics.serverErrors(method, route, status);
          errors.set(status - 500, counter);
        }
        counter.increment();
      }
    }
  }
}
