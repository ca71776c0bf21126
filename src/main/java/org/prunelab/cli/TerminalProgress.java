package org.prunelab.cli;

import java.io.PrintWriter;
import java.time.Duration;
import org.prunelab.job.JobContext;

/**
 * A job context that draws a progress bar with rate and ETA on stderr: redrawn in place on a
 * terminal (at most ten times a second), one line per 10 % otherwise (logs, CI). Never cancelled:
 * Ctrl-C ends the process.
 */
final class TerminalProgress implements JobContext {
  private static final int BAR = 30;
  private final PrintWriter err;
  private final boolean interactive;
  private final long start = System.nanoTime();
  private long lastDraw;
  private int lastDecile = -1;

  // Java 17 has no Console.isTerminal(); from Java 22 on System.console() is non-null even when
  // stderr is redirected, so there the bar is redrawn in place in a log too.
  @SuppressWarnings("SystemConsoleNull")
  TerminalProgress(PrintWriter err) {
    this.err = err;
    this.interactive = System.console() != null;
  }

  @Override
  public void progress(long done, long total, String message) {
    long now = System.nanoTime();
    boolean finished = total > 0 && done >= total;
    if (interactive) {
      if (!finished && now - lastDraw < 100_000_000L) {
        return;
      }
      lastDraw = now;
      err.print("\r" + line(done, total, message, now) + (finished ? "\n" : ""));
      err.flush();
    } else {
      int decile = total > 0 ? (int) (10 * done / total) : 0;
      if (decile != lastDecile || finished) {
        lastDecile = decile;
        err.println(line(done, total, message, now));
        err.flush();
      }
    }
  }

  private String line(long done, long total, String message, long now) {
    double fraction = total > 0 ? Math.min(1, (double) done / total) : 0;
    int filled = (int) Math.round(fraction * BAR);
    double elapsed = (now - start) / 1e9;
    String eta =
        fraction > 0 ? format(Duration.ofSeconds((long) (elapsed / fraction - elapsed))) : "--:--";
    return String.format(
        "[%s%s] %3.0f%% %d/%d %s  elapsed %s  ETA %s",
        "=".repeat(filled),
        " ".repeat(BAR - filled),
        100 * fraction,
        done,
        total,
        message,
        format(Duration.ofSeconds((long) elapsed)),
        eta);
  }

  private static String format(Duration d) {
    long s = d.toSeconds();
    return s >= 3600
        ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format("%02d:%02d", s / 60, s % 60);
  }

  @Override
  public boolean isCancelled() {
    return false;
  }
}
