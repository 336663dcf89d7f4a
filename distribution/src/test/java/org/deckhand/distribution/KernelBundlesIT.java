package org.deckhand.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.deckhand.api.runtime.RuntimeProperties;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Boots the bundles the distribution ships, as the build resolved them, in a real Felix framework, with Pax Exam, and
 * talks to them over real HTTP on 127.0.0.1.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KernelBundlesIT {

    private static final String PASSWORD = "pax-exam-admin-password";

    @Inject
    private BundleContext context;

    @Inject
    private EventAdmin eventAdmin;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @return the shipped bundles that the build resolved (deckhand.bndrun) at their start levels, the kernel's
     *     framework properties, a free port, and the
     *     admin password handed over as the kernel hands it
     * @throws IOException if the temporary folders cannot be made
     */
    @Configuration
    public Option[] configuration() throws IOException {
        Path root = Files.createTempDirectory("deckhand-paxexam");
        Path plugins = Files.createDirectories(root.resolve("plugins"));
        Path music = Files.createDirectories(root.resolve("music"));
        Path handedOver = root.resolve("data").resolve(RuntimeProperties.INITIAL_ADMIN_PASSWORD_FILE);
        Files.createDirectories(handedOver.getParent());
        Files.writeString(handedOver, PASSWORD);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<Option> options = new ArrayList<>(List.of(
                cleanCaches(),
                junitBundles(),
                frameworkProperty("org.osgi.framework.startlevel.beginning").value("5"),
                frameworkProperty("org.osgi.service.http.port").value(Integer.toString(port)),
                frameworkProperty("org.apache.felix.http.host").value("127.0.0.1"),
                frameworkProperty("deckhand.version").value("test"),
                frameworkProperty("deckhand.home").value(ShippedBundles.distribution().toString()),
                frameworkProperty("deckhand.data").value(root.resolve("data").toString()),
                frameworkProperty("deckhand.music").value(music.toString()),
                frameworkProperty("deckhand.plugins").value(plugins.toString()),
                frameworkProperty("deckhand.config").value(root.resolve("config").toString()),
                systemProperty("deckhand.test.port").value(Integer.toString(port)),
                systemProperty("logback.configurationFile")
                        .value(ShippedBundles.distribution().resolve("config/logback.xml").toString())));
        for (ShippedBundles.ShippedBundle shipped : ShippedBundles.resolved()) {
            options.add(bundle(shipped.jar().toUri().toString()).startLevel(shipped.startLevel())
                    .start(!shipped.fragment()));
        }
        return options.toArray(Option[]::new);
    }

    @Test
    public void healthIs200WithEveryShippedBundleActive() throws Exception {
        HttpResponse<String> response = awaitHealthy();

        assertEquals(response.body(), 200, response.statusCode());
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().contains("/bundles/") && bundle.getHeaders().get("Fragment-Host") == null) {
                assertEquals(bundle.getSymbolicName() + " is not active", Bundle.ACTIVE, bundle.getState());
                assertTrue(bundle.getSymbolicName() + " is missing from " + response.body(),
                        response.body().contains("\"symbolicName\":\"" + bundle.getSymbolicName() + "\""));
            }
        }
        assertTrue(response.body(), response.body().contains("\"status\":\"UP\""));
    }

    @Test
    public void everyShippedBundleIsOneTheResolverFoundTheServerNeeds() {
        List<String> shipped = ShippedBundles.all().stream().map(ShippedBundles::symbolicName).sorted().toList();
        List<String> needed = ShippedBundles.resolved().stream().map(ShippedBundles::symbolicName).sorted().toList();

        assertEquals("the distribution ships bundles that nothing requires (deckhand.bndrun)", needed, shipped);
    }

    @Test
    public void aCoreComponentThatFailsMakesTheServerUnhealthyUntilItGoes() throws Exception {
        awaitHealthy();
        Path faulty = Path.of(System.getProperty("deckhand.plugin.faulty"));
        Bundle bundle = context.installBundle(faulty.toUri().toString());
        try {
            bundle.start();

            HttpResponse<String> unhealthy = get("/api/v1/health", null);

            assertEquals(unhealthy.body(), 503, unhealthy.statusCode());
            assertTrue(unhealthy.body(), unhealthy.body().contains(
                    "org.deckhand.plugin.faulty.FaultyAnalyser: failed to activate"));
        } finally {
            bundle.uninstall();
        }
        assertEquals(200, awaitHealthy().statusCode());
    }

    @Test
    public void systemNeedsCredentials() throws Exception {
        awaitHealthy();

        HttpResponse<String> anonymous = get("/api/v1/system", null);
        HttpResponse<String> wrong = get("/api/v1/system", basic("wrong-password"));
        HttpResponse<String> admin = get("/api/v1/system", basic(PASSWORD));

        assertEquals(401, anonymous.statusCode());
        assertEquals("application/problem+json", anonymous.headers().firstValue("Content-Type").orElse(""));
        assertTrue(anonymous.body(), anonymous.body().contains("\"status\":401"));
        assertEquals(401, wrong.statusCode());
        assertEquals(admin.body(), 200, admin.statusCode());
        assertTrue(admin.body(), admin.body().contains("\"version\":\"test\""));
        assertTrue(admin.body(), admin.body().contains("\"symbolicName\":\"org.deckhand.rest\""));
    }

    /** @return the event stream, opened as the admin, past its first comment line */
    private BufferedReader openEventStream() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/events"))
                .header("Authorization", basic(PASSWORD)).header("Accept", "text/event-stream").build();
        HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        BufferedReader stream = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        assertEquals(": Deckhand events", stream.readLine());
        return stream;
    }

    @Test
    public void anEventPostedByABundleArrivesOnTheEventStream() throws Exception {
        awaitHealthy();
        try (BufferedReader stream = openEventStream()) {

            eventAdmin.postEvent(new Event("org/deckhand/test/PING", Map.of("marker", "pax-exam-42", "count", 3)));
            CompletableFuture<List<String>> received = CompletableFuture.supplyAsync(() -> readEvent(stream));
            List<String> event = received.get(10, TimeUnit.SECONDS);

            assertTrue(event.toString(), event.contains("event: org/deckhand/test/PING"));
            String data = event.stream().filter(l -> l.startsWith("data:")).findFirst().orElse("");
            assertTrue(data, data.contains("\"topic\":\"org/deckhand/test/PING\""));
            assertTrue(data, data.contains("\"marker\":\"pax-exam-42\""));
            assertTrue(data, data.contains("\"count\":3"));
        }
    }

    @Test
    public void anApiKeyCreatedOverRestArrivesOnTheEventStreamByNameWithoutItsToken() throws Exception {
        awaitHealthy();
        try (BufferedReader stream = openEventStream()) {

            HttpResponse<String> created = awaitPost("/api/v1/keys", "{\"name\": \"pax-exam key\"}", 201);
            assertEquals(created.body(), 201, created.statusCode());
            String token = created.body().replaceAll("(?s).*\"token\":\"([^\"]+)\".*", "$1");
            String id = created.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
            CompletableFuture<String> told = CompletableFuture.supplyAsync(() -> {
                while (true) {
                    List<String> event = readEvent(stream);
                    if (event.isEmpty() || event.contains("event: org/deckhand/security/apikey/CREATED")) {
                        return event.stream().filter(l -> l.startsWith("data:")).findFirst().orElse("");
                    }
                }
            });
            String data = told.get(10, TimeUnit.SECONDS);

            assertTrue(data, data.contains("\"apikey.name\":\"pax-exam key\""));
            assertTrue(data, data.contains("\"apikey.id\":\"" + id + "\""));
            assertTrue(data, !data.contains(token.substring(token.lastIndexOf('_') + 1)));
        }
    }

    @Test
    public void aPastedTracklistIsImportedAndTheFetcherGivesItsFigures() throws Exception {
        awaitHealthy();
        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(uri("/api/v1/tracklists"))
                .header("Authorization", basic(PASSWORD)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"Pax Exam set\", \"text\": \"01. [0:00] "
                        + "Bicep - Glue\\n02. [4:10] Reece Cox - Emotion 1 [KUL\u00d8R]\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(imported.body(), 201, imported.statusCode());
        assertTrue(imported.body(), imported.body().contains("\"cue\":\"4:10\""));
        assertTrue(imported.body(), imported.body().contains("\"label\":\"KUL\u00d8R\""));
        assertTrue(imported.body(), imported.body().contains("\"state\":\"MISSING\""));

        HttpResponse<String> fetcher = get("/api/v1/tracklists/fetcher", basic(PASSWORD));
        assertEquals(fetcher.body(), 200, fetcher.statusCode());
        assertTrue(fetcher.body(), fetcher.body().contains("\"cacheEntries\":") && fetcher.body().contains(
                "\"cacheHitRate\":"));
        HttpResponse<String> openApi = get("/api/v1/openapi.json", basic(PASSWORD));
        assertTrue(openApi.body().contains("/tracklists/{id}/entries/{position}/match"));
        assertTrue(openApi.body().contains("/tracks/{id}/tracklist"));
    }

    @Test
    public void anAddressIsImportedFromAStandInSiteOnceAndThenFromTheCache() throws Exception {
        awaitHealthy();
        Path fixture = null;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null && fixture == null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/fixtures/tracklists/1001tracklists/curbi-tape-06-2021-03-12.html");
            fixture = Files.isRegularFile(candidate) ? candidate : null;
        }
        assertTrue("shared/fixtures is beside the repository", fixture != null);
        byte[] page = Files.readAllBytes(fixture);
        String path = "/tracklist/nsgpmht/curbi-tape-06-2021-03-12.html";
        List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer site = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        site.createContext("/", exchange -> {
            received.add(exchange.getRequestURI().getPath());
            boolean robots = exchange.getRequestURI().getPath().equals("/robots.txt");
            byte[] body = robots ? "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.UTF_8) : page;
            exchange.getResponseHeaders().set("Content-Type", robots ? "text/plain" : "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        site.start();
        org.osgi.framework.ServiceReference<org.osgi.service.cm.ConfigurationAdmin> admin =
                context.getServiceReference(org.osgi.service.cm.ConfigurationAdmin.class);
        String base = "http://127.0.0.1:" + site.getAddress().getPort();
        try {
            org.osgi.service.cm.ConfigurationAdmin configurations = context.getService(admin);
            configurations.getConfiguration("org.deckhand.tracklists", "?").update(
                    new java.util.Hashtable<>(Map.of("minimumGapSeconds", 0.2)));
            configurations.getConfiguration("org.deckhand.tracklists.1001tracklists", "?").update(
                    new java.util.Hashtable<>(Map.of("baseUrl", base)));
            String body = "{\"address\": \"" + base + path + "\"}";
            HttpResponse<String> first = awaitImport(body);
            assertEquals(first.body(), 201, first.statusCode());
            assertTrue(first.body(), first.body().contains("\"title\":\"Curbi @ Tape 06 2021-03-12\""));
            assertTrue(first.body(), first.body().contains("\"cue\":\"2:24\""));
            HttpResponse<String> second = awaitImport(body);
            assertEquals(second.body(), 201, second.statusCode());
            assertEquals(List.of("/robots.txt", path), received);
            HttpResponse<String> fetcher = get("/api/v1/tracklists/fetcher", basic(PASSWORD));
            assertTrue(fetcher.body(), fetcher.body().contains("\"cacheEntries\":1"));
            assertTrue(fetcher.body(), fetcher.body().contains("\"cacheHits\":1"));
        } finally {
            context.ungetService(admin);
            site.stop(0);
        }
    }

    @Test
    public void aWebhookChannelSetUpOverRestGetsASignedTestAndADigestOfLibraryEvents() throws Exception {
        awaitHealthy();
        List<String[]> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new String[] {new String(body, StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("X-Hub-Signature-256"), hmacSha256("pax-secret", body)});
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        org.osgi.framework.ServiceReference<org.osgi.service.cm.ConfigurationAdmin> admin =
                context.getServiceReference(org.osgi.service.cm.ConfigurationAdmin.class);
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/pax-secret-path";
        try {
            context.getService(admin).getConfiguration("org.deckhand.notifier", "?").update(
                    new java.util.Hashtable<>(Map.of("digestWindowSeconds", 1)));
            long restarted = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (context.getServiceReferences("org.deckhand.api.notify.Notifier", "(digestWindowSeconds=1)") == null
                    && System.nanoTime() < restarted) {
                Thread.sleep(100);
            }
            HttpResponse<String> created = awaitPost("/api/v1/notifications/channels", "{\"type\": \"webhook\", "
                    + "\"name\": \"Pax\", \"settings\": {\"url\": \"" + hook + "\", \"secret\": \"pax-secret\"}}", 201);
            assertEquals(created.body(), 201, created.statusCode());
            assertTrue(created.body(), created.body().contains("\"secrets\":{") && !created.body().contains(hook));
            String id = created.body().replaceAll("(?s).*?\"id\":(\\d+).*", "$1");

            HttpResponse<String> test = awaitPost("/api/v1/notifications/channels/" + id + "/test", "", 200);
            assertEquals(test.body(), 200, test.statusCode());
            assertTrue(test.body(), test.body().contains("\"result\":\"delivered\""));
            String[] testMessage = awaitDocument(received, "\"title\":\"Deckhand test message\"");
            assertEquals("sha256=" + testMessage[2], testMessage[1]);

            for (int i = 0; i < 3; i++) {
                eventAdmin.postEvent(new Event("org/deckhand/library/file/ADDED", Map.of("track.id", 100L + i,
                        "path", "/music/pax " + i + ".flac")));
            }
            String[] digest = awaitDocument(received, "\"title\":\"3 tracks added: 3 FLAC\"");
            assertEquals("sha256=" + digest[2], digest[1]);

            HttpResponse<String> history = get("/api/v1/notifications/history?channel=" + id, basic(PASSWORD));
            assertEquals(history.body(), 200, history.statusCode());
            assertTrue(history.body(), history.body().contains("\"state\":\"DELIVERED\""));
            HttpResponse<String> email = awaitPost("/api/v1/notifications/channels", "{\"type\": \"email\", "
                    + "\"settings\": {\"host\": \"127.0.0.1\", \"port\": \"1\", \"from\": \"a@example.org\", "
                    + "\"to\": \"b@example.org\"}}", 201);
            String emailId = email.body().replaceAll("(?s).*?\"id\":(\\d+).*", "$1");
            HttpResponse<String> unreachable = awaitPost("/api/v1/notifications/channels/" + emailId + "/test", "", 502);
            assertEquals(unreachable.body(), 502, unreachable.statusCode());
            assertTrue("Jakarta Mail finds its SMTP provider inside the bundle: " + unreachable.body(),
                    unreachable.body().contains("cannot talk to smtp://127.0.0.1:1"));
            HttpResponse<String> openApi = get("/api/v1/openapi.json", basic(PASSWORD));
            assertTrue(openApi.body().contains("/notifications/channels/{id}/test"));
        } finally {
            context.ungetService(admin);
            receiver.stop(0);
        }
    }

    /** Waits for the document that holds a text among those a receiver got (other tests' digests may come too). */
    private static String[] awaitDocument(List<String[]> received, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            for (String[] document : received) {
                if (document[0].contains(text)) {
                    return document;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No document with " + text + " among " + received.size() + " received");
    }

    /** Posts, again while the components restart on their new configuration (503 or 404 meanwhile). */
    private HttpResponse<String> awaitPost(String path, String body, int wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path))
                    .header("Authorization", basic(PASSWORD)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == wanted || System.nanoTime() > deadline) {
                return response;
            }
            Thread.sleep(200);
        }
    }

    private static String hmacSha256(String key, byte[] body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Imports, again while the components restart on their new configuration (503 or 404 meanwhile). */
    private HttpResponse<String> awaitImport(String body) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/tracklists"))
                    .header("Authorization", basic(PASSWORD)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201 || System.nanoTime() > deadline) {
                return response;
            }
            Thread.sleep(200);
        }
    }

    private static List<String> readEvent(BufferedReader stream) {
        List<String> lines = new ArrayList<>();
        try {
            String line;
            while ((line = stream.readLine()) != null) {
                if (line.isEmpty() && lines.stream().anyMatch(l -> l.startsWith("event:"))) {
                    return lines;
                }
                if (!line.isEmpty() && !line.startsWith(":")) {
                    lines.add(line);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private HttpResponse<String> awaitHealthy() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        HttpResponse<String> response = null;
        while (System.nanoTime() < deadline) {
            try {
                response = get("/api/v1/health", null);
                if (response.statusCode() == 200) {
                    return response;
                }
            } catch (IOException notYetListening) {
                response = null;
            }
            Thread.sleep(100);
        }
        return response == null ? get("/api/v1/health", null) : response;
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + System.getProperty("deckhand.test.port") + path);
    }

    private static String basic(String password) {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    }
}
