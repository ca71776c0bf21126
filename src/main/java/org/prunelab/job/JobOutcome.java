package org.prunelab.job;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Hands a finished job's outcome, as its {@link JobHandle#result()} future reports it, to the
 * callbacks of {@link Jobs#submit}: the value to {@code onSuccess}, the job's own exception
 * (unwrapped from a {@link CompletionException}) to {@code onFailure}, and a cancellation to
 * neither.
 */
public final class JobOutcome {
  private JobOutcome() {}

  /**
   * Reports one outcome.
   *
   * @param value the job's value ({@code null} when it did not succeed)
   * @param error the failure or cancellation, {@code null} on success
   * @param onSuccess receives the value on success
   * @param onFailure receives the exception on failure
   * @param <T> the type of the job's value
   */
  public static <T> void report(
      T value, Throwable error, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    if (error == null) {
      onSuccess.accept(value);
    } else if (!(error instanceof CancellationException)) {
      onFailure.accept(
          error instanceof CompletionException && error.getCause() != null
              ? error.getCause()
              : error);
    }
  }
}
