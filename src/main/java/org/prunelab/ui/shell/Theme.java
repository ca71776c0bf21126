package org.prunelab.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.scene.Scene;

/**
 * The workbench's colour themes: AtlantaFX Primer light and dark as the user-agent stylesheet, plus
 * the workbench's own stylesheet, which takes its colours from the theme's looked-up colours. The
 * choice is remembered in the user's preferences.
 */
public enum Theme {
  LIGHT(new PrimerLight().getUserAgentStylesheet()),
  DARK(new PrimerDark().getUserAgentStylesheet());

  private static final String KEY = "theme";
  private final String stylesheet;

  Theme(String stylesheet) {
    this.stylesheet = stylesheet;
  }

  /**
   * Makes this the theme of every window (the user-agent stylesheet is global) and styles {@code
   * scene}.
   */
  public void apply(Scene scene) {
    Application.setUserAgentStylesheet(stylesheet);
    String css = Theme.class.getResource("workbench.css").toExternalForm();
    if (!scene.getStylesheets().contains(css)) {
      scene.getStylesheets().add(css);
    }
    scene.getRoot().getStyleClass().removeAll("light", "dark");
    scene.getRoot().getStyleClass().add(name().toLowerCase(Locale.ROOT));
  }

  /** Remembers this theme in {@code prefs}. */
  public void remember(Preferences prefs) {
    prefs.put(KEY, name());
  }

  /** The theme remembered in {@code prefs}, light when none (or an unknown one) is stored. */
  public static Theme remembered(Preferences prefs) {
    String stored = prefs.get(KEY, LIGHT.name());
    return DARK.name().equals(stored) ? DARK : LIGHT;
  }
}
