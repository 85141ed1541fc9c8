package dev.betterauthjakarta.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QueryTextFilterTest {

  private static String refusal(String rawQuery) {
    AuthException e =
        assertThrows(AuthException.class, () -> QueryTextFilter.checkQuery(rawQuery), rawQuery);
    assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
    return e.getMessage();
  }

  @Test
  void wellFormedQueriesPass() {
    QueryTextFilter.checkQuery(null);
    QueryTextFilter.checkQuery("");
    QueryTextFilter.checkQuery("token=abc&callbackURL=https%3A%2F%2Fapp.example.com%2F%3Fa%3D1");
    QueryTextFilter.checkQuery("a=%C3%A9%F0%9F%98%80&b&=c&&d=+x+");
  }

  @Test
  void nulUnpairedSurrogatesAndBrokenEncodingsAreRefusedNamingTheParameter() {
    String invalid = "Invalid string: must not contain U+0000 or an unpaired surrogate";
    assertEquals("[query.token] " + invalid, refusal("token=%00"));
    assertEquals("[query.token] " + invalid, refusal("x=1&token=a%00b"));
    assertEquals("[query.token] Invalid string: not UTF-8", refusal("token=%ED%A0%80"));
    assertEquals("[query.token] Invalid string: not UTF-8", refusal("token=%FF"));
    assertEquals("[query.token] Invalid string: not UTF-8", refusal("token=%C0%80"));
    assertEquals("[query.token] Invalid string: malformed percent-encoding", refusal("token=%zz"));
    assertEquals("[query.token] Invalid string: malformed percent-encoding", refusal("token=%4"));
    assertEquals("[query] " + invalid, refusal("%00=1"));
    assertEquals("[query] Invalid string: not UTF-8", refusal("%FF"));
  }
}
