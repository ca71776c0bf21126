package org.prunelab.ui;

import java.util.ArrayList;
import java.util.List;

/** A {@link DialogService} for view-model tests: remembers every error it was asked to show. */
public final class RecordingDialogService implements DialogService {
  /** One request: the header and the error. */
  public record Shown(String header, Throwable error) {}

  private final List<Shown> shown = new ArrayList<>();

  @Override
  public void showError(String header, Throwable error) {
    shown.add(new Shown(header, error));
  }

  /** The requests so far, oldest first. */
  public List<Shown> shown() {
    return List.copyOf(shown);
  }
}
