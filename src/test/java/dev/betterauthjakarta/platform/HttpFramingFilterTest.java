package dev.betterauthjakarta.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 9112's framing rules: one unambiguous body length, or the request is refused. */
class HttpFramingFilterTest {

  private static Optional<String> problem(List<String> lengths, List<String> encodings) {
    return HttpFramingFilter.problem(lengths, encodings);
  }

  @Test
  void oneLengthOrChunkedOrNothingIsClear() {
    assertEquals(Optional.empty(), problem(List.of(), List.of()));
    assertEquals(Optional.empty(), problem(List.of("42"), List.of()));
    assertEquals(Optional.empty(), problem(List.of("0"), List.of()));
    assertEquals(Optional.empty(), problem(List.of(), List.of("chunked")));
    assertEquals(Optional.empty(), problem(List.of(), List.of("gzip, Chunked")));
    assertEquals(Optional.empty(), problem(List.of(), List.of("gzip", "chunked")));
    assertEquals(Optional.empty(), problem(List.of("5", "5"), List.of()));
    assertEquals(Optional.empty(), problem(List.of("5, 5"), List.of()));
  }

  @Test
  void bothHeadersAreRefusedWhateverTheirValues() {
    assertTrue(problem(List.of("5"), List.of("chunked")).isPresent());
    assertTrue(problem(List.of("0"), List.of("identity")).isPresent());
  }

  @Test
  void aTransferCodingNotEndingInChunkedIsRefused() {
    assertTrue(problem(List.of(), List.of("chunked, identity")).isPresent());
    assertTrue(problem(List.of(), List.of("gzip")).isPresent());
    assertTrue(problem(List.of(), List.of("chunked", "gzip")).isPresent());
    assertTrue(problem(List.of(), List.of("")).isPresent());
    assertTrue(problem(List.of(), List.of("xchunked")).isPresent());
  }

  @Test
  void differingOrInvalidLengthsAreRefused() {
    assertTrue(problem(List.of("0", "2"), List.of()).isPresent());
    assertTrue(problem(List.of("1, 2"), List.of()).isPresent());
    assertTrue(problem(List.of("-1"), List.of()).isPresent());
    assertTrue(problem(List.of("+5"), List.of()).isPresent());
    assertTrue(problem(List.of("0x10"), List.of()).isPresent());
    assertTrue(problem(List.of(""), List.of()).isPresent());
  }
}
