package org.deckhand.system.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deckhand.api.event.EventProperties;
import org.deckhand.api.event.Topics;
import org.deckhand.testing.RecordingEventAdmin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;

/** Low disk space is told once per change of state, on a real file store and as a disk fills up and is freed. */
class DiskSpaceTest {

    private static final long GIB = 1L << 30;
    private static final long MIB = 1L << 20;

    @TempDir
    Path root;

    private final RecordingEventAdmin eventAdmin = new RecordingEventAdmin();

    @Test
    void aRealStoreUnderTheThresholdIsToldOnceUnderItsFirstFolderWithItsSpace() throws IOException {
        Path data = Files.createDirectories(root.resolve("data"));
        Path music = Files.createDirectories(root.resolve("music"));
        FileStore store = Files.getFileStore(data);
        DiskSpace disks = new DiskSpace(new DiskSpace.Thresholds(1.0, Long.MAX_VALUE, 0.0, 0),
                new HealthEvents(eventAdmin));

        disks.check(List.of(data, music, root.resolve("a share that dropped out")));
        disks.check(List.of(data, music));

        List<Event> low = eventAdmin.of(Topics.HEALTH_DISK_LOW);
        assertEquals(1, low.size(), "two folders on one store, checked twice, are told once: " + low);
        Event event = low.get(0);
        assertEquals(data.toString(), event.getProperty(EventProperties.PATH));
        assertEquals(store.getTotalSpace(), event.getProperty(EventProperties.SIZE_BYTES));
        long free = (Long) event.getProperty(EventProperties.FREE_BYTES);
        assertTrue(free > 0 && free <= store.getTotalSpace(), free + " bytes free");
        assertEquals(false, event.getProperty(EventProperties.NEARLY_FULL));
    }

    @Test
    void aStoreAboveTheThresholdIsNotTold() throws IOException {
        Path data = Files.createDirectories(root.resolve("data"));
        DiskSpace disks = new DiskSpace(new DiskSpace.Thresholds(0.0, 0, 0.0, 0), new HealthEvents(eventAdmin));

        disks.check(List.of(data));

        assertEquals(List.of(), eventAdmin.all());
    }

    @Test
    void aDiskThatFillsUpIsToldLowThenNearlyFullAndAgainOnlyAfterItRecovered() {
        DiskSpace disks = new DiskSpace(DiskSpace.Thresholds.DEFAULT, new HealthEvents(eventAdmin));
        Path data = Path.of("/var/lib/deckhand");
        long size = 2_000 * GIB;

        for (long free : new long[] {500 * GIB, 9 * GIB, 8 * GIB, 10 * GIB + MIB, 900 * MIB, 1_000 * MIB,
                2 * GIB, 10_500 * MIB, 12 * GIB, 9 * GIB}) {
            disks.measured("sda1", data, free, size);
        }

        List<Event> low = eventAdmin.of(Topics.HEALTH_DISK_LOW);
        assertEquals(List.of(9 * GIB, 900 * MIB, 9 * GIB), low.stream()
                .map(e -> e.getProperty(EventProperties.FREE_BYTES)).toList(),
                "low at 9 GiB; not again while under 11 GiB; nearly full at 900 MiB, not again under 1.1 GiB; low "
                        + "again only after it had recovered to 12 GiB");
        assertEquals(List.of(false, true, false), low.stream()
                .map(e -> e.getProperty(EventProperties.NEARLY_FULL)).toList());
    }

    @Test
    void aSmallCardIsLowUnderFivePercentOfItsSize() {
        DiskSpace disks = new DiskSpace(DiskSpace.Thresholds.DEFAULT, new HealthEvents(eventAdmin));

        disks.measured("mmcblk0p2", Path.of("/srv/music"), 2 * GIB, 32 * GIB);
        disks.measured("mmcblk0p2", Path.of("/srv/music"), 1_500 * MIB, 32 * GIB);

        assertEquals(1, eventAdmin.of(Topics.HEALTH_DISK_LOW).size());
    }
}
