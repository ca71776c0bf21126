package org.prunelab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 100 evaluations must not grow native memory. A child JVM with a fixed 256 MiB heap runs {@link
 * NativeMemoryProbe}: DJL must track exactly as many arrays after evaluation 100 as after
 * evaluation 1 (nothing left attached to a long-lived scope), and the resident memory outside the
 * JVM's heap and non-heap areas must grow by less than 96 MiB from evaluation 20 to 100. The
 * allocator's pools keep warming up over the first ~200 evaluations (about 60 MiB, then flat);
 * before batches were staged through a reused direct buffer it grew without bound, about 1.4 MiB
 * per evaluation of 512 images, so 140 MiB here.
 */
class NativeMemoryTest {

  @Test
  void hundredEvaluationsDoNotGrowNativeMemory() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xms256m",
                    "-Xmx256m",
                    "-Dai.djl.offline=true",
                    "-cp",
                    System.getProperty("java.class.path"),
                    NativeMemoryProbe.class.getName()))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    Map<String, String> values = new HashMap<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] parts = line.split(" ", 2);
        values.put(parts[0], parts.length > 1 ? parts[1] : "");
      }
    }
    assertEquals(0, p.waitFor(), "probe exit status; output " + values);
    String[] arrays = values.get("arrays").split(" ");
    assertEquals(arrays[0], arrays[1], "arrays DJL tracks after evaluation 1 and 100");
    long growth = Long.parseLong(values.get("native100")) - Long.parseLong(values.get("native20"));
    assertTrue(
        growth < 96L << 20, "native memory grew by " + (growth >> 20) + " MiB over 80 evaluations");
  }
}
