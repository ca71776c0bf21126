package org.prunelab.ui.shell;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.prunelab.nn.AtomicFiles;
import org.prunelab.ui.ProjectFileException;

/**
 * The content of a project file ({@code .prunelab}, JSON): format version, the model source and
 * dataset it was opened with, the results store location, and every view's {@link ProjectSection}
 * state under its key. Writing is atomic: the JSON goes to a temporary file in the same folder, is
 * forced to disk, then renamed over the target, so a crash leaves either the old file or the new
 * one, never half of one.
 *
 * @param version format version, {@link #VERSION} when written by this build
 * @param model the model source ({@code zoo.ModelResolver} syntax: zoo name, .plm or .onnx path)
 * @param dataset the dataset name ({@code fashion-mnist}, {@code mnist}, {@code cifar10}, {@code
 *     synthetic})
 * @param resultsStore path of the results store (SQLite file) the project's experiments write to
 * @param sections each registered view's state, by key, in registration order
 */
public record ProjectFile(
    int version,
    String model,
    String dataset,
    String resultsStore,
    Map<String, JsonNode> sections) {
  /** The format version this build writes and reads. */
  public static final int VERSION = 1;

  /** File name extension of project files. */
  public static final String EXTENSION = ".prunelab";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public ProjectFile {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(resultsStore, "resultsStore");
    sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
  }

  /**
   * Writes this project to {@code file} atomically ({@link AtomicFiles}: a temporary file in the
   * same folder, forced to disk, renamed over the target; the file gets the user's default
   * permissions, not a temp file's 0600).
   */
  public void write(Path file) {
    Path target = file.toAbsolutePath();
    try {
      if (!Files.isDirectory(target.getParent())) {
        // a project is saved where the user chose; a mistyped folder is not created
        throw new NoSuchFileException(target.getParent().toString(), null, "no such folder");
      }
      byte[] bytes = JSON.writeValueAsBytes(toJson());
      AtomicFiles.write(
          target,
          temp -> {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
              ByteBuffer buffer = ByteBuffer.wrap(bytes);
              while (buffer.hasRemaining()) {
                ch.write(buffer);
              }
              ch.force(true);
            }
          });
    } catch (IOException e) {
      throw new ProjectFileException(
          "cannot save "
              + target
              + ": "
              + e
              + "; check that the folder exists and is "
              + "writable",
          e);
    }
  }

  /**
   * Reads a project file.
   *
   * @throws ProjectFileException naming the file and the problem (missing, not JSON, newer version,
   *     missing field)
   */
  public static ProjectFile read(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(file));
    } catch (JsonProcessingException e) {
      throw new ProjectFileException(
          file
              + " is not a PruneLab project: not valid JSON ("
              + e.getOriginalMessage()
              + " at line "
              + e.getLocation().getLineNr()
              + ")",
          e);
    } catch (IOException e) {
      throw new ProjectFileException("cannot read project " + file + ": " + e, e);
    }
    if (root == null || !root.isObject()) {
      throw new ProjectFileException(file + " is not a PruneLab project: expected a JSON object");
    }
    int version = field(file, root, "version", JsonNodeType.NUMBER).asInt();
    if (version != VERSION) {
      throw new ProjectFileException(
          file
              + " has project format version "
              + version
              + "; this PruneLab reads "
              + "version "
              + VERSION
              + (version > VERSION ? " (open it with a newer PruneLab)" : ""));
    }
    Map<String, JsonNode> sections = new LinkedHashMap<>();
    JsonNode s = root.path("sections");
    if (!s.isMissingNode() && !s.isObject()) {
      throw new ProjectFileException(file + ": field 'sections' must be a JSON object");
    }
    s.fields().forEachRemaining(e -> sections.put(e.getKey(), e.getValue()));
    return new ProjectFile(
        version,
        field(file, root, "model", JsonNodeType.STRING).asText(),
        field(file, root, "dataset", JsonNodeType.STRING).asText(),
        field(file, root, "resultsStore", JsonNodeType.STRING).asText(),
        sections);
  }

  private static JsonNode field(Path file, JsonNode root, String name, JsonNodeType type) {
    JsonNode value = root.get(name);
    if (value == null || value.getNodeType() != type) {
      throw new ProjectFileException(
          file
              + " is not a valid PruneLab project: field '"
              + name
              + "' must be a "
              + type.name().toLowerCase(Locale.ROOT)
              + (value == null ? ", but it is missing" : ", got " + value));
    }
    return value;
  }

  private ObjectNode toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", version);
    root.put("model", model);
    root.put("dataset", dataset);
    root.put("resultsStore", resultsStore);
    ObjectNode s = root.putObject("sections");
    sections.forEach(s::set);
    return root;
  }
}
