package org.deckhand.watcher.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Keeps the watcher's events as lines such as {@code "moved 3 /a.flac -> /b.flac"}, for the tests to read. */
final class RecordedEvents implements LibraryEvents {

    final List<String> lines = new ArrayList<>();

    @Override
    public void added(long trackId, Path path) {
        lines.add("added " + trackId + " " + path);
    }

    @Override
    public void changed(long trackId, Path path) {
        lines.add("changed " + trackId + " " + path);
    }

    @Override
    public void moved(long trackId, Path from, Path to) {
        lines.add("moved " + trackId + " " + from + " -> " + to);
    }

    @Override
    public void removed(long trackId, Path path) {
        lines.add("removed " + trackId + " " + path);
    }

    @Override
    public void scanStarted(String scanId) {
        lines.add("scan started");
    }

    @Override
    public void scanProgress(String scanId, long done, long total) {
        lines.add("scan progress " + done + "/" + total);
    }

    @Override
    public void scanCompleted(String scanId, long files, double seconds) {
        lines.add("scan completed " + files);
    }

    @Override
    public void folderMissing(Path folder, String reason) {
        lines.add("folder missing " + folder + ": " + reason);
    }

    @Override
    public void folderBack(Path folder) {
        lines.add("folder back " + folder);
    }
}
