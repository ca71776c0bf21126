package org.prunelab.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.prunelab.nn.LayerInfo;
import org.prunelab.nn.Network;
import org.prunelab.nn.NetworkSummary;
import org.prunelab.nn.NonFiniteWeights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prunelab info}: the layer table of a model with parameters and FLOPs
 * (multiply-accumulates).
 */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description =
        "Layer table: shapes, parameters and FLOPs (multiply-accumulates) per layer and in total.")
final class InfoCommand implements Runnable {
  @Mixin ModelOptions model;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    try (Network net = model.open()) {
      NetworkSummary summary = net.summary();
      Map<String, Long> nonFinite = NonFiniteWeights.count(net);
      if (!nonFinite.isEmpty()) {
        spec.commandLine()
            .getErr()
            .println("warning: " + NonFiniteWeights.describe(nonFinite) + "; it computes NaN");
      }
      if (json) {
        Json.print(out, summary);
        return;
      }
      out.printf(
          "%-28s %-15s %-16s %-16s %12s %14s%n",
          "layer", "op", "input", "output", "params", "FLOPs");
      for (LayerInfo row : summary.layers()) {
        out.printf(
            "%-28s %-15s %-16s %-16s %12s %14s%n",
            row.name(),
            row.op(),
            shapes(row.inputShapes()),
            shape(row.outputShape()),
            Numbers.grouped(row.params()),
            Numbers.grouped(row.macs()));
      }
      out.printf("%ninput %s, %d layers%n", shape(summary.inputShape()), summary.layers().size());
      out.printf(
          "parameters %s (%s), buffers %s%n",
          Numbers.grouped(summary.parameters()),
          Numbers.si(summary.parameters()),
          Numbers.grouped(summary.buffers()));
      out.printf(
          "FLOPs (multiply-accumulates per image) %s (%s)%n",
          Numbers.grouped(summary.macs()), Numbers.si(summary.macs()));
    }
  }

  private static String shapes(List<long[]> shapes) {
    return shapes.stream().map(InfoCommand::shape).collect(Collectors.joining(" "));
  }

  private static String shape(long[] s) {
    return Arrays.stream(s).mapToObj(Long::toString).collect(Collectors.joining("x"));
  }
}
