package dev.betterauthjakarta.openapi;

import dev.betterauthjakarta.identity.EmailAddress;
import dev.betterauthjakarta.platform.Length;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * JSON Schemas (OpenAPI 3.1) of the records that go on the wire, read by reflection the way JSON-B
 * writes and the record binder reads them: a record is an object named after its class in {@code
 * components/schemas}; {@code String}, booleans, numbers, {@code Instant} (date-time text), lists,
 * maps and JSON-P values map to their JSON types. An answer's record lists every component as
 * required (JSON-B writes nulls) except {@code @JsonbNillable(false)} ones, and a reference-typed
 * component may be null; a request record requires its {@code @NotNull} components and carries
 * {@code @Size} and {@link Length} bounds and {@link EmailAddress}'s format.
 */
final class JsonSchemas {
  private final Map<String, Schema> components = new TreeMap<>();
  private final Map<Class<?>, String> names = new HashMap<>();

  /** The schemas named so far, for {@code components/schemas}. */
  Map<String, Schema> components() {
    return components;
  }

  /** The schema of a request body's type (a reference for a record). */
  Schema request(Type type) {
    return of(type, true);
  }

  /** The schema of an answer's type (a reference for a record; {@code Void} is JSON null). */
  Schema answer(Type type) {
    return of(type, false);
  }

  /** One of several answers' types, or the one. */
  Schema answers(List<? extends Type> types) {
    if (types.size() == 1) {
      return answer(types.getFirst());
    }
    return OASFactory.createSchema()
        .oneOf(new ArrayList<>(types.stream().map(this::answer).toList()));
  }

  /** A reference to a named schema. */
  static Schema ref(String name) {
    return OASFactory.createSchema().ref("#/components/schemas/" + name);
  }

  private Schema of(Type type, boolean request) {
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw)) {
        return typed(SchemaType.ARRAY).items(of(args[0], request));
      }
      if (Map.class.isAssignableFrom(raw)) {
        return typed(SchemaType.OBJECT).additionalPropertiesSchema(of(args[1], request));
      }
      if (raw == Optional.class) {
        return of(args[0], request);
      }
      return of(raw, request);
    }
    if (type instanceof GenericArrayType g) {
      return typed(SchemaType.ARRAY).items(of(g.getGenericComponentType(), request));
    }
    Class<?> c = (Class<?>) type;
    if (c == Void.class || c == void.class) {
      return typed(SchemaType.NULL);
    }
    if (c == String.class || c == JsonString.class || c == char.class) {
      return typed(SchemaType.STRING);
    }
    if (c == boolean.class || c == Boolean.class) {
      return typed(SchemaType.BOOLEAN);
    }
    if (c == int.class || c == Integer.class || c == short.class || c == Short.class) {
      return typed(SchemaType.INTEGER).format("int32");
    }
    if (c == long.class || c == Long.class || c == BigInteger.class) {
      return typed(SchemaType.INTEGER).format("int64");
    }
    if (c == double.class
        || c == Double.class
        || c == float.class
        || c == Float.class
        || c == BigDecimal.class
        || c == JsonNumber.class) {
      return typed(SchemaType.NUMBER);
    }
    if (c == Instant.class) {
      return typed(SchemaType.STRING)
          .format("date-time")
          .description("UTC, milliseconds: 2026-11-28T10:15:30.123Z");
    }
    if (c == JsonObject.class) {
      return typed(SchemaType.OBJECT).description("Any JSON object");
    }
    if (c == JsonArray.class) {
      return typed(SchemaType.ARRAY);
    }
    if (c == JsonValue.class || c == Object.class) {
      return OASFactory.createSchema().description("Any JSON value");
    }
    if (c.isArray()) {
      return typed(SchemaType.ARRAY).items(of(c.getComponentType(), request));
    }
    if (c.isEnum()) {
      return typed(SchemaType.STRING)
          .enumeration(
              Arrays.stream(c.getEnumConstants()).map(e -> (Object) e.toString()).toList());
    }
    if (c.isRecord()) {
      return ref(named(c, request));
    }
    throw new IllegalArgumentException("No JSON schema for " + c.getName());
  }

  /** Registers a record's schema once and answers its name. */
  private String named(Class<?> record, boolean request) {
    String known = names.get(record);
    if (known != null) {
      return known;
    }
    String name = record.getSimpleName();
    if (components.containsKey(name)) {
      name = record.getName().replaceAll(".*\\.", "").replace('$', '.');
    }
    names.put(record, name);
    components.put(name, OASFactory.createSchema()); // placeholder: records may nest themselves
    components.put(name, object(record, request));
    return name;
  }

  private Schema object(Class<?> record, boolean request) {
    Schema schema = typed(SchemaType.OBJECT);
    List<String> required = new ArrayList<>();
    for (RecordComponent c : record.getRecordComponents()) {
      List<AnnotatedElement> at = ApiRoutes.annotated(record, c);
      Schema property = of(c.getGenericType(), request);
      boolean reference = !c.getType().isPrimitive();
      if (request) {
        if (present(at, NotNull.class)) {
          required.add(c.getName());
        }
        bounds(property, at, c.getType());
        if (present(at, EmailAddress.class)) {
          property.format("email");
        }
      } else {
        JsonbNillable nillable = annotation(at, JsonbNillable.class);
        boolean omittedWhenNull = nillable != null && !nillable.value();
        if (!omittedWhenNull) {
          required.add(c.getName());
        }
        if (reference && !omittedWhenNull) {
          if (property.getRef() != null) {
            property = OASFactory.createSchema().anyOf(List.of(property, typed(SchemaType.NULL)));
          } else if (property.getType() != null && !property.getType().isEmpty()) {
            property.addType(SchemaType.NULL);
          }
        }
      }
      schema.addProperty(c.getName(), property);
    }
    if (!required.isEmpty()) {
      schema.required(required);
    }
    return schema;
  }

  private static void bounds(Schema property, List<AnnotatedElement> at, Class<?> type) {
    boolean text = type == String.class;
    for (AnnotatedElement e : at) {
      Size size = e.getAnnotation(Size.class);
      if (size != null) {
        if (text) {
          if (size.max() != Integer.MAX_VALUE) {
            property.maxLength(size.max());
          }
          if (size.min() > 0) {
            property.minLength(size.min());
          }
        } else if (List.class.isAssignableFrom(type) || type.isArray()) {
          if (size.max() != Integer.MAX_VALUE) {
            property.maxItems(size.max());
          }
        }
      }
      for (Length l : e.getAnnotationsByType(Length.class)) {
        if (l.min() > 0) {
          property.minLength(l.min());
        }
        if (l.max() != Integer.MAX_VALUE) {
          property.maxLength(
              property.getMaxLength() == null
                  ? l.max()
                  : Math.min(l.max(), property.getMaxLength()));
        }
      }
    }
  }

  private static boolean present(
      List<AnnotatedElement> at, Class<? extends java.lang.annotation.Annotation> type) {
    return annotation(at, type) != null;
  }

  private static <A extends java.lang.annotation.Annotation> A annotation(
      List<AnnotatedElement> at, Class<A> type) {
    for (AnnotatedElement e : at) {
      A a = e.getAnnotation(type);
      if (a != null) {
        return a;
      }
    }
    return null;
  }

  static Schema typed(SchemaType type) {
    return OASFactory.createSchema().addType(type);
  }
}
