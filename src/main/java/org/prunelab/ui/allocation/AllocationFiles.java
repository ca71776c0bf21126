package org.prunelab.ui.allocation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.prunelab.error.PruneLabException;
import org.prunelab.nn.AtomicFiles;
import org.prunelab.prune.allocate.AllocatorKind;
import org.prunelab.prune.allocate.BudgetKind;
import org.prunelab.service.CompressionMethod;
import org.prunelab.ui.ProjectFileException;

/**
 * The allocation as files and project JSON. Export: JSON ({@code {"model", "method", "budget",
 * "groups": [{"group", "channels", "kept", "keepRatio", "predictedError"}], "parameters",
 * "flops"}}) or CSV (one row per group), chosen by the file's extension, written to a temporary
 * file and moved into place. Project section: method, budget kind and keep ratio, allocator and the
 * ratio of every group by id; reading it back checks every field against the model.
 */
final class AllocationFiles {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private AllocationFiles() {}

  /** Writes the allocation to {@code file} (.json or .csv). */
  static void write(
      Path file,
      String model,
      CompressionMethod method,
      AllocationState state,
      AllocationCalculator calc,
      Totals totals) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    String text;
    if (name.endsWith(".csv")) {
      StringBuilder csv = new StringBuilder("group,channels,kept,keep_ratio,predicted_error\n");
      for (int u = 0; u < calc.size(); u++) {
        csv.append(
            String.format(
                Locale.ROOT,
                "%s,%d,%d,%.6f,%.6f%n",
                calc.ids().get(u),
                calc.channels(u),
                totals.kept()[u],
                (double) totals.kept()[u] / calc.channels(u),
                totals.errors()[u]));
      }
      text = csv.toString();
    } else if (name.endsWith(".json")) {
      ObjectNode root = JSON.createObjectNode();
      root.put("model", model);
      root.put("method", method.cliName());
      root.put("budgetKind", state.kind().name());
      root.put("budget", state.budget());
      root.put("allocator", state.allocator().cliName());
      root.put("parameters", totals.parameters());
      root.put("flops", totals.macs());
      root.put("predictedMaxError", totals.maxError());
      ArrayNode groups = root.putArray("groups");
      for (int u = 0; u < calc.size(); u++) {
        ObjectNode g = groups.addObject();
        g.put("group", calc.ids().get(u));
        g.put("channels", calc.channels(u));
        g.put("kept", totals.kept()[u]);
        g.put("keepRatio", (double) totals.kept()[u] / calc.channels(u));
        g.put("predictedError", totals.errors()[u]);
      }
      try {
        text = JSON.writeValueAsString(root);
      } catch (IOException e) {
        throw new PruneLabException("cannot encode the allocation as JSON: " + e.getMessage(), e);
      }
    } else {
      throw new PruneLabException(
          "cannot tell the format of " + file + "; end the name with .json or .csv");
    }
    try {
      AtomicFiles.write(file, temp -> Files.writeString(temp, text, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new PruneLabException(
          "could not write " + file + " (" + e.getMessage() + "); choose a writable folder", e);
    }
  }

  /** The project section: method and state, ratios by group id. */
  static JsonNode save(CompressionMethod method, AllocationState state, List<String> ids) {
    ObjectNode root = JSON.createObjectNode();
    root.put("method", method.cliName());
    root.put("budgetKind", state.kind().name());
    root.put("budget", state.budget());
    root.put("allocator", state.allocator().cliName());
    ObjectNode ratios = root.putObject("ratios");
    double[] r = state.ratios();
    for (int u = 0; u < ids.size() && u < r.length; u++) {
      ratios.put(ids.get(u), r[u]);
    }
    return root;
  }

  /**
   * A saved section read back: the method and the state for groups {@code ids} (absent groups keep
   * everything).
   */
  record Restored(CompressionMethod method, AllocationState state) {}

  /**
   * Reads a section written by {@link #save} for a model whose prunable groups are {@code ids}.
   *
   * @throws ProjectFileException naming the field that does not fit
   */
  static Restored restore(
      JsonNode node,
      List<String> ids,
      List<CompressionMethod> methods,
      List<AllocatorKind> allocators) {
    CompressionMethod method = oneOf(methods, text(node, "method"), "method");
    AllocatorKind allocator = oneOf(allocators, text(node, "allocator"), "allocator");
    BudgetKind kind;
    try {
      kind = BudgetKind.valueOf(text(node, "budgetKind"));
    } catch (IllegalArgumentException e) {
      throw new ProjectFileException(
          "allocation.budgetKind must be PARAMETERS or FLOPS, got " + node.get("budgetKind"), e);
    }
    double budget = node.path("budget").asDouble(Double.NaN);
    if (!(budget > 0 && budget <= 1)) {
      throw new ProjectFileException(
          "allocation.budget must be in (0, 1], got " + node.get("budget"));
    }
    JsonNode ratiosNode = node.path("ratios");
    if (!ratiosNode.isObject()) {
      throw new ProjectFileException("allocation.ratios must be an object of group -> keep ratio");
    }
    Map<String, Integer> index = new HashMap<>();
    for (int u = 0; u < ids.size(); u++) {
      index.put(ids.get(u), u);
    }
    double[] ratios = new double[ids.size()];
    Arrays.fill(ratios, 1);
    var fields = ratiosNode.fields();
    while (fields.hasNext()) {
      var e = fields.next();
      Integer u = index.get(e.getKey());
      if (u == null) {
        throw new ProjectFileException(
            "allocation.ratios names group '"
                + e.getKey()
                + "', which is not a "
                + "prunable group of this model; its groups are "
                + ids);
      }
      double r = e.getValue().asDouble(Double.NaN);
      if (!(r > 0 && r <= 1)) {
        throw new ProjectFileException(
            "allocation.ratios." + e.getKey() + " must be in (0, 1], got " + e.getValue());
      }
      ratios[u] = r;
    }
    return new Restored(method, new AllocationState(ratios, kind, budget, allocator));
  }

  /** The entry of {@code allowed} whose name ({@code toString}, the CLI name) is {@code name}. */
  private static <T> T oneOf(List<T> allowed, String name, String field) {
    return allowed.stream()
        .filter(t -> t.toString().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new ProjectFileException(
                    "allocation." + field + " '" + name + "' is not one of " + allowed));
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      throw new ProjectFileException("allocation." + field + " is missing or not text");
    }
    return v.asText();
  }
}
