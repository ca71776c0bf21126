package org.prunelab.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Arrays;
import org.prunelab.error.PruneLabException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code prunelab} command line: a thin layer over the same services the workbench calls. One
 * error path for every command ({@link CliErrors}): what a user can fix (an option picocli cannot
 * parse, a missing or unknown option, missing files, bad shapes, impossible settings: the {@link
 * PruneLabException} family) prints one {@code error:} line naming the problem, and for option
 * errors one {@code hint:} line, and exits with status 2; any other exception is a bug and prints
 * one line that says so and names the file its stack trace went to (status 70; {@code --verbose}
 * prints the trace instead).
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
      FeaturesCommand.class,
      PlotCommand.class
    })
public final class PruneLabCli implements Runnable {
  /** Exit status of a check that ran and failed (e.g. {@code verify} beyond its tolerance). */
  public static final int CHECK_FAILED = 1;

  /** Exit status for errors in the user's input. */
  public static final int USER_ERROR = 2;

  /** Exit status of an unexpected internal error, a bug (EX_SOFTWARE of sysexits.h). */
  public static final int INTERNAL_ERROR = 70;

  /** The option that shows an internal error's stack trace on stderr. */
  public static final String VERBOSE = "--verbose";

  @Option(
      names = VERBOSE,
      scope = CommandLine.ScopeType.INHERIT,
      description = "On an internal error, print its stack trace here (instead of to a log file).")
  boolean verbose;

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
    CliErrors errors =
        new CliErrors(err, Arrays.asList(args).contains(VERBOSE), CliErrors.defaultLogs());
    cli.setParameterExceptionHandler(errors::parameter);
    cli.setExecutionExceptionHandler((ex, cmd, parsed) -> errors.execution(ex));
    int status = cli.execute(args);
    out.flush();
    err.flush();
    return status;
  }
}
