package org.prunelab.job;

/** The context of {@link JobContext#silent()}: never cancelled, drops progress. */
enum SilentJobContext implements JobContext {
  INSTANCE;

  @Override
  public void progress(long done, long total, String message) {
    // deliberately ignored
  }

  @Override
  public boolean isCancelled() {
    return false;
  }
}
