package org.prunelab;

import org.prunelab.cli.PruneLabCli;
import org.prunelab.ui.WorkbenchApp;

/**
 * Entry point of {@code prunelab.jar}: with no arguments it opens the workbench, with a command it runs the CLI.
 * Not a JavaFX {@code Application} itself, so the jar starts from the class path. DJL runs offline on the bundled
 * libtorch.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
    if (args.length == 0) {
      WorkbenchApp.open(args);
    } else {
      System.exit(PruneLabCli.run(args));
    }
  }
}
