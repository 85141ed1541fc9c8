package dev.betterauthjakarta.platform;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds a JSON request body to a request record, strictly by JSON type, as Better Auth's zod
 * schemas do: a component of type {@code String} takes a JSON string, {@code Boolean} a JSON
 * boolean, {@code JsonNumber} a number, {@code JsonObject} an object, {@code JsonArray} an array
 * and {@code JsonValue} anything (for rules on raw values, such as "server-only fields must not be
 * truthy"). Absent and {@code null} both bind to {@code null}; unknown keys are ignored, so entity
 * fields can never be mass-assigned. Everything else (required fields, lengths, formats) is the
 * record's Bean Validation constraints' job.
 */
public final class RecordBinder {
  private RecordBinder() {}

  /**
   * A new instance of {@code type} from {@code json}.
   *
   * @throws AuthException 400 VALIDATION_ERROR naming every field of the wrong JSON type, in the
   *     record's order, {@code [body.<field>] Invalid input: expected <type>, received <type>}
   *     joined with {@code "; "}
   * @throws IllegalArgumentException if {@code type} is not a record or has a component of a type
   *     this binder does not know (a programming error)
   */
  public static <T> T bind(JsonObject json, Class<T> type) {
    return bind(json, type, "body");
  }

  /**
   * {@link #bind(JsonObject, Class)} for an object nested in the body, e.g. {@code body.idToken}:
   * errors name the field under {@code location}.
   */
  public static <T> T bind(JsonObject json, Class<T> type, String location) {
    RecordComponent[] components = type.getRecordComponents();
    if (components == null) {
      throw new IllegalArgumentException(type + " is not a record");
    }
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      types[i] = component.getType();
      JsonValue value = json.get(component.getName());
      String expected = expectedType(component.getType());
      if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
        values[i] = null;
      } else if (component.getType() == JsonValue.class) {
        values[i] = value;
      } else if (!matches(value, component.getType())) {
        problems.add(
            "["
                + location
                + "."
                + component.getName()
                + "] Invalid input: expected "
                + expected
                + ", received "
                + Body.typeName(value));
      } else {
        values[i] = convert(value, component.getType());
      }
    }
    if (!problems.isEmpty()) {
      throw new AuthException(ErrorCode.VALIDATION_ERROR, String.join("; ", problems));
    }
    try {
      Constructor<T> constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      return constructor.newInstance(values);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime; // a rule in the compact constructor
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("Cannot construct " + type, e);
    }
  }

  private static String expectedType(Class<?> type) {
    if (type == String.class) {
      return "string";
    }
    if (type == Boolean.class) {
      return "boolean";
    }
    if (type == JsonObject.class) {
      return "object";
    }
    if (type == JsonArray.class) {
      return "array";
    }
    if (type == JsonNumber.class) {
      return "number";
    }
    if (type == JsonValue.class) {
      return "value";
    }
    throw new IllegalArgumentException(
        "Request records take String, Boolean, JsonNumber, JsonObject, JsonArray or JsonValue, not "
            + type);
  }

  private static boolean matches(JsonValue value, Class<?> type) {
    return switch (value.getValueType()) {
      case STRING -> type == String.class;
      case TRUE, FALSE -> type == Boolean.class;
      case OBJECT -> type == JsonObject.class;
      case ARRAY -> type == JsonArray.class;
      case NUMBER -> type == JsonNumber.class;
      default -> false;
    };
  }

  private static Object convert(JsonValue value, Class<?> type) {
    if (type == String.class) {
      return ((JsonString) value).getString();
    }
    if (type == Boolean.class) {
      return value.getValueType() == JsonValue.ValueType.TRUE;
    }
    if (type == JsonArray.class) {
      return value.asJsonArray();
    }
    if (type == JsonNumber.class) {
      return value;
    }
    return value.asJsonObject();
  }
}
