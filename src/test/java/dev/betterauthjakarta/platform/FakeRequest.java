package dev.betterauthjakarta.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * A request context that only keeps properties, and response contexts that only have a status: all
 * a filter of {@link RouteMetrics} reads. Any other call fails the test.
 */
final class FakeRequest {
  private FakeRequest() {}

  /** A fresh request with no properties. */
  static ContainerRequestContext create() {
    Map<String, Object> properties = new HashMap<>();
    InvocationHandler handler =
        (proxy, method, args) ->
            switch (method.getName()) {
              case "setProperty" -> properties.put((String) args[0], args[1]);
              case "getProperty" -> properties.get((String) args[0]);
              default -> throw new UnsupportedOperationException(method.getName());
            };
    return (ContainerRequestContext)
        Proxy.newProxyInstance(
            FakeRequest.class.getClassLoader(),
            new Class<?>[] {ContainerRequestContext.class},
            handler);
  }

  /** A response with this status. */
  static ContainerResponseContext response(int status) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getName().equals("getStatus")) {
            return status;
          }
          throw new UnsupportedOperationException(method.getName());
        };
    return (ContainerResponseContext)
        Proxy.newProxyInstance(
            FakeRequest.class.getClassLoader(),
            new Class<?>[] {ContainerResponseContext.class},
            handler);
  }
}
