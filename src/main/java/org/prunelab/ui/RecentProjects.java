package org.prunelab.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The most recently opened or saved project files, newest first, at most {@link #CAPACITY}, kept in
 * the user's preferences so the start page lists them in the next session. FX thread only.
 */
public final class RecentProjects {
  /** Projects remembered. */
  public static final int CAPACITY = 8;

  private static final String KEY = "recentProjects";

  private final Preferences prefs;
  private final ObservableList<Path> paths = FXCollections.observableArrayList();

  public RecentProjects(Preferences prefs) {
    this.prefs = prefs;
    String stored = prefs.get(KEY, "");
    if (!stored.isEmpty()) {
      Arrays.stream(stored.split("\n"))
          .map(Path::of)
          .distinct()
          .limit(CAPACITY)
          .forEach(paths::add);
    }
  }

  /** Moves (or adds) {@code project} to the top of the list and stores the list. */
  public void add(Path project) {
    Path p = project.toAbsolutePath().normalize();
    List<Path> next = new ArrayList<>(paths);
    next.remove(p);
    next.add(0, p);
    paths.setAll(next.subList(0, Math.min(CAPACITY, next.size())));
    prefs.put(KEY, String.join("\n", paths.stream().map(Path::toString).toList()));
  }

  /** The list, newest first (read-only for callers by convention; change it with {@link #add}). */
  public ObservableList<Path> paths() {
    return FXCollections.unmodifiableObservableList(paths);
  }
}
