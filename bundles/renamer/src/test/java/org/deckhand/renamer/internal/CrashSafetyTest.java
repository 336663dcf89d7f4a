package org.deckhand.renamer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random moments of an apply and of its undo, over a batch of a few thousand hard-linked files, each
 * restart checked: every file exists exactly once (by inode: the very same file), no temporary file is left, and the
 * catalog (a real Derby catalog) holds every track at a path where its file is. At the end the tree is the one
 * before, exactly. The number of kills is bounded by time ({@code deckhand.crash.seconds}, 150 s by default) and
 * count ({@code deckhand.crash.kills}, 30).
 */
class CrashSafetyTest {

    private static final int FILES = Integer.getInteger("deckhand.crash.files", 2000);
    private static final int KILLS = Integer.getInteger("deckhand.crash.kills", 30);
    private static final long SECONDS = Long.getLong("deckhand.crash.seconds", 150);

    @Test
    void killsAtRandomMomentsLoseNoFileAndLeaveTheCatalogInStep(@TempDir Path root) throws Exception {
        MoverWorld.create(root, FILES);
        Map<String, Object> before = tree(MoverWorld.music(root));
        Random random = new Random(42);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        int kills = 0;
        boolean finished = false;
        while (!finished && kills < KILLS && System.nanoTime() < deadline) {
            Process child = start("run", root);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line = out.readLine();
                assertEquals("READY", line, "the child recovers and starts");
                Thread.sleep(random.nextInt(400));
                if (child.isAlive()) {
                    child.destroyForcibly().waitFor();
                    kills++;
                } else {
                    finished = out.lines().anyMatch(l -> l.startsWith("FINISHED"));
                }
            }
            Process check = start("check", root);
            String report = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, check.waitFor(), "after kill " + kills + ": " + report);
        }
        if (!finished) {
            Process last = start("run", root);
            String output = new String(last.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, last.waitFor(), output);
            assertTrue(output.contains("FINISHED " + FILES + " undone, 0 failed, 0 skipped"), output);
        }
        assertTrue(kills >= Math.min(KILLS, 10), "only " + kills + " kills fitted in " + SECONDS + " s");
        assertEquals(before, tree(MoverWorld.music(root)), "the undo brings back the tree exactly, the same files");
        System.out.println("CrashSafetyTest: " + kills + " kills over " + FILES + " files");
    }

    private static Process start(String mode, Path root) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", CrashChild.class.getName(), mode, root.toString()));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** Every file's path and inode. */
    private static Map<String, Object> tree(Path music) throws IOException {
        Map<String, Object> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(music)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(music.relativize(file).toString(), Files.readAttributes(file,
                        java.nio.file.attribute.BasicFileAttributes.class).fileKey());
            }
        }
        return files;
    }
}
