package dev.betterauthjakarta.platform;

import java.util.function.Consumer;

/**
 * A request field that may be absent, present as JSON {@code null}, or present with a value. A
 * partial update needs all three: absent leaves a column alone, null clears it.
 */
public record Field<T>(boolean present, T value) {
  private static final Field<?> ABSENT = new Field<>(false, null);

  @SuppressWarnings("unchecked")
  public static <T> Field<T> absent() {
    return (Field<T>) ABSENT;
  }

  public static <T> Field<T> of(T value) {
    return new Field<>(true, value);
  }

  public void ifPresent(Consumer<T> action) {
    if (present) {
      action.accept(value);
    }
  }

  /** Present and not null. */
  public boolean hasValue() {
    return present && value != null;
  }
}
