package org.deckhand.distribution;

import static org.deckhand.distribution.DeckhandProcess.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
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
 * The packaged distribution, started as a user starts it: plugins dropped into its folder and uploaded over the API,
 * broken plugins, credentials, a second instance on the same port, and SIGTERM.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributionIT {

    private static final Duration HOT_LOAD = Duration.ofSeconds(5);
    private static final String EXAMPLE = "org.deckhand.plugin.example";
    private static final String FAULTY = "org.deckhand.plugin.faulty";
    private static final String ANALYSER = "org.deckhand.api.analysis.Analyser";

    private final ObjectMapper json = new ObjectMapper();
    private final Path exampleJar = Path.of(System.getProperty("deckhand.plugin.example"));
    private final Path faultyJar = Path.of(System.getProperty("deckhand.plugin.faulty"));

    @TempDir
    static Path root;

    private DeckhandProcess server;
    private String readyLine;

    @BeforeAll
    void start() throws IOException {
        server = DeckhandProcess.start(root.resolve("deckhand"));
        readyLine = server.awaitLine(l -> l.contains(" ready at "), Duration.ofSeconds(90))
                .orElseThrow(() -> new AssertionError("no ready line; the server printed:\n" + server.output()));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    @Order(1)
    void theReadyLineGivesTheUrlWhichServesTheFrontPage() {
        assertTrue(readyLine.matches("Deckhand \\S+ ready at http://[^ ]+:" + server.port() + "/ .*"), readyLine);
        HttpResponse<String> front = server.get("/", null);

        assertEquals(200, front.statusCode());
        assertTrue(front.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(front.body().contains("<title>Deckhand</title>"), front.body());
        assertEquals(404, server.get("/no-such-picture.png", null).statusCode());
        assertEquals(200, server.get("/library", null).statusCode(), "a page of the console, bookmarked");
        assertEquals(200, server.get("/api/v1/health", null).statusCode());
    }

    @Test
    @Order(2)
    void everyEndpointButHealthNeedsCredentials() {
        HttpResponse<String> anonymous = server.get("/api/v1/plugins", null);
        HttpResponse<String> wrong = server.get("/api/v1/plugins", DeckhandProcess.basic("not-the-password"));
        HttpResponse<String> openApi = server.get("/api/v1/openapi.json", null);

        assertEquals(401, anonymous.statusCode());
        assertEquals("application/problem+json", anonymous.headers().firstValue("Content-Type").orElse(""));
        assertTrue(anonymous.headers().allValues("WWW-Authenticate").stream().anyMatch(v -> v.startsWith("Basic")));
        assertEquals(401, wrong.statusCode());
        assertEquals(401, openApi.statusCode());
        assertEquals(200, server.get("/api/v1/plugins").statusCode());
    }

    @Test
    @Order(3)
    void anApiKeyWorksUntilItIsRevoked() throws IOException {
        HttpResponse<String> created = server.postJson("/api/v1/keys", "{\"name\": \"mpd in the kitchen\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode key = json.readTree(created.body());
        String bearer = "Bearer " + key.get("token").asText();

        assertEquals(200, server.get("/api/v1/system", bearer).statusCode());
        String listed = server.get("/api/v1/keys").body();
        assertTrue(listed.contains("mpd in the kitchen"), listed);
        assertFalse(listed.contains(key.get("token").asText()), "the list must not show the token: " + listed);

        assertEquals(204, server.delete("/api/v1/keys/" + key.get("id").asText()).statusCode());
        assertEquals(401, server.get("/api/v1/system", bearer).statusCode());
    }

    @Test
    @Order(4)
    void aBrowserSignsInOnceAndCarriesASessionCookieUntilItSignsOut() {
        HttpResponse<String> signIn = server.sendWithHeaders("POST", "/api/v1/session", "Authorization",
                DeckhandProcess.basic(DeckhandProcess.PASSWORD));
        assertEquals(204, signIn.statusCode(), signIn.body());
        String setCookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        assertEquals(200, server.sendWithHeaders("GET", "/api/v1/system", "Cookie", cookie).statusCode());
        assertTrue(server.sendWithHeaders("GET", "/api/v1/session", "Cookie", cookie).body()
                .contains("\"method\":\"password\""));
        HttpResponse<String> forged = server.sendWithHeaders("POST", "/api/v1/library/scan", "Cookie", cookie);
        assertEquals(403, forged.statusCode(), "a cookie alone must not change anything: " + forged.body());
        assertEquals(202, server.sendWithHeaders("POST", "/api/v1/library/scan", "Cookie", cookie,
                "X-Requested-With", "deckhand").statusCode());

        HttpResponse<String> signOut = server.sendWithHeaders("DELETE", "/api/v1/session", "Cookie", cookie,
                "X-Requested-With", "deckhand");
        assertEquals(204, signOut.statusCode());
        assertTrue(signOut.headers().firstValue("Set-Cookie").orElseThrow().contains("Max-Age=0"));
        assertEquals(401, server.sendWithHeaders("GET", "/api/v1/system", "Cookie", cookie).statusCode());
        assertEquals(401, server.sendWithHeaders("POST", "/api/v1/session", "Authorization",
                DeckhandProcess.basic("wrong")).statusCode());
    }

    @Test
    @Order(5)
    void settingsDescribedByMetatypeAreChangedIntoTheirConfigFileAndApplied() throws IOException {
        JsonNode watcher = setting("org.deckhand.watcher");
        assertEquals(15, field(watcher, "rescanIntervalMinutes").path("value").asInt(), watcher.toString());
        assertEquals("INTEGER", field(watcher, "rescanIntervalMinutes").path("type").asText());
        assertTrue(field(setting("org.deckhand.writeback"), "keyNotation").path("options").size() == 3);

        HttpResponse<String> changed = server.putJson("/api/v1/settings/org.deckhand.watcher",
                "{\"rescanIntervalMinutes\": 30}");

        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals(30, field(json.readTree(changed.body()), "rescanIntervalMinutes").path("value").asInt());
        assertEquals(30, field(setting("org.deckhand.watcher"), "rescanIntervalMinutes").path("value").asInt(),
                "Configuration Admin holds the new value at once");
        Path watcherFile = server.home().resolve("config/org.deckhand.watcher.cfg");
        assertTrue(eventually(() -> read(watcherFile).contains("rescanIntervalMinutes = 30"), Duration.ofSeconds(10)),
                "FileInstall writes the setting back into its file: " + read(watcherFile));
        assertTrue(read(watcherFile).contains("# Minutes between full rescans"), "the file's comments stay");

        HttpResponse<String> firstOfItsPid = server.putJson("/api/v1/settings/org.deckhand.tracklists.mixesdb",
                "{\"baseUrl\": \"http://127.0.0.1:9/mixesdb\"}");
        assertEquals(200, firstOfItsPid.statusCode(), firstOfItsPid.body());
        Path mixesDbFile = server.home().resolve("config/org.deckhand.tracklists.mixesdb.cfg");
        assertTrue(read(mixesDbFile).contains("baseUrl = http://127.0.0.1:9/mixesdb"), read(mixesDbFile));
        assertEquals("http://127.0.0.1:9/mixesdb", field(setting("org.deckhand.tracklists.mixesdb"), "baseUrl")
                .path("value").asText(), "a PID that had no file is given one, and its value is applied");

        HttpResponse<String> wrong = server.putJson("/api/v1/settings/org.deckhand.watcher",
                "{\"rescanIntervalMinutes\": \"soon\"}");
        assertEquals(400, wrong.statusCode());
        assertTrue(wrong.body().contains("Rescan interval (minutes) must be a whole number, not soon"), wrong.body());
        assertEquals(404, server.putJson("/api/v1/settings/org.example.nothing", "{\"a\": 1}").statusCode());

        Path more = Files.createDirectories(root.resolve("more-music")).toAbsolutePath();
        assertEquals(200, server.putJson("/api/v1/settings/org.deckhand.watcher",
                "{\"musicFolders\": \"" + more + "\"}").statusCode());
        assertTrue(eventually(() -> {
            try {
                return json.readTree(server.get("/api/v1/system").body()).path("folders").path("music").toString()
                        .contains(more.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, Duration.ofSeconds(15)), "GET /system lists the music folder set in the watcher's settings");
    }

    @Test
    @Order(6)
    void recentLogLinesAreListedByLevelAndBundleAndTheDataFolderIsMeasured() throws IOException {
        JsonNode lines = json.readTree(server.get("/api/v1/logs?level=INFO&bundle=org.deckhand.watcher").body());
        assertTrue(lines.size() > 0, "the watcher logs its scans");
        lines.forEach(line -> assertEquals("org.deckhand.watcher", line.path("bundle").asText(), line.toString()));
        assertTrue(json.readTree(server.get("/api/v1/logs/bundles").body()).toString()
                .contains("org.deckhand.watcher"));
        assertEquals(400, server.get("/api/v1/logs?level=LOUD").statusCode());

        JsonNode disk = json.readTree(server.get("/api/v1/system").body()).path("disk");
        assertTrue(disk.path("dataBytes").asLong() > 0 && disk.path("freeBytes").asLong() > 0, disk.toString());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode setting(String pid) {
        try {
            for (JsonNode setting : json.readTree(server.get("/api/v1/settings").body())) {
                if (setting.path("pid").asText().equals(pid)) {
                    return setting;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no settings for " + pid);
    }

    private static JsonNode field(JsonNode setting, String id) {
        for (JsonNode field : setting.path("fields")) {
            if (field.path("id").asText().equals(id)) {
                return field;
            }
        }
        throw new AssertionError("no field " + id + " in " + setting);
    }

    @Test
    @Order(7)
    void theOpenApiDocumentCoversEveryResource() throws IOException {
        JsonNode paths = json.readTree(server.get("/api/v1/openapi.json").body()).get("paths");

        for (String path : new String[] {"/health", "/system", "/plugins", "/plugins/{id}", "/events", "/keys",
                "/keys/{id}", "/openapi.json"}) {
            assertTrue(paths.has(path), path + " is missing from " + paths.fieldNames());
        }
        List<String> documented = new ArrayList<>();
        paths.fieldNames().forEachRemaining(documented::add);
        for (String resource : List.of("analysis", "crates", "events", "library", "logs", "mixes", "notifications",
                "renamer", "session", "settings", "subsonic/player", "tracklists", "tracks", "writeback")) {
            assertTrue(documented.stream().anyMatch(path -> path.equals("/" + resource)
                    || path.startsWith("/" + resource + "/")), resource + " is missing from " + documented);
        }
        assertTrue(paths.path("/mixes/{id}/plan/move").has("post"), "moving a planned track is documented");
        JsonNode document = json.readTree(server.get("/api/v1/openapi.json").body());
        JsonNode schemas = document.path("components").path("schemas");
        JsonNode history = paths.path("/notifications/history").path("get").path("responses").path("200")
                .path("content").path("application/json").path("schema");
        String historyRef = history.path("items").path("$ref").asText();
        JsonNode delivery = schemas.path(historyRef.replace("#/components/schemas/", "")).path("properties");
        List<String> states = new ArrayList<>();
        delivery.path("state").path("enum").forEach(state -> states.add(state.asText()));
        assertEquals(List.of("PENDING", "DELIVERED", "FAILED", "REJECTED", "DROPPED"), states,
                "the history's delivery states are documented: " + history + " " + delivery);
        String channelRef = paths.path("/notifications/channels/{id}").path("get").path("responses").path("200")
                .path("content").path("application/json").path("schema").path("$ref").asText();
        JsonNode channel = schemas.path(channelRef.replace("#/components/schemas/", "")).path("properties");
        assertEquals("integer", channel.path("dropped").path("type").asText(),
                "a channel's dropped count is documented: " + channel);
        assertTrue(paths.get("/plugins").has("post"));
        assertTrue(paths.get("/plugins/{id}").has("delete"));
        assertEquals(0, paths.get("/health").get("get").get("security").size(), "health needs no credentials");
    }

    @Test
    @Order(8)
    void aPluginCopiedIntoTheFolderIsLoadedAndUnloaded() throws IOException {
        Path dropped = server.home().resolve("plugins").resolve(exampleJar.getFileName());
        Files.copy(exampleJar, dropped);

        assertTrue(eventually(() -> isActiveWithAnalyser(EXAMPLE), HOT_LOAD),
                "not active with its analyser within 5 s: " + server.get("/api/v1/plugins").body());

        Files.delete(dropped);

        assertTrue(eventually(() -> plugin(EXAMPLE).isEmpty(), HOT_LOAD),
                "still listed 5 s after its jar was deleted: " + server.get("/api/v1/plugins").body());
    }

    @Test
    @Order(9)
    void aPluginUploadedThroughTheApiIsLoadedAndRemoved() throws IOException {
        HttpResponse<String> upload = server.postBytes("/api/v1/plugins", Files.readAllBytes(exampleJar),
                "application/java-archive");
        assertEquals(201, upload.statusCode(), upload.body());
        assertTrue(upload.headers().firstValue("Location").orElse("").endsWith("/api/v1/plugins/" + EXAMPLE));

        assertTrue(eventually(() -> isActiveWithAnalyser(EXAMPLE), HOT_LOAD),
                "not active with its analyser within 5 s: " + server.get("/api/v1/plugins").body());

        assertEquals(204, server.delete("/api/v1/plugins/" + EXAMPLE).statusCode());

        assertTrue(eventually(() -> plugin(EXAMPLE).isEmpty(), HOT_LOAD),
                "still listed 5 s after DELETE: " + server.get("/api/v1/plugins").body());
        try (Stream<Path> kept = Files.list(server.home().resolve("data/removed-plugins"))) {
            assertTrue(kept.anyMatch(p -> p.getFileName().toString().startsWith(EXAMPLE)),
                    "the removed jar is not kept in data/removed-plugins");
        }
        assertEquals(404, server.delete("/api/v1/plugins/" + EXAMPLE).statusCode());
    }

    @Test
    @Order(10)
    void brokenPluginsShowClearErrorsWhileTheServerStaysHealthy() throws IOException {
        Path plainJar = server.home().resolve("plugins/plain-library.jar");
        Files.write(plainJar, jarWithoutBundleHeaders());
        Path faulty = server.home().resolve("plugins").resolve(faultyJar.getFileName());
        Files.copy(faultyJar, faulty);
        Path unresolvable = server.home().resolve("plugins/unresolvable.jar");
        Files.write(unresolvable, bundleImporting("test.unresolvable", "com.example.nowhere"));

        assertTrue(eventually(() -> errorOf("plain-library.jar").contains("not an OSGi bundle")
                && errorOf(FAULTY).contains("faulty-analyser refuses to activate")
                && errorOf("test.unresolvable").contains("com.example.nowhere"), HOT_LOAD),
                "no clear errors within 5 s: " + server.get("/api/v1/plugins").body());
        assertEquals(200, server.get("/api/v1/health", null).statusCode());
        assertEquals(200, server.get("/api/v1/system").statusCode());

        Files.delete(plainJar);
        Files.delete(faulty);
        Files.delete(unresolvable);
        assertTrue(eventually(() -> plugin(FAULTY).isEmpty() && plugin("plain-library.jar").isEmpty()
                && plugin("test.unresolvable").isEmpty(), HOT_LOAD));
    }

    @Test
    @Order(11)
    void uploadsThatAreNotBundlesAreRefused() {
        HttpResponse<String> text = server.postBytes("/api/v1/plugins",
                "not a jar at all".getBytes(StandardCharsets.UTF_8), "application/octet-stream");
        HttpResponse<String> plain = server.postBytes("/api/v1/plugins", jarWithoutBundleHeaders(),
                "application/java-archive");

        assertEquals(400, text.statusCode());
        assertTrue(text.body().contains("not a jar"), text.body());
        assertEquals(400, plain.statusCode());
        assertTrue(plain.body().contains("not an OSGi bundle"), plain.body());
        assertEquals("[]", server.get("/api/v1/plugins").body().strip(), "a refused upload left something behind");
    }

    @Test
    @Order(12)
    void uploadsOverTheConfiguredLimitAreRefused() throws IOException {
        Path config = server.home().resolve("config/org.deckhand.plugins.cfg");
        String original = Files.readString(config);
        Files.writeString(config, "maxUploadMebibytes = 1\n");
        byte[] twoMebibytes = new byte[2 * 1024 * 1024];
        try {
            assertTrue(eventually(() -> server.postBytes("/api/v1/plugins", twoMebibytes,
                    "application/java-archive").statusCode() == 413, HOT_LOAD),
                    "a 2 MiB upload is still accepted 5 s after the limit became 1 MiB");
        } finally {
            Files.writeString(config, original);
        }
    }

    @Test
    @Order(13)
    void aSecondInstanceOnTheSamePortExitsWithAClearMessage() throws Exception {
        try (DeckhandProcess second = DeckhandProcess.startIn(server.home(), server.port())) {
            assertTrue(second.process().waitFor(30, TimeUnit.SECONDS), "the second instance did not exit");
            assertNotEquals(0, second.process().exitValue());
            assertTrue(second.awaitLine(l -> l.contains("cannot start: port " + server.port()),
                    Duration.ofSeconds(5)).isPresent(), second.output());
        }
        assertEquals(200, server.get("/api/v1/health", null).statusCode(), "the first instance suffered");
    }

    /**
     * A setting saved makes its bundle's component restart, and the API is rebuilt without its resource and with it
     * again, and the API it replaces is retired 5 s later; requests sent all the while by two clients, each one
     * after the other, must all be answered as usual.
     */
    @Test
    @Order(14)
    void everyRequestIsAnsweredWhileTheApiIsRebuilt() throws InterruptedException {
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicInteger answered = new AtomicInteger();
        AtomicBoolean saving = new AtomicBoolean(true);
        Runnable client = () -> {
            while (saving.get()) {
                try {
                    HttpResponse<String> response = server.get("/api/v1/openapi.json");
                    if (response.statusCode() != 200 || !response.body().contains("\"paths\"")) {
                        failures.add(response.statusCode() + " " + response.body());
                    }
                } catch (RuntimeException e) {
                    failures.add(e.toString());
                }
                answered.incrementAndGet();
            }
        };
        List<Thread> clients = List.of(new Thread(client), new Thread(client));
        clients.forEach(Thread::start);
        try {
            for (int minutes : new int[] {20, 25, 30, 35, 40, 45}) {
                assertEquals(200, server.putJson("/api/v1/settings/org.deckhand.watcher",
                        "{\"rescanIntervalMinutes\": " + minutes + "}").statusCode());
                Thread.sleep(2500);
            }
            Thread.sleep(6000);
        } finally {
            saving.set(false);
            for (Thread thread : clients) {
                thread.join();
            }
        }

        assertTrue(answered.get() > 100, "only " + answered.get() + " requests");
        assertEquals(List.of(), failures, "of " + answered.get() + " requests");
    }

    @Test
    @Order(15)
    void sigtermStopsTheServerWithExitStatusZero() throws InterruptedException {
        server.process().destroy();

        assertTrue(server.process().waitFor(10, TimeUnit.SECONDS), "still running 10 s after SIGTERM");
        assertEquals(0, server.process().exitValue(), server.output());
        assertTrue(server.awaitLine(l -> l.equals("Deckhand stopped"), Duration.ofSeconds(1)).isPresent(),
                server.output());
    }

    private boolean isActiveWithAnalyser(String id) {
        return plugin(id).map(p -> "ACTIVE".equals(p.path("state").asText())
                && p.path("services").toString().contains(ANALYSER)
                && !p.has("error")).orElse(false);
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

    private static byte[] jarWithoutBundleHeaders() {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        return jar(manifest);
    }

    private static byte[] bundleImporting(String symbolicName, String missingPackage) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Import-Package", missingPackage);
        return jar(manifest);
    }

    private static byte[] jar(Manifest manifest) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new ZipEntry("com/example/Library.txt"));
            jar.write("a plain library, not a bundle".getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
