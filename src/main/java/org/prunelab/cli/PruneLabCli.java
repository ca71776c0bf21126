package org.prunelab.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import org.prunelab.error.PruneLabException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code prunelab} command line: a thin layer over the same services the workbench calls.
 * Errors a user can fix (missing files, bad shapes, impossible options: the {@link
 * PruneLabException} family) print one line naming the problem and exit with status 2; any other
 * exception is a bug and prints its stack trace.
 */
@Command(
    name = "prunelab",
    mixinStandardHelpOptions = true,
    version = "PruneLab 0.1.0",
    description =
        "Compress neural networks: inspect, train, evaluate, prune and export to ONNX (run without a "
            + "command for the workbench).",
    subcommands = {
      InfoCommand.class,
      TrainCommand.class,
      EvalCommand.class,
      SensitivityCommand.class,
      PruneCommand.class,
      ExportCommand.class,
      VerifyCommand.class,
      BenchCommand.class,
      ExperimentCommand.class,
      PlotCommand.class
    })
public final class PruneLabCli implements Runnable {
  /** Exit status of a check that ran and failed (e.g. {@code verify} beyond its tolerance). */
  public static final int CHECK_FAILED = 1;

  /** Exit status for errors in the user's input. */
  public static final int USER_ERROR = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the CLI on the process's stdout and stderr. */
  public static int run(String... args) {
    return run(
        new PrintWriter(System.out, true, Charset.defaultCharset()),
        new PrintWriter(System.err, true, Charset.defaultCharset()),
        args);
  }

  /**
   * Runs the CLI with the given output streams (tests capture them) and returns the exit status.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new PruneLabCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          if (ex instanceof PruneLabException) {
            cmd.getErr().println("error: " + ex.getMessage());
            cmd.getErr().flush();
            return USER_ERROR;
          }
          throw ex;
        });
    int status = cli.execute(args);
    out.flush();
    err.flush();
    return status;
  }
}
