package org.deckhand.renamer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A preview's moves, kept in a file: any page reads back exactly what was planned, and closing deletes the file. */
class PreviewPagesTest {

    @TempDir
    Path root;

    @Test
    void everyPageGivesThePlannedMovesInOrderAcrossTheKeptOffsets() throws IOException {
        List<PlannedMove> planned = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            planned.add(new PlannedMove(i % 7 == 0 ? null : (long) i, Path.of("/music/in/" + i + " 坂本 Zoë.flac"),
                    Path.of("/music/Artist " + i + "/Дмитрий " + i + ".flac"), "rule 'default: $title' " + i));
        }
        Path previews = root.resolve("previews");
        try (PreviewPages pages = new PreviewPages(previews)) {
            for (PlannedMove move : planned) {
                pages.move(move);
            }
            for (int i = 0; i < 1500; i++) {
                pages.error(new Batch.PlanError(i, Path.of("/music/bad/" + i), "the template gives '..'"));
            }
            pages.finish(new Planner.Counts(2500, 0, 0, 0));

            assertEquals(1000, pages.moveCount());
            assertEquals(1500, pages.errorCount());
            assertEquals(PreviewPages.KEPT_ERRORS, pages.errors().size());
            assertEquals(planned.subList(0, 10), pages.page(0, 10));
            int edge = PreviewPages.STRIDE - 2;
            assertEquals(planned.subList(edge, edge + 5), pages.page(edge, 5), "a page across a kept offset");
            assertEquals(planned.subList(999, 1000), pages.page(999, 100), "the last page is short");
            assertEquals(List.of(), pages.page(1000, 100), "past the end");
            List<PlannedMove> all = new ArrayList<>();
            for (int offset = 0; offset < 1000; offset += 100) {
                all.addAll(pages.page(offset, 100));
            }
            assertEquals(planned, all);
            try (Stream<Path> files = Files.list(previews)) {
                assertEquals(1, files.count());
            }
        }
        try (Stream<Path> files = Files.list(previews)) {
            assertTrue(files.findAny().isEmpty(), "closing a preview deletes its file");
        }
    }

    @Test
    void aPreviewStopsAtItsNextMoveOnceANewerOneIsAskedFor() throws IOException {
        boolean[] newer = {false};
        try (PreviewPages pages = new PreviewPages(root.resolve("previews"), () -> newer[0])) {
            PlannedMove move = new PlannedMove(1L, Path.of("/music/a.flac"), Path.of("/music/b.flac"), "rule");
            pages.move(move);
            newer[0] = true;
            assertThrows(PreviewPages.SupersededException.class, () -> pages.move(move));
            assertEquals(1, pages.moveCount());
        }
    }
}
