package org.prunelab.experiment;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.function.Function;
import org.prunelab.service.CompressionMethod;

/**
 * How a spec's typed choices are read from and written to YAML/JSON: methods and modes by the names
 * users write ({@code pfp}, {@code one-shot}), parsed at this edge only; an unknown name fails with
 * the parser's own message naming the allowed values.
 */
final class SpecTypes {
  private SpecTypes() {}

  /** The module that reads and writes {@link CompressionMethod} and {@link SweepMode} by name. */
  static SimpleModule module() {
    SimpleModule module = new SimpleModule("prunelab-spec-types");
    add(module, CompressionMethod.class, CompressionMethod::parse, CompressionMethod::cliName);
    add(module, SweepMode.class, SweepMode::parse, SweepMode::specName);
    return module;
  }

  private static <T> void add(
      SimpleModule module, Class<T> type, Function<String, T> parse, Function<T, String> name) {
    module.addDeserializer(
        type,
        new JsonDeserializer<T>() {
          @Override
          public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return parse.apply(p.getValueAsString());
          }
        });
    module.addSerializer(
        type,
        new JsonSerializer<T>() {
          @Override
          public void serialize(T value, JsonGenerator gen, SerializerProvider serializers)
              throws IOException {
            gen.writeString(name.apply(value));
          }
        });
  }
}
