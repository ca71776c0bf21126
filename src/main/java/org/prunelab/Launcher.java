package org.prunelab;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.prunelab.cli.PruneLabCli;
import org.prunelab.nn.EngineSelfCheck;
import org.prunelab.ui.shell.WorkbenchApp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of {@code prunelab.jar}: with no arguments it opens the workbench, with a command it
 * runs the CLI. Not a JavaFX {@code Application} itself, so the jar starts from the class path. DJL
 * runs offline on the bundled libtorch. Before any work it checks that libtorch computes
 * convolutions correctly on this CPU; where it does not, it restarts itself with oneDNN limited to
 * SSE4.1, which is exact (see {@link EngineSelfCheck}).
 */
public final class Launcher {
  private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);

  /**
   * System property that the native launcher of a jpackage app image sets to its own path ({@code
   * .../PruneLab/bin/PruneLab}).
   */
  static final String APP_PATH_PROPERTY = "jpackage.app-path";

  private Launcher() {}

  public static void main(String[] args) throws Exception {
    applyBuildEngineSettings();
    if (System.getenv(EngineSelfCheck.ISA_VARIABLE) == null) {
      Optional<String> failure = EngineSelfCheck.run();
      if (failure.isPresent()) {
        LOG.warn(
            "{}; restarting with {}={}",
            failure.get(),
            EngineSelfCheck.ISA_VARIABLE,
            EngineSelfCheck.SAFE_ISA);
        System.exit(restartWithSafeIsa(args));
      }
    } else {
      Optional<String> failure = EngineSelfCheck.run();
      if (failure.isPresent()) {
        LOG.error(
            "{} with {}={}; unset it (PruneLab then picks a safe setting) or set it to {}",
            failure.get(),
            EngineSelfCheck.ISA_VARIABLE,
            System.getenv(EngineSelfCheck.ISA_VARIABLE),
            EngineSelfCheck.SAFE_ISA);
        System.exit(2);
      }
    }
    if (args.length == 0) {
      WorkbenchApp.open(args);
    } else {
      System.exit(PruneLabCli.run(args));
    }
  }

  /**
   * Applies the engine settings of the build profile (offline CPU libtorch by default, the CUDA
   * flavour fetched on first start with {@code -Pgpu}) unless the user set them on the command
   * line.
   */
  private static void applyBuildEngineSettings() throws java.io.IOException {
    java.util.Properties build = new java.util.Properties();
    try (java.io.InputStream in = Launcher.class.getResourceAsStream("engine.properties")) {
      if (in != null) {
        build.load(in);
      }
    }
    System.setProperty(
        "ai.djl.offline",
        System.getProperty("ai.djl.offline", build.getProperty("offline", "true")));
    String flavor = build.getProperty("flavor", "cpu");
    if (!flavor.equals("cpu") && System.getProperty("PYTORCH_FLAVOR") == null) {
      System.setProperty("PYTORCH_FLAVOR", flavor);
    }
  }

  private static int restartWithSafeIsa(String[] args) throws Exception {
    List<String> command =
        restartCommand(
            System.getProperty(APP_PATH_PROPERTY),
            ProcessHandle.current().info().command().orElse("java"),
            ManagementFactory.getRuntimeMXBean().getInputArguments(),
            System.getProperty("java.class.path"),
            args);
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    builder.environment().put(EngineSelfCheck.ISA_VARIABLE, EngineSelfCheck.SAFE_ISA);
    builder.directory(new File(System.getProperty("user.dir")));
    return builder.start().waitFor();
  }

  /**
   * The command that starts PruneLab again with the same arguments. In a jpackage app image the
   * running process is the native launcher, which takes application arguments only (it adds the JVM
   * options and class path from its configuration), so it is started with {@code args} alone;
   * elsewhere the same {@code java} with the same JVM options and class path.
   */
  static List<String> restartCommand(
      String appLauncher,
      String javaCommand,
      List<String> jvmArguments,
      String classPath,
      String[] args) {
    List<String> command = new ArrayList<>();
    if (appLauncher != null && !appLauncher.isBlank()) {
      command.add(appLauncher);
    } else {
      command.add(javaCommand);
      command.addAll(jvmArguments);
      command.add("-cp");
      command.add(classPath);
      command.add(Launcher.class.getName());
    }
    command.addAll(List.of(args));
    return command;
  }
}
