package org.deckhand.distribution;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the web console's Playwright tests ({@code web-admin/frontend/e2e}) in Debian's Chromium against a running
 * server, with the server's URL, the admin password and what the library holds in their environment. Their output
 * and screenshots go to {@code distribution/target/web-console/}.
 */
final class ConsoleBrowser {

    /** The browser the tests drive: Debian's package, which {@code .ci/run} installs; never a downloaded one. */
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static final long TIMEOUT_MINUTES = 15;

    private final Path frontend;
    private final Path artefacts;

    private ConsoleBrowser(Path frontend, Path artefacts) {
        this.frontend = frontend;
        this.artefacts = artefacts;
    }

    /**
     * @return the runner; skips the calling test when Chromium or the console's npm packages are missing
     * @throws IOException if the artefact folder cannot be made
     */
    static ConsoleBrowser find() throws IOException {
        Path basedir = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        Path frontend = basedir.resolveSibling("web-admin").resolve("frontend");
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM
                + ": install Debian's chromium package (.ci/run does) to run the web console's browser tests");
        assumeTrue(Files.isRegularFile(frontend.resolve("node_modules/.bin/playwright")),
                "no Playwright in " + frontend + "/node_modules: build the web-admin module (it runs npm ci)");
        return new ConsoleBrowser(frontend, Files.createDirectories(basedir.resolve("target/web-console")));
    }

    /** @return where the screenshots of every page are saved */
    Path screenshots() {
        return artefacts.resolve("screenshots");
    }

    /**
     * Runs one spec file of the console's tests.
     *
     * @param spec the spec, relative to the frontend folder, such as {@code e2e/console.spec.ts}
     * @param environment the variables the spec reads: DECKHAND_URL, DECKHAND_PASSWORD, DECKHAND_E2E_...
     * @return what the run printed and how it ended
     * @throws IOException if Playwright cannot be started
     * @throws InterruptedException if interrupted while waiting for it
     */
    Run run(String spec, Map<String, String> environment) throws IOException, InterruptedException {
        String name = spec.replaceAll("^.*/|\\.spec\\.ts$", "");
        Path log = artefacts.resolve("playwright-" + name + ".log");
        ProcessBuilder builder = new ProcessBuilder(frontend.resolve("node_modules/.bin/playwright").toString(),
                "test", spec).directory(frontend.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.putAll(environment);
        env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        env.put("CHROMIUM", CHROMIUM.toString());
        env.put("DECKHAND_E2E_SCREENSHOTS", screenshots().toString());
        env.put("DECKHAND_E2E_OUTPUT", artefacts.resolve("results-" + name).toString());
        env.put("CI", "1");
        Process process = builder.start();
        boolean ended = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        return new Run(ended ? process.exitValue() : -1, ended ? output
                : output + "\n(stopped after " + TIMEOUT_MINUTES + " minutes)");
    }

    /**
     * @param exitStatus Playwright's exit status: 0 when every test passed, -1 when it was stopped
     * @param output what it printed
     */
    record Run(int exitStatus, String output) {
    }
}
