package org.deckhand.system.internal;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the space left on the file stores that hold the data folder and the music folders. A store is low when its
 * usable space is under {@link Thresholds#lowBytes} of its size, nearly full under {@link Thresholds#nearlyFullBytes};
 * each store is told once when it goes low, once more if it then becomes nearly full, and not again until its space
 * has recovered to 110 % of the threshold it crossed, so that a store that hovers at a threshold is not told at each
 * check. Folders on one store are told once, under the first of them. A folder that is not there (a share that
 * dropped out, which the watcher tells) is skipped. Not thread-safe: one thread checks.
 */
final class DiskSpace {

    private static final Logger LOG = LoggerFactory.getLogger(DiskSpace.class);
    private static final double RECOVERY = 1.1;

    /** The space state of one store. */
    private enum State {
        OK,
        LOW,
        NEARLY_FULL
    }

    /**
     * Where low space begins, by a store's size.
     *
     * @param lowFraction a store is low under this fraction of its size...
     * @param lowCapBytes ...or under this many bytes, whichever is less
     * @param nearlyFullFraction a store is nearly full under this fraction of its size...
     * @param nearlyFullCapBytes ...or under this many bytes, whichever is less
     */
    record Thresholds(double lowFraction, long lowCapBytes, double nearlyFullFraction, long nearlyFullCapBytes) {

        /** Low under 5 % or 10 GiB, nearly full under 1 % or 1 GiB, whichever is less. */
        static final Thresholds DEFAULT = new Thresholds(0.05, 10L << 30, 0.01, 1L << 30);

        /**
         * @param sizeBytes a store's size, bytes
         * @return the usable space under which it is low, bytes
         */
        long lowBytes(long sizeBytes) {
            return Math.min((long) (sizeBytes * lowFraction), lowCapBytes);
        }

        /**
         * @param sizeBytes a store's size, bytes
         * @return the usable space under which it is nearly full, bytes
         */
        long nearlyFullBytes(long sizeBytes) {
            return Math.min((long) (sizeBytes * nearlyFullFraction), nearlyFullCapBytes);
        }
    }

    private final Thresholds thresholds;
    private final HealthEvents events;
    private final Map<Object, State> states = new HashMap<>();

    /**
     * @param thresholds where low space begins
     * @param events where a store low on space is told
     */
    DiskSpace(Thresholds thresholds, HealthEvents events) {
        this.thresholds = thresholds;
        this.events = events;
    }

    /**
     * Measures the stores of the folders and tells those that went low or nearly full since the last check.
     *
     * @param folders the data folder and the music folders, absolute
     */
    void check(List<Path> folders) {
        Map<FileStore, Path> stores = new LinkedHashMap<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try {
                stores.putIfAbsent(Files.getFileStore(folder), folder);
            } catch (IOException e) {
                LOG.debug("The file store of {} cannot be found: {}", folder, e.toString());
            }
        }
        for (Map.Entry<FileStore, Path> store : stores.entrySet()) {
            try {
                measured(store.getKey(), store.getValue(), store.getKey().getUsableSpace(),
                        store.getKey().getTotalSpace());
            } catch (IOException e) {
                LOG.debug("The space of {} cannot be measured: {}", store.getValue(), e.toString());
            }
        }
    }

    /**
     * Takes in one measure of a store, telling it if it went low or nearly full.
     *
     * @param store the store, as a key that is equal for the same store at each check
     * @param folder the folder it is told under
     * @param freeBytes its usable space, bytes
     * @param sizeBytes its size, bytes
     */
    void measured(Object store, Path folder, long freeBytes, long sizeBytes) {
        State before = states.getOrDefault(store, State.OK);
        long low = thresholds.lowBytes(sizeBytes);
        long nearlyFull = thresholds.nearlyFullBytes(sizeBytes);
        State now;
        if (freeBytes < nearlyFull || before == State.NEARLY_FULL && freeBytes < nearlyFull * RECOVERY) {
            now = State.NEARLY_FULL;
        } else if (freeBytes < low || before != State.OK && freeBytes < low * RECOVERY) {
            now = State.LOW;
        } else {
            now = State.OK;
        }
        if (now.compareTo(before) > 0) {
            LOG.warn("{} MiB left of {} MiB on the disk that holds {}", freeBytes >> 20, sizeBytes >> 20, folder);
            events.diskLow(folder, freeBytes, sizeBytes, now == State.NEARLY_FULL);
        }
        states.put(store, now);
    }
}
