package org.prunelab.job;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every listener call as an event, in order. */
final class RecordingListener implements JobListener {

  /** One listener call: a progress report, or a state change (progress {@code null}). */
  record Event(JobState state, Progress progress) {
    boolean isProgress() {
      return progress != null;
    }
  }

  final List<Event> events = new CopyOnWriteArrayList<>();

  @Override
  public void onProgress(JobHandle<?> handle, Progress progress) {
    events.add(new Event(handle.state(), progress));
  }

  @Override
  public void onStateChanged(JobHandle<?> handle) {
    events.add(new Event(handle.state(), null));
  }

  List<Progress> progress() {
    List<Progress> out = new ArrayList<>();
    for (Event e : events) {
      if (e.isProgress()) {
        out.add(e.progress());
      }
    }
    return out;
  }

  List<JobState> states() {
    List<JobState> out = new ArrayList<>();
    for (Event e : events) {
      if (!e.isProgress()) {
        out.add(e.state());
      }
    }
    return out;
  }
}
