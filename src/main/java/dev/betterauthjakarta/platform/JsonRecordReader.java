package dev.betterauthjakarta.platform;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads a request body into a request record: {@link JsonBodyReader#read} (size cap, {@code {}} for
 * an empty body, BAD_REQUEST for malformed JSON), then {@link RecordBinder} (strict JSON types);
 * Bean Validation runs next, on the {@code @Valid} parameter. Declared for {@link Record} so that
 * it, not the runtime's JSON-B reader (which coerces {@code 7} into {@code "7"}), reads every
 * record.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class JsonRecordReader implements MessageBodyReader<Record> {

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type.isRecord();
  }

  @Override
  public Record readFrom(
      Class<Record> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders,
      InputStream entityStream)
      throws IOException {
    return RecordBinder.bind(JsonBodyReader.read(entityStream), type);
  }
}
