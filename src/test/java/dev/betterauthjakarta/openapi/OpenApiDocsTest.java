package dev.betterauthjakarta.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.betterauthjakarta.openapi.ApiRoutes.ApiRoute;
import dev.betterauthjakarta.openapi.ApiRoutes.Session;
import dev.betterauthjakarta.platform.ErrorCode;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document's sources agree with the code, without a server: every resource class is
 * listed, every route has its {@link RouteDocs} entry and no entry is stale, and every error code
 * the service has is documented on some route.
 */
class OpenApiDocsTest {

  @Test
  void everyResourceClassIsListed() throws IOException {
    Set<String> found;
    try (Stream<java.nio.file.Path> files = Files.walk(Paths.get("target/classes"))) {
      found =
          files
              .map(p -> Paths.get("target/classes").relativize(p).toString())
              .filter(n -> n.endsWith(".class") && !n.contains("$"))
              .map(n -> n.substring(0, n.length() - 6).replace('/', '.'))
              .filter(n -> load(n).isAnnotationPresent(Path.class))
              .collect(Collectors.toCollection(TreeSet::new));
    }
    assertTrue(found.size() >= 10, "found " + found);
    assertEquals(
        found,
        ApiRoutes.RESOURCES.stream()
            .map(Class::getName)
            .collect(Collectors.toCollection(TreeSet::new)));
  }

  @Test
  void everyRouteIsInRouteDocsAndEveryEntryIsARoute() {
    List<ApiRoute> routes = ApiRoutes.all(); // throws for a route without an entry
    assertEquals(
        new TreeSet<>(RouteDocs.ROUTES.keySet()),
        routes.stream().map(ApiRoute::key).collect(Collectors.toCollection(TreeSet::new)));
  }

  @Test
  void everyErrorCodeIsDocumentedOnSomeRoute() {
    // Answered for any path or method the service does not serve; the document's description says
    // so.
    Set<ErrorCode> notPerRoute =
        EnumSet.of(ErrorCode.NOT_FOUND, ErrorCode.METHOD_NOT_ALLOWED, ErrorCode.NOT_ACCEPTABLE);
    Set<ErrorCode> documented = EnumSet.noneOf(ErrorCode.class);
    ApiRoutes.all().forEach(r -> r.errors().forEach(e -> documented.add(e.code())));
    Set<ErrorCode> missing = EnumSet.allOf(ErrorCode.class);
    missing.removeAll(documented);
    missing.removeAll(notPerRoute);
    assertEquals(Set.of(), missing);
  }

  @Test
  void aRouteThatNeedsASessionAnswers401AndOneThatChangesSomethingChecksTheOrigin() {
    for (ApiRoute r : ApiRoutes.all()) {
      Set<ErrorCode> codes =
          r.errors().stream().map(ApiRoutes.ErrorAnswer::code).collect(Collectors.toSet());
      assertEquals(
          r.session() == Session.REQUIRED, codes.contains(ErrorCode.UNAUTHORIZED), r.key());
      if (r.method().equals("POST") && !r.path().startsWith("callback/")) {
        assertTrue(codes.contains(ErrorCode.INVALID_ORIGIN), r.key());
      }
    }
  }

  @Test
  void theSignUpRecordsConstraintsAddTheirCodes() {
    ApiRoute signUp =
        ApiRoutes.all().stream()
            .filter(r -> r.key().equals("POST sign-up/email"))
            .findFirst()
            .orElseThrow();
    Set<ErrorCode> codes =
        signUp.errors().stream().map(ApiRoutes.ErrorAnswer::code).collect(Collectors.toSet());
    assertTrue(codes.contains(ErrorCode.PASSWORD_TOO_SHORT), codes.toString());
    assertTrue(codes.contains(ErrorCode.PASSWORD_TOO_LONG), codes.toString());
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, OpenApiDocsTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
