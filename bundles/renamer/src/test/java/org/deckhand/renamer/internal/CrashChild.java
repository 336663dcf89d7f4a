package org.deckhand.renamer.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.deckhand.catalog.internal.DerbyCatalog;
import org.deckhand.testing.database.TestDatabases;

/**
 * The crash test's child JVM: {@code run ROOT} recovers, then applies the batch of {@link MoverWorld#plan} and undoes
 * it, printing {@code READY} once recovered and {@code FINISHED} once undone; {@code check ROOT} recovers and
 * prints {@code CHECK OK} or each invariant broken. Killed with SIGKILL at random moments by {@link CrashSafetyTest}.
 */
public final class CrashChild {

    private CrashChild() {
    }

    /**
     * @param args {@code run|check ROOT}
     * @throws Exception on any failure, with a non-zero exit
     */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[1]);
        DerbyCatalog catalog = new DerbyCatalog(root.resolve("catalog"), TestDatabases.engine());
        BatchRunner runner = new BatchRunner(root.resolve("renamer"), catalog, List.of(MoverWorld.music(root)),
                BatchEvents.NONE, new AtomicLong());
        List<Batch> batches = runner.recover();
        if (args[0].equals("check")) {
            List<String> wrong = MoverWorld.check(root, catalog);
            System.out.println(wrong.isEmpty() ? "CHECK OK" : String.join("\n", wrong));
            catalog.close();
            System.exit(wrong.isEmpty() ? 0 : 3);
        }
        System.out.println("READY");
        System.out.flush();
        Batch batch = batches.stream().filter(b -> b.status() != Batch.Status.ABANDONED).findFirst().orElse(null);
        if (batch == null) {
            batch = runner.create("crash test", MoverWorld.plan(catalog, MoverWorld.music(root)), List.of());
        }
        if (batch.status() == Batch.Status.RUNNING) {
            runner.apply(batch);
        }
        if (batch.status() != Batch.Status.UNDONE) {
            runner.undo(batch);
        }
        System.out.println("FINISHED " + batch.count(Move.State.UNDONE) + " undone, "
                + batch.count(Move.State.FAILED) + " failed, " + batch.count(Move.State.UNDO_SKIPPED) + " skipped");
        catalog.close();
    }
}
