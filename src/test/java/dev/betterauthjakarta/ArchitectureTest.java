package dev.betterauthjakarta;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering of {@code shared/architecture.md}: ground ({@code platform}) → core ({@code audit},
 * {@code identity}, {@code session}, {@code verification}, {@code mail}) → use cases, and above
 * them the API's description ({@code openapi}), which nothing imports. Arrows only point down; no
 * package cycle; a use case never imports another.
 */
class ArchitectureTest {
  private static final String ROOT = "dev.betterauthjakarta";
  private static final List<String> USE_CASES =
      List.of("signin", "password", "email", "user", "accounts", "oauth", "twofactor", "admin");
  private static final List<String> CORE =
      List.of("audit", "identity", "session", "verification", "mail");
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(ROOT);

  @Test
  void thePackagesFormNoCycle() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void theGroundImportsNothingOfOurs() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".platform..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(packages(Stream.concat(CORE.stream(), USE_CASES.stream()).toList()))
        .check(CLASSES);
  }

  @Test
  void theCoreImportsNoUseCase() {
    noClasses()
        .that()
        .resideInAnyPackage(packages(CORE))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(packages(USE_CASES))
        .check(CLASSES);
  }

  @Test
  void insideTheCoreIdentityIsAtTheBottomAndSessionsAndLinksAreSiblings() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".identity..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(packages(List.of("session", "verification", "mail")))
        .check(CLASSES);
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".mail..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(packages(List.of("identity", "session", "verification")))
        .check(CLASSES);
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".session..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(packages(List.of("verification", "mail")))
        .check(CLASSES);
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".verification..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(packages(List.of("session")))
        .check(CLASSES);
  }

  @Test
  void theAuditTrailIsTheLowestCorePackage() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".audit..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(packages(List.of("identity", "session", "verification", "mail")))
        .check(CLASSES);
  }

  @Test
  void noUseCaseImportsAnother() {
    for (String useCase : USE_CASES) {
      List<String> others = USE_CASES.stream().filter(u -> !u.equals(useCase)).toList();
      noClasses()
          .that()
          .resideInAPackage(ROOT + "." + useCase + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(packages(others))
          .check(CLASSES);
    }
  }

  /** The API's description sits above the use cases: it reads their resources, none reads it. */
  @Test
  void nothingImportsTheApiDescription() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".openapi..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".openapi..")
        .check(CLASSES);
  }

  @Test
  void everyPackageIsNamedInTheLayering() {
    List<String> known =
        Stream.of(List.of("platform", "openapi"), CORE, USE_CASES).flatMap(List::stream).toList();
    CLASSES.stream()
        .map(c -> c.getPackageName().substring(ROOT.length() + 1).split("\\.")[0])
        .distinct()
        .forEach(
            p -> {
              if (!known.contains(p)) {
                throw new AssertionError(
                    "Package " + p + " is in no layer: add it to ArchitectureTest and the docs");
              }
            });
  }

  private static String[] packages(List<String> names) {
    return names.stream().map(n -> ROOT + "." + n + "..").toArray(String[]::new);
  }
}
