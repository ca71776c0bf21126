package org.prunelab.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Collectors;
import org.prunelab.error.PruneLabException;
import org.prunelab.service.CompressionMethod;

/**
 * Reads experiment specs from YAML and checks every field before anything runs; the spec hash
 * (SHA-256 of the spec in canonical JSON) identifies the experiment in the results store, so
 * re-running the same spec resumes it.
 */
public final class ExperimentSpecs {
  private static final ObjectMapper YAML =
      YAMLMapper.builder()
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // "count: 2.5" is an error, not 2; a key given twice is an error, not the last one
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .addModule(SpecTypes.module())
          .build();
  private static final ObjectMapper YAML_WRITER =
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .addModule(SpecTypes.module())
          .build();
  private static final ObjectMapper CANONICAL =
      JsonMapper.builder().addModule(SpecTypes.module()).build();

  private ExperimentSpecs() {}

  /** Reads and validates a spec file. */
  public static ExperimentSpec load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ExperimentSpecException(
          "cannot read the experiment spec " + file + ": " + e.getMessage(), e);
    }
    try {
      return parse(text);
    } catch (ExperimentSpecException e) {
      throw new ExperimentSpecException(file + ": " + e.getMessage(), e);
    }
  }

  /** Parses and validates YAML text. */
  public static ExperimentSpec parse(String yaml) {
    ExperimentSpec spec;
    try {
      spec = YAML.readValue(yaml, ExperimentSpec.class);
    } catch (UnrecognizedPropertyException e) {
      throw new ExperimentSpecException(
          "unknown field '"
              + e.getPropertyName()
              + "' at "
              + path(e)
              + "; known: "
              + e.getKnownPropertyIds(),
          e);
    } catch (JsonMappingException e) {
      if (e.getCause() instanceof PruneLabException named) {
        throw new ExperimentSpecException(path(e) + ": " + named.getMessage(), e);
      }
      throw new ExperimentSpecException(
          "not a valid experiment spec: " + oneLine(e.getOriginalMessage()) + " at " + path(e), e);
    } catch (JsonProcessingException e) {
      throw new ExperimentSpecException(
          "not a valid experiment spec: " + oneLine(e.getOriginalMessage()) + " at " + path(e), e);
    }
    if (spec == null) {
      throw new ExperimentSpecException("the experiment spec is empty");
    }
    validate(spec);
    return spec;
  }

  /**
   * The spec as YAML the CLI reads back ({@code prunelab experiment run}), fields in record order,
   * fields left out of the spec left out: what the workbench's experiment form shows and saves.
   */
  public static String yaml(ExperimentSpec spec) {
    try {
      return YAML_WRITER.writeValueAsString(spec);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the spec as YAML", e);
    }
  }

  /** SHA-256 of the spec in canonical JSON (field order fixed by the record), in hex. */
  public static String hash(ExperimentSpec spec) {
    try {
      byte[] json = canonical(spec).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot hash the spec", e);
    }
  }

  /**
   * The spec as canonical JSON (field order fixed by the record, comments and layout of the YAML
   * gone): what {@link #hash} digests and what the results store keeps; JSON is YAML, so {@link
   * #parse} reads it back.
   */
  public static String canonical(ExperimentSpec spec) {
    try {
      return CANONICAL.writeValueAsString(spec);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the spec as JSON", e);
    }
  }

  private static void validate(ExperimentSpec spec) {
    require(spec.name(), "name");
    require(spec.network(), "network");
    require(spec.dataset(), "dataset");
    if (spec.methods() == null || spec.methods().isEmpty()) {
      throw new ExperimentSpecException(
          "methods: name at least one of " + CompressionMethod.names());
    }
    Set<CompressionMethod> seen = EnumSet.noneOf(CompressionMethod.class);
    for (CompressionMethod m : spec.methods()) {
      if (m == null) {
        throw new ExperimentSpecException(
            "methods: an empty entry; choose from " + CompressionMethod.names());
      }
      if (!seen.add(m)) {
        throw new ExperimentSpecException("methods: '" + m.cliName() + "' is listed twice");
      }
    }
    if (spec.keep() == null) {
      throw new ExperimentSpecException(
          "keep: missing; e.g. keep: {spacing: geometric, from: 0.9, to: 0.1, count: 6}");
    }
    spec.keep().validate();
    if (spec.repetitions() != null && (spec.repetitions() < 1 || spec.repetitions() > 100)) {
      throw new ExperimentSpecException("repetitions " + spec.repetitions() + " is outside 1..100");
    }
    if (spec.sweepMode().stepwise()) {
      for (CompressionMethod m : spec.methods()) {
        if (!m.prunes()) {
          throw new ExperimentSpecException(
              "mode "
                  + spec.sweepMode().specName()
                  + " prunes step by step and rewinds weights, "
                  + "which low-rank method '"
                  + m.cliName()
                  + "' does not support; use mode: one-shot for low-rank methods");
        }
      }
    }
    if (spec.retrain() != null) {
      spec.retrain().validate();
    }
    if (spec.test() == null) {
      throw new ExperimentSpecException(
          "test: missing; e.g. test: {clean: true, corruptions: [fog], severities: [3]}");
    }
    spec.test().validate();
    if (spec.features() != null) {
      try {
        spec.features().validate();
      } catch (PruneLabException e) {
        throw new ExperimentSpecException(e.getMessage(), e);
      }
    }
  }

  private static void require(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new ExperimentSpecException(field + ": missing");
    }
  }

  /**
   * The parser's message on one line: YAML scanner messages span several, with an echo of the
   * offending source line and a caret under it (indented four spaces), which are dropped.
   */
  static String oneLine(String message) {
    if (message == null) {
      return "unreadable YAML";
    }
    String joined =
        message
            .lines()
            .filter(l -> !l.startsWith("    ") && !l.isBlank())
            .map(String::strip)
            .collect(Collectors.joining(" "));
    return joined.endsWith(":") ? joined.substring(0, joined.length() - 1) : joined;
  }

  private static String path(JsonProcessingException e) {
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      return m.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining("."));
    }
    return e.getLocation() == null ? "?" : "line " + e.getLocation().getLineNr();
  }
}
