package dev.betterauthjakarta.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Readiness of the schema: every carried migration applied, none failed. */
class MigrationReadinessTest {
  private static final Set<String> CARRIED = Set.of("1", "2", "3", "4");

  @Test
  void everyCarriedVersionAppliedIsUp() {
    var state =
        MigrationReadiness.state(
            CARRIED, Map.of("0", true, "1", true, "2", true, "3", true, "4", true));
    assertTrue(state.up(), state.toString());
  }

  @Test
  void aMissingVersionIsPending() {
    var state = MigrationReadiness.state(CARRIED, Map.of("1", true, "2", true, "4", true));
    assertFalse(state.up());
    assertEquals(Set.of("3"), state.pending());
    assertEquals(Set.of(), state.failed());
  }

  @Test
  void aFailedRowIsFailedEvenForAVersionTheWarDoesNotCarry() {
    var state =
        MigrationReadiness.state(
            CARRIED, Map.of("1", true, "2", true, "3", false, "4", true, "9", false));
    assertFalse(state.up());
    assertEquals(Set.of("3", "9"), state.failed());
    assertEquals(Set.of(), state.pending());
  }

  @Test
  void beforeTheMigrationRanItIsDown() {
    assertFalse(MigrationReadiness.state(Set.of(), Map.of("1", true)).up());
  }
}
