package org.deckhand.distribution;

import static org.deckhand.distribution.DeckhandProcess.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins that turn against the server, in the packaged distribution: one that calls {@code System.exit} as it
 * activates, directly and through reflection and method handles (each refusal among the server's recent log events),
 * one that leaves a thread spinning after it is removed, one during whose start the server is killed, and uploads whose
 * name or manifest the server cannot take. The server stays up and ready through each, and says which plugin did what.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginIsolationIT {

    private static final Duration SOON = Duration.ofSeconds(15);
    private static final String ROGUE = "org.deckhand.plugin.rogue";
    private static final String HANGING = "org.deckhand.plugin.hanging";

    private final ObjectMapper json = new ObjectMapper();
    private final Path rogueJar = Path.of(System.getProperty("deckhand.plugin.rogue"));
    private final Path hangingJar = Path.of(System.getProperty("deckhand.plugin.hanging"));

    @TempDir
    static Path root;

    private DeckhandProcess server;

    @BeforeAll
    void start() throws IOException {
        server = DeckhandProcess.start(root.resolve("deckhand"));
        server.awaitReady();
    }

    @AfterAll
    void stop() {
        server.process().destroyForcibly();
    }

    @Test
    @Order(1)
    void aPluginThatCallsSystemExitIsToldNoAndTheServerStaysUp() throws IOException {
        Files.copy(rogueJar, server.home().resolve("plugins/rogue.jar"));

        assertTrue(eventually(() -> errorOf(ROGUE).contains("java.lang.SecurityException: System.exit(3) is blocked"),
                SOON), "the blocked exit is not reported: " + server.get("/api/v1/plugins").body()
                + "\nThe server printed:\n" + server.output());
        assertTrue(server.process().isAlive(), "the server stopped:\n" + server.output());
        assertEquals(200, server.get("/api/v1/health", null).statusCode());
        assertTrue(errorOf(ROGUE).startsWith("Component org.deckhand.plugin.rogue.ExitingComponent failed to activate"),
                errorOf(ROGUE));
        assertTrue(server.output().contains("Plugin " + ROGUE + " 0.1.0.SNAPSHOT called System.exit(3) in "
                + "org.deckhand.plugin.rogue.ExitingComponent; blocked"), server.output());
    }

    @Test
    @Order(2)
    void aPluginThatStopsTheJvmThroughReflectionIsToldNoEachTime() {
        String component = " in org.deckhand.plugin.rogue.ReflectiveExitComponent; blocked";
        // at each activation: getMethods().invoke of exit, getMethod of halt, unreflect of halt, bind of exit
        assertTrue(eventually(() -> {
            String printed = server.output();
            int activations = count(printed, "called a reflective look-up of Runtime.exit" + component);
            return activations >= 1
                    && count(printed, "called a reflective call of Runtime.exit" + component) == activations
                    && count(printed, "called a reflective look-up of Runtime.halt" + component) == 2 * activations;
        }, SOON), server.output());
        String output = server.output();
        assertTrue(server.process().isAlive(), "the server stopped:\n" + output);
        assertEquals(200, server.get("/api/v1/health", null).statusCode());
    }

    @Test
    @Order(3)
    void theBlockedExitsAreAmongTheServersRecentLogEvents() {
        assertTrue(eventually(() -> blockedInLog().equals(blockedInOutput()), SOON),
                "recent events " + blockedInLog() + " against the output " + blockedInOutput());
        assertTrue(blockedInLog().contains("Plugin " + ROGUE + " 0.1.0.SNAPSHOT called System.exit(3) in "
                + "org.deckhand.plugin.rogue.ExitingComponent; blocked: a plugin may not stop the server"),
                blockedInLog().toString());
    }

    /** @return the messages of the blocked exits among the recent log events, oldest first */
    private List<String> blockedInLog() {
        try {
            List<String> blocked = new ArrayList<>();
            for (JsonNode line : json.readTree(server.get("/api/v1/logs?level=WARN&limit=2000").body())) {
                if (line.path("logger").asText().equals("org.deckhand.kernel.exit.BlockedExit")
                        && line.path("level").asText().equals("WARN")) {
                    blocked.add(line.path("message").asText());
                }
            }
            return blocked;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the messages of the blocked exits the server printed, oldest first */
    private List<String> blockedInOutput() {
        return server.output().lines().filter(line -> line.contains("org.deckhand.kernel.exit.BlockedExit - "))
                .map(line -> line.substring(line.indexOf(" - ") + 3)).toList();
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    @Order(4)
    void theServerRestartsReadyWithThatPluginInItsFolder() throws IOException, InterruptedException {
        server.close();
        assertEquals(0, server.process().exitValue(), "the server did not stop as asked:\n" + server.output());

        server = DeckhandProcess.startIn(server.home(), DeckhandProcess.freePort());
        server.awaitReady();

        assertTrue(eventually(() -> errorOf(ROGUE).contains("System.exit(3) is blocked"), SOON),
                server.get("/api/v1/plugins").body());
        assertTrue(server.process().isAlive(), "the server stopped:\n" + server.output());
        assertEquals(200, server.get("/api/v1/health", null).statusCode());
        String output = server.output();
        assertTrue(output.indexOf(" ready at ") < output.indexOf("called System.exit(3)"),
                "the plugin started before the server was ready:\n" + output);
    }

    @Test
    @Order(5)
    void aRemovedPluginsThreadThatKeepsRunningIsReported() {
        assertTrue(eventually(() -> "ACTIVE".equals(stateOf(ROGUE)), SOON), server.get("/api/v1/plugins").body());

        assertEquals(204, server.delete("/api/v1/plugins/" + ROGUE).statusCode());

        assertTrue(eventually(() -> plugin(ROGUE).map(p -> "REMOVED".equals(p.path("state").asText())
                && p.path("runawayThreads").toString().equals("[\"rogue-spinner\"]")).orElse(false), SOON),
                "the runaway thread is not reported: " + server.get("/api/v1/plugins").body());
        assertTrue(errorOf(ROGUE).contains("rogue-spinner"), errorOf(ROGUE));
        assertTrue(server.output().contains("Plugin " + ROGUE + " 0.1.0.SNAPSHOT was removed, but 1 of its threads "
                + "still run: [rogue-spinner]"), server.output());
        assertEquals(404, server.delete("/api/v1/plugins/" + ROGUE).statusCode(), "a removed plugin removed again");
    }

    @Test
    @Order(6)
    void aPluginDuringWhoseStartTheServerDiedIsQuarantinedUntilReEnabled() throws IOException, InterruptedException {
        Files.copy(hangingJar, server.home().resolve("plugins/hanging.jar"));
        assertTrue(eventually(() -> "STARTING".equals(stateOf(HANGING)), SOON), server.get("/api/v1/plugins").body());

        server.process().destroyForcibly();
        assertTrue(server.process().waitFor(15, TimeUnit.SECONDS));
        server = DeckhandProcess.startIn(server.home(), DeckhandProcess.freePort());
        server.awaitReady();

        assertTrue(eventually(() -> "QUARANTINED".equals(stateOf(HANGING)), SOON),
                server.get("/api/v1/plugins").body());
        assertTrue(errorOf(HANGING).startsWith("The server stopped while this plugin was starting"), errorOf(HANGING));
        assertTrue(errorOf(HANGING).contains("POST /api/v1/plugins/" + HANGING + "/enable"), errorOf(HANGING));
        assertEquals(404, server.postBytes("/api/v1/plugins/no.such.plugin/enable", new byte[0],
                "application/octet-stream").statusCode(), "an unknown plugin re-enabled");

        HttpResponse<String> enabled = server.postBytes("/api/v1/plugins/" + HANGING + "/enable", new byte[0],
                "application/octet-stream");

        assertEquals(200, enabled.statusCode(), enabled.body());
        assertTrue(eventually(() -> "STARTING".equals(stateOf(HANGING)), SOON), server.get("/api/v1/plugins").body());
        assertEquals(409, server.postBytes("/api/v1/plugins/" + HANGING + "/enable", new byte[0],
                "application/octet-stream").statusCode(), "a plugin that is not quarantined re-enabled");
    }

    @Test
    @Order(7)
    void uploadsWithAHiddenNameOrAHugeManifestAreRefusedWith400() {
        HttpResponse<String> hidden = server.postBytes("/api/v1/plugins", bundleJar(".hidden", 0),
                "application/java-archive");
        HttpResponse<String> huge = server.postBytes("/api/v1/plugins", bundleJar("test.huge-manifest", 256),
                "application/java-archive");

        assertEquals(400, hidden.statusCode(), hidden.body());
        assertTrue(hidden.body().contains("not a valid name: .hidden"), hidden.body());
        assertEquals(400, huge.statusCode(), huge.body());
        assertTrue(huge.body().contains("manifest is larger than"), huge.body());
        assertTrue(plugin(".hidden").isEmpty() && plugin("test.huge-manifest").isEmpty(),
                server.get("/api/v1/plugins").body());
        assertEquals(200, server.get("/api/v1/health", null).statusCode());
    }

    private String stateOf(String id) {
        return plugin(id).map(p -> p.path("state").asText()).orElse("");
    }

    private String errorOf(String id) {
        return plugin(id).map(p -> p.path("error").asText("")).orElse("");
    }

    private Optional<JsonNode> plugin(String id) {
        try {
            for (JsonNode plugin : json.readTree(server.get("/api/v1/plugins").body())) {
                if (id.equals(plugin.path("id").asText())) {
                    return Optional.of(plugin);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param symbolicName the bundle's symbolic name
     * @param paddingMebibytes how large a header to add, in MiB of 64-byte continuation lines (deflated to about a
     *     thousandth of that)
     * @return a bundle jar with that manifest
     */
    private static byte[] bundleJar(String symbolicName, int paddingMebibytes) {
        String headers = "Manifest-Version: 1.0\r\nBundle-ManifestVersion: 2\r\nBundle-SymbolicName: "
                + symbolicName + "\r\nX-Padding: x\r\n";
        byte[] continuation = (" " + "x".repeat(61) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            jar.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            jar.write(headers.getBytes(StandardCharsets.US_ASCII));
            for (long line = 0; line < paddingMebibytes * 1024L * 1024L / continuation.length; line++) {
                jar.write(continuation);
            }
            jar.write(new byte[] {'\r', '\n'});
            jar.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
