package org.prunelab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the launcher starts itself again with oneDNN limited (from a jar and from an app image). */
class LauncherTest {
  @Test
  void fromTheJarItRestartsTheSameJavaWithItsOptionsAndClassPath() {
    assertEquals(
        List.of("/jdk/bin/java", "-Xmx2g", "-cp", "prunelab.jar", "org.prunelab.Launcher", "info"),
        Launcher.restartCommand(
            null, "/jdk/bin/java", List.of("-Xmx2g"), "prunelab.jar", new String[] {"info"}));
  }

  @Test
  void fromAnAppImageItRestartsTheNativeLauncherWithTheArgumentsOnly() {
    assertEquals(
        List.of("/opt/prunelab/bin/PruneLab", "info", "--model", "m.plm"),
        Launcher.restartCommand(
            "/opt/prunelab/bin/PruneLab",
            "/opt/prunelab/lib/runtime/bin/java",
            List.of("-Xmx2g", "-Djpackage.app-path=/opt/prunelab/bin/PruneLab"),
            "/opt/prunelab/lib/app/prunelab.jar",
            new String[] {"info", "--model", "m.plm"}));
  }
}
