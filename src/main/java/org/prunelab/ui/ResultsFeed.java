package org.prunelab.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.prunelab.results.ResultsStore;
import org.prunelab.results.ResultsStoreException;
import org.prunelab.results.StoreSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workbench's live view of a results store: a background thread of its own (never the FX
 * thread, never the device worker, so a long job does not delay it) asks the store for its {@link
 * ResultsStore#revision() revision} every {@link #POLL} and, when it changed, reads a {@link
 * StoreSnapshot} and publishes it on the FX thread. Because it polls the database itself, writes of
 * any process show up: this workbench's jobs, {@code prunelab experiment run} in a terminal, a
 * second workbench. Opening another store that cannot be read (corrupt, locked, from a newer
 * PruneLab) reports the failure and keeps the store that was open.
 */
public final class ResultsFeed implements AutoCloseable {
  /** How often the store is asked whether something was written. */
  public static final Duration POLL = Duration.ofSeconds(2);

  private static final Logger LOG = LoggerFactory.getLogger(ResultsFeed.class);

  private final ScheduledExecutorService poller;
  private final ReadOnlyObjectWrapper<Path> location = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<StoreSnapshot> snapshot =
      new ReadOnlyObjectWrapper<>(StoreSnapshot.empty());
  private ResultsStore store; // poller thread only
  private long shown = -1; // poller thread only

  /** A feed that watches nothing until {@link #open}; polls every {@code every}. */
  public ResultsFeed(Duration every) {
    poller =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "prunelab-results-feed");
              t.setDaemon(true);
              return t;
            });
    poller.scheduleWithFixedDelay(this::poll, every.toMillis(), every.toMillis(), MILLIS);
  }

  private static final TimeUnit MILLIS = TimeUnit.MILLISECONDS;

  /**
   * Watches {@code file} from now on (created, with its folder, when absent); {@code onFailure}
   * runs on the FX thread when it cannot be opened, and the store watched before stays.
   */
  public void open(Path file, Consumer<Throwable> onFailure) {
    Objects.requireNonNull(file, "file");
    submit(
        () -> {
          ResultsStore next;
          try {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
              Files.createDirectories(folder);
            }
            next = ResultsStore.open(file);
          } catch (IOException e) {
            FxThread.run(
                () ->
                    onFailure.accept(
                        new ResultsStoreException(
                            "cannot create the folder of the results store "
                                + file
                                + " ("
                                + e.getMessage()
                                + "); choose a writable place",
                            e)));
            return;
          } catch (RuntimeException e) {
            FxThread.run(() -> onFailure.accept(e));
            return;
          }
          closeStore();
          store = next;
          shown = -1;
          FxThread.run(() -> location.set(file.toAbsolutePath()));
          poll();
        });
  }

  /** Asks the store now (after a job of this workbench recorded something). */
  public void refresh() {
    submit(this::poll);
  }

  /** The store watched, null before the first {@link #open} succeeds. FX thread. */
  public ReadOnlyObjectProperty<Path> location() {
    return location.getReadOnlyProperty();
  }

  /** The store's content at its last revision read; empty before. FX thread. */
  public ReadOnlyObjectProperty<StoreSnapshot> snapshot() {
    return snapshot.getReadOnlyProperty();
  }

  private void poll() {
    if (store == null) {
      return;
    }
    try {
      if (store.revision() != shown) {
        StoreSnapshot read = StoreSnapshot.read(store);
        shown = read.revision();
        FxThread.run(() -> snapshot.set(read));
      }
    } catch (RuntimeException e) {
      // a store another process holds locked beyond the busy timeout: ask again at the next poll
      LOG.warn("cannot read the results store {}: {}", location.get(), e.getMessage());
    }
  }

  private void submit(Runnable work) {
    try {
      poller.execute(work);
    } catch (RejectedExecutionException e) {
      LOG.debug("results feed closed; {} not run", work);
    }
  }

  private void closeStore() {
    if (store != null) {
      store.close();
      store = null;
    }
  }

  /** Stops polling and closes the store. */
  @Override
  public void close() {
    submit(this::closeStore);
    poller.shutdown();
  }
}
