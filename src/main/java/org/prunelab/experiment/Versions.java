package org.prunelab.experiment;

import ai.djl.engine.Engine;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.prunelab.nn.onnx.OnnxExporter;

/** The versions recorded with every job: PruneLab, DJL, the engine (libtorch) and Java. */
final class Versions {
  private Versions() {}

  static Map<String, String> current() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put(
        "prunelab",
        Optional.ofNullable(Versions.class.getPackage().getImplementationVersion())
            .orElse(OnnxExporter.PRODUCER_VERSION));
    v.put("djl", Engine.getDjlVersion());
    Engine engine = Engine.getInstance();
    v.put(
        engine.getEngineName().toLowerCase(Locale.ROOT).equals("pytorch")
            ? "libtorch"
            : engine.getEngineName(),
        engine.getVersion());
    v.put("java", Runtime.version().toString());
    return v;
  }
}
