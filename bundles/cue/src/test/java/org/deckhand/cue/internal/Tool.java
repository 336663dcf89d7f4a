package org.deckhand.cue.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A Debian tool run as a test's reference (metaflac, cuetools, shntool, ffmpeg), its output and errors drained on
 * their own so that neither pipe fills.
 *
 * @param exitCode its exit status
 * @param out what it wrote to its standard output
 * @param errors what it wrote to its standard error
 */
record Tool(int exitCode, String out, String errors) {

    /**
     * Skips the calling test, saying which package to install, when a tool is missing.
     *
     * @param name the tool's name in /usr/bin
     * @param debianPackage the package that has it
     */
    static void assumeInstalled(String name, String debianPackage) {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin", name)), name + " is not installed: apt-get install "
                + debianPackage + " (or run /work/shared/corpus/install-tools.sh)");
    }

    /**
     * @param directory where it runs
     * @param stdin what to write to its standard input, or null
     * @param command the command and its arguments
     * @return how it ended
     * @throws IOException if it cannot start
     * @throws InterruptedException if interrupted while it runs
     */
    static Tool run(Path directory, InputStream stdin, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).directory(directory.toFile()).start();
        FutureTask<byte[]> out = drainer(process.getInputStream());
        FutureTask<byte[]> errors = drainer(process.getErrorStream());
        try (var input = process.getOutputStream()) {
            if (stdin != null) {
                stdin.transferTo(input);
            }
        }
        int status = process.waitFor();
        try {
            return new Tool(status, new String(out.get(), StandardCharsets.UTF_8),
                    new String(errors.get(), StandardCharsets.UTF_8));
        } catch (ExecutionException e) {
            throw new IOException("cannot read what " + command[0] + " wrote", e.getCause());
        }
    }

    private static FutureTask<byte[]> drainer(InputStream in) {
        FutureTask<byte[]> task = new FutureTask<>(() -> drain(in));
        Thread thread = new Thread(task, "drain");
        thread.setDaemon(true);
        thread.start();
        return task;
    }

    private static byte[] drain(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return ("(unreadable: " + e.getMessage() + ")").getBytes(StandardCharsets.UTF_8);
        }
    }
}
