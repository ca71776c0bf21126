package org.prunelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.prunelab.nn.Network;
import org.prunelab.nn.NonFiniteWeights;
import org.prunelab.nn.onnx.OnnxExportOptions;
import org.prunelab.nn.onnx.OnnxExportSummary;
import org.prunelab.nn.onnx.OnnxExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code prunelab export}: writes a model (zoo, trained, pruned or factored) as an ONNX file. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Write a model as ONNX (opset 13 to 18) for ONNX Runtime and other frameworks.")
final class ExportCommand implements Runnable {
  @Mixin ModelOptions model;

  @Option(names = "--out", required = true, description = "ONNX file to write (.onnx).")
  Path out;

  @Option(names = "--force", description = "Write --out even when it is the --model file.")
  boolean force;

  @Option(
      names = "--opset",
      defaultValue = "17",
      description = "ONNX operator set, 13 to 18 (default: " + "${DEFAULT-VALUE}).")
  int opset;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    PrintWriter stdout = spec.commandLine().getOut();
    OnnxExportOptions options = OnnxExportOptions.defaults().withOpset(opset);
    model.requireOutputIsNotTheModel(out, force);
    try (Network net = model.open()) {
      NonFiniteWeights.require(
          net, "an exported file would compute NaN; retrain it or export an earlier checkpoint");
      OnnxExportSummary written = OnnxExporter.export(net, out, options);
      if (json) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("model", model.model);
        result.put("file", written.file().toString());
        result.put("opset", written.opset());
        result.put("nodes", written.nodes());
        result.put("initializers", written.initializers());
        result.put("bytes", written.bytes());
        result.put("parameters", net.parameterCount());
        Json.print(stdout, result);
      } else {
        stdout.printf(
            "wrote %s: %s as ONNX opset %d, %d nodes, %d initializers (%s parameters), %s bytes%n",
            written.file(),
            model.model,
            written.opset(),
            written.nodes(),
            written.initializers(),
            Numbers.grouped(net.parameterCount()),
            Numbers.grouped(written.bytes()));
      }
    }
  }
}
