package dev.betterauthjakarta.it;

import dev.betterauthjakarta.session.Authenticated;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipFile;

/**
 * Every route of the built WAR, found by reading its classes ({@code @Path} and HTTP method
 * annotations), so a test that must cover every route cannot forget a new one.
 */
public final class Routes {
  private static final String CLASSES = "WEB-INF/classes/";
  private static final String APPLICATION = "/api/auth";

  private Routes() {}

  /**
   * One resource method: its HTTP method, its path under /api/auth (templates such as {@code
   * reset-password/{token}} kept), whether it needs a session, and the body fields it reads (the
   * request record's components; empty for a hand-read or no body).
   */
  public record Route(String method, String path, boolean authenticated, List<String> fields) {
    public boolean hasTemplate() {
      return path.contains("{");
    }

    /** The path with every template ({@code {token}}, {@code {providerId}}) filled with "x". */
    public String concretePath() {
      return path.replaceAll("\\{[^}]+}", "x");
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** The routes of {@code target/better-auth-jakarta.war}, sorted by path and method. */
  public static List<Route> inWar() {
    List<Route> routes = new ArrayList<>();
    try (ZipFile war = new ZipFile(new File("target/better-auth-jakarta.war"))) {
      for (String name : war.stream().map(e -> e.getName()).toList()) {
        if (!name.startsWith(CLASSES) || !name.endsWith(".class") || name.contains("$")) {
          continue;
        }
        String className =
            name.substring(CLASSES.length(), name.length() - ".class".length()).replace('/', '.');
        routes.addAll(routesOf(load(className)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    routes.sort(Comparator.comparing(Route::path).thenComparing(Route::method));
    return routes;
  }

  private static Class<?> load(String className) {
    try {
      return Class.forName(className, false, Routes.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("The WAR's class " + className + " is not on the path", e);
    }
  }

  private static List<Route> routesOf(Class<?> type) {
    Path root = type.getAnnotation(Path.class);
    if (root == null) {
      return List.of();
    }
    List<Route> routes = new ArrayList<>();
    for (Method m : type.getDeclaredMethods()) {
      String http = httpMethod(m);
      Path sub = m.getAnnotation(Path.class);
      if (http == null) {
        if (sub != null) {
          throw new IllegalStateException(
              "Sub-resource locator " + m + ": teach Routes to follow it");
        }
        continue;
      }
      String path = join(root.value(), sub == null ? "" : sub.value());
      routes.add(new Route(http, path, m.isAnnotationPresent(Authenticated.class), bodyFields(m)));
    }
    return routes;
  }

  private static String httpMethod(Method m) {
    for (Annotation a : m.getAnnotations()) {
      HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    return null;
  }

  private static List<String> bodyFields(Method m) {
    Set<String> fields = new LinkedHashSet<>();
    for (Parameter p : m.getParameters()) {
      if (p.getType().isRecord()) {
        for (RecordComponent c : p.getType().getRecordComponents()) {
          fields.add(c.getName());
        }
      }
    }
    return List.copyOf(fields);
  }

  private static String join(String a, String b) {
    String joined = (strip(a) + "/" + strip(b));
    return strip(joined);
  }

  private static String strip(String s) {
    while (s.startsWith("/")) {
      s = s.substring(1);
    }
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  /** The absolute request path of a route path. */
  public static String absolute(String path) {
    return APPLICATION + "/" + path;
  }
}
