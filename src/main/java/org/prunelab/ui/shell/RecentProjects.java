package org.prunelab.ui.shell;

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
  private final ObservableList<Path> readOnlyPaths =
      FXCollections.unmodifiableObservableList(paths);

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

  /**
   * The list, newest first, read-only (change it with {@link #add}). Always the same list: a
   * listener added to it stays (the read-only view forwards changes through a weak listener, so a
   * fresh view per call would lose its listeners to the garbage collector).
   */
  public ObservableList<Path> paths() {
    return readOnlyPaths;
  }
}
