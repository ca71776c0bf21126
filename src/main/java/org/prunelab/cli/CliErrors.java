package org.prunelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.prunelab.error.PruneLabException;
import picocli.CommandLine;

/**
 * How the command line reports what went wrong, in one place: an option picocli could not parse is
 * one {@code error:} line and one {@code hint:} line naming the command's help (status 2); a {@link
 * PruneLabException} is one {@code error:} line, its message folded onto that line when it spans
 * several (status 2); anything else is a bug: one line that says so, with the stack trace written
 * to a log file it names (status 70), or printed when {@code --verbose} was given.
 */
final class CliErrors {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT);

  private final PrintWriter err;
  private final boolean verbose;
  private final Path logs;

  /**
   * Reports on {@code err}; an internal error's trace goes to {@code logs} unless {@code verbose}.
   */
  CliErrors(PrintWriter err, boolean verbose, Path logs) {
    this.err = err;
    this.verbose = verbose;
    this.logs = logs;
  }

  /** The folder internal errors' stack traces are written to: {@code ~/.prunelab/logs}. */
  static Path defaultLogs() {
    return Path.of(System.getProperty("user.home"), ".prunelab", "logs");
  }

  /** An option error found while parsing the command line. */
  int parameter(CommandLine.ParameterException e, String[] args) {
    String command = e.getCommandLine().getCommandSpec().qualifiedName();
    err.println("error: " + oneLine(e.getMessage()));
    err.println("hint: '" + command + " --help' lists the options");
    err.flush();
    return PruneLabCli.USER_ERROR;
  }

  /** An exception thrown while a command ran. */
  int execution(Exception e) {
    if (e instanceof PruneLabException) {
      err.println("error: " + oneLine(e.getMessage()));
      err.flush();
      return PruneLabCli.USER_ERROR;
    }
    if (verbose) {
      err.println("error: internal error, a bug in PruneLab:");
      e.printStackTrace(err);
    } else {
      err.println(
          "error: internal error, a bug in PruneLab ("
              + oneLine(String.valueOf(e))
              + "); "
              + traceWrittenTo(e)
              + " (or run again with "
              + PruneLabCli.VERBOSE
              + ")");
    }
    err.flush();
    return PruneLabCli.INTERNAL_ERROR;
  }

  /** Where the stack trace went, as the end of the error line. */
  private String traceWrittenTo(Exception e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    Path dir = logs;
    try {
      Files.createDirectories(dir);
      Path file =
          dir.resolve("error-" + LocalDateTime.now(ZoneId.systemDefault()).format(STAMP) + ".txt");
      Files.writeString(file, trace.toString());
      return "the stack trace is in " + file;
    } catch (IOException | SecurityException notWritten) {
      return "the stack trace could not be written to "
          + dir
          + " ("
          + notWritten.getMessage()
          + ")";
    }
  }

  /** {@code message} on one line: line breaks and the blanks around them become one space. */
  static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
