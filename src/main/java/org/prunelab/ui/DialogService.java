package org.prunelab.ui;

/**
 * How view-models tell the user that an action failed, without knowing how it is shown: the
 * workbench shows a non-blocking error dialog over its window, a test records the request. The
 * state the action would have changed is left as it was. FX thread only.
 */
public interface DialogService {
  /**
   * Reports a failed action.
   *
   * @param header what could not be done, e.g. "Could not write the allocation"
   * @param error the failure; its message names the problem and the way out
   */
  void showError(String header, Throwable error);
}
