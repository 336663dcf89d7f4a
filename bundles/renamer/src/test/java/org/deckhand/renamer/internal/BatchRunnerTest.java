package org.deckhand.renamer.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.deckhand.catalog.internal.DerbyCatalog;
import org.deckhand.testing.database.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batches over real files and a real catalog: apply, undo, and what goes wrong on the way. */
class BatchRunnerTest {

    @TempDir
    Path root;

    @Test
    void applyThenUndoRestoresTheTreeAndTheCatalogKeepsItsIds() throws Exception {
        MoverWorld.create(root, 40);
        try (Fixture f = new Fixture(root, MoverWorld.music(root))) {
            Batch batch = f.runner.create("test", MoverWorld.plan(f.catalog, MoverWorld.music(root)), List.of());
            f.runner.apply(batch);
            assertEquals(40, batch.count(Move.State.DONE));
            assertEquals(List.of(), MoverWorld.check(root, f.catalog));
            assertTrue(Files.notExists(MoverWorld.music(root).resolve("in")), "emptied folders are removed");
            f.runner.undo(batch);
            assertEquals(40, batch.count(Move.State.UNDONE));
            assertEquals(List.of(), MoverWorld.check(root, f.catalog));
            assertTrue(Files.notExists(MoverWorld.music(root).resolve("out")));
            assertEquals(Batch.Status.UNDONE, Batch.read(root.resolve("renamer/00000001.journal")).status());
        }
    }

    @Test
    void aTargetThatAppearsAndAFileDeletedMeanwhileFailAloneAndNothingIsLost() throws Exception {
        MoverWorld.create(root, 20);
        try (Fixture f = new Fixture(root, MoverWorld.music(root))) {
            List<PlannedMove> plan = MoverWorld.plan(f.catalog, MoverWorld.music(root));
            Batch batch = f.runner.create("test", plan, List.of());
            Path squatter = plan.get(3).target();
            Files.createDirectories(squatter.getParent());
            Files.writeString(squatter, "someone else's file");
            Files.delete(plan.get(5).source());
            f.runner.apply(batch);
            assertEquals("someone else's file", Files.readString(squatter), "never overwritten");
            assertTrue(Files.exists(plan.get(3).source()), "the file whose target was taken stays");
            Move taken = batch.moves().get(3);
            assertEquals(Move.State.FAILED, taken.state());
            assertTrue(taken.reason().contains(squatter.toString()) && taken.reason().contains("taken"),
                    taken.reason());
            assertTrue(batch.moves().get(5).reason().contains("is gone"), batch.moves().get(5).reason());
            assertEquals(18, batch.count(Move.State.DONE));
            Files.writeString(plan.get(7).target(), "changed after the move");
            f.runner.undo(batch);
            assertEquals(Move.State.UNDO_SKIPPED, batch.moves().get(7).state());
            assertTrue(batch.moves().get(7).reason().contains("changed since"), batch.moves().get(7).reason());
            assertEquals(17, batch.count(Move.State.UNDONE));
        }
    }

    @Test
    void acrossFileSystemsTheCopyIsVerifiedAndAFullDiskLosesNothing() throws Exception {
        Path mount = Files.createDirectories(root.resolve("small"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount.toString()),
                "skipped: cannot mount a tmpfs here (needs root)");
        try {
            MoverWorld.create(root, 40);
            try (Fixture f = new Fixture(root, MoverWorld.music(root), mount)) {
                List<PlannedMove> plan = MoverWorld.plan(f.catalog, MoverWorld.music(root)).stream()
                        .map(m -> new PlannedMove(m.trackId(), m.source(), mount.resolve(m.target().getFileName()),
                                "test")).toList();
                byte[] first = Files.readAllBytes(plan.get(0).source());
                Batch batch = f.runner.create("test", plan, List.of());
                f.runner.apply(batch);
                assertArrayEquals(first, Files.readAllBytes(plan.get(0).target()), "the same bytes on the tmpfs");
                long done = batch.count(Move.State.DONE);
                long failed = batch.count(Move.State.FAILED);
                assertTrue(done > 0 && failed > 0, "64 KiB holds some of the files: " + done + " moved");
                assertEquals(40, done + failed);
                Move full = batch.moves().stream().filter(m -> m.state() == Move.State.FAILED).findFirst().get();
                assertTrue(full.reason().contains("No space left") || full.reason().contains("space"),
                        full.reason());
                assertTrue(Files.exists(full.source()), "a move that did not fit leaves the source");
                try (var left = Files.list(mount)) {
                    assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(FileMover.TEMP_PREFIX)),
                            "no partial copy is left");
                }
                f.runner.undo(batch);
                assertEquals(done, batch.count(Move.State.UNDONE));
            }
        } finally {
            run("umount", mount.toString());
        }
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor() == 0;
    }

    /** A runner over the world's catalog. */
    private static final class Fixture implements AutoCloseable {
        final DerbyCatalog catalog;
        final BatchRunner runner;

        Fixture(Path root, Path... musicFolders) throws Exception {
            catalog = new DerbyCatalog(root.resolve("catalog"), TestDatabases.engine());
            runner = new BatchRunner(root.resolve("renamer"), catalog, List.of(musicFolders), BatchEvents.NONE,
                    new AtomicLong());
        }

        @Override
        public void close() throws Exception {
            catalog.close();
        }
    }
}
