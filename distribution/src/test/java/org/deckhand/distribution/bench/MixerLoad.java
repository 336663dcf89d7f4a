package org.deckhand.distribution.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The mixer's figures on a running Deckhand server, measured as LAN players and a user see them:
 * <ol>
 * <li>time to the first audio byte of a new mix: from sending {@code POST /api/v1/mixes} to the first byte of its
 * MP3 stream's body, over MIXES mixes seeded with tracks spread over the library (p50 and max);</li>
 * <li>listeners held from one shared render at 192 kbit/s: listeners join the mix with the longest plan, 10 at a
 * time every 5 s, each on its own connection and thread, until a stream breaks, the server's process uses 90 % of
 * the machine's cores (from {@code /proc/PID/stat}), or MAX_LISTENERS listen; the count before the first underrun
 * (a listener more than 1 s, a player's network cache, behind the stream's real-time rate counted from its first
 * byte), and the server's CPU per listener: its CPU with every listener of the ramp less its CPU with none, the
 * mix playing on, each over 10 s;</li>
 * <li>render speed including MP3 encoding: {@code POST /api/v1/mixes/{id}/render} of that whole mix to MP3, twice,
 * its audio seconds (ffprobe) over the CPU seconds the server's process used meanwhile, less what it used at rest
 * (measured just before, with the mix playing to nobody): times real time per core.</li>
 * </ol>
 *
 * <p>Run it from source with Jackson on the class path:
 * {@code java -cp JACKSON_JARS MixerLoad.java URL PASSWORD PID MIXES MAX_LISTENERS}, URL being the server's root
 * such as {@code http://127.0.0.1:8750}, PASSWORD the admin password and PID the server's process id;
 * {@code distribution/bench/mixer-bench.sh} does. It prints one line per figure, starting with the figure's name,
 * and the render's file on a line {@code render file: PATH}. Exits with status 1 when a request failed.
 */
public final class MixerLoad {

    private static final int BYTES_PER_SECOND = 192_000 / 8;
    private static final double PLAYER_BUFFER_SECONDS = 1.0;
    private static final int STEP = 10;
    private static final Duration STEP_TIME = Duration.ofSeconds(5);
    private static final Duration AT_REST = Duration.ofSeconds(5);
    /** How long the server's CPU is measured with every listener of the ramp, then with none (the mix playing on). */
    private static final Duration HOLD = Duration.ofSeconds(10);
    private static final double SATURATED_SHARE = 0.9;
    private static final String OPTIONS = "{\"bpmWindowPercent\": 12, \"length\": 30}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String root;
    private final String authorization;
    private final ProcessHandle server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private MixerLoad(String root, String password, long pid) {
        this.root = root;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        this.server = ProcessHandle.of(pid).orElseThrow(() -> new IllegalArgumentException("no process " + pid));
    }

    /**
     * @param arguments the server's root URL, the admin password, the server's process id, how many mixes to time
     *     and the most listeners to try
     * @throws Exception if a request fails or the bench is interrupted
     */
    public static void main(String[] arguments) throws Exception {
        if (arguments.length != 5) {
            System.err.println("usage: java -cp JACKSON_JARS MixerLoad.java URL PASSWORD PID MIXES MAX_LISTENERS");
            System.exit(2);
        }
        MixerLoad bench = new MixerLoad(arguments[0], arguments[1], Long.parseLong(arguments[2]));
        JsonNode mix = bench.firstBytes(Integer.parseInt(arguments[3]));
        bench.listeners(mix, Integer.parseInt(arguments[4]));
        bench.render(mix, "first");
        bench.render(mix, "again");
    }

    /** Times the first byte of new mixes, one at a time; keeps the one with the longest plan, deletes the others. */
    private JsonNode firstBytes(int mixes) throws IOException {
        List<String> trackIds = new ArrayList<>();
        api("GET", "/api/v1/tracks?limit=500", null).path("tracks").forEach(t -> trackIds.add(t.path("id").asText()));
        JsonNode longest = null;
        double[] millis = new double[mixes];
        for (int i = 0; i < mixes; i++) {
            String seed = trackIds.get(i * trackIds.size() / mixes);
            long sent = System.nanoTime();
            JsonNode mix = api("POST", "/api/v1/mixes", "{\"seed\": {\"trackId\": \"" + seed + "\"}, \"options\": "
                    + OPTIONS + "}");
            HttpURLConnection stream = open(mix);
            try (InputStream body = stream.getInputStream()) {
                if (body.read() < 0) {
                    throw new IOException("the stream of mix " + mix.path("id").asText() + " is empty");
                }
                millis[i] = (System.nanoTime() - sent) / 1e6;
            } finally {
                stream.disconnect();
            }
            boolean longer = longest == null || mix.path("plan").size() > longest.path("plan").size();
            JsonNode shorter = longer ? longest : mix;
            if (shorter != null) {
                api("DELETE", "/api/v1/mixes/" + shorter.path("id").asText(), null);
            }
            longest = longer ? mix : longest;
        }
        String inOrder = Arrays.toString(Arrays.stream(millis).map(Math::round).toArray());
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "time to first audio byte, POST to first byte of the MP3 stream, %d mixes: "
                + "p50 %.0f ms, max %.0f ms (in order: %s)%n", mixes, millis[(mixes - 1) / 2], millis[mixes - 1],
                inOrder);
        return longest;
    }

    /**
     * Ramps listeners up on one mix, STEP at a time, until a stream fails, the server saturates the machine's cores
     * or {@code most} listen; underruns do not stop the ramp, so that the CPU per listener is measured on a busy
     * machine too.
     */
    private void listeners(JsonNode mix, int most) throws InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        double restPercent = cpuPercentOver(AT_REST);
        System.out.printf(Locale.ROOT, "  the mix (%d tracks planned) playing to nobody: server CPU %.1f %%%n",
                mix.path("plan").size(), restPercent);
        List<Listener> listeners = new ArrayList<>();
        int held = -1;
        double heldPercent = restPercent;
        String stop = "the most listeners tried";
        try {
            while (listeners.size() < most) {
                for (int i = 0; i < STEP; i++) {
                    Listener listener = new Listener(streamUri(mix));
                    listeners.add(listener);
                    listener.start();
                }
                double percent = cpuPercentOver(STEP_TIME);
                long underran = listeners.stream().filter(l -> l.worstLagSeconds() > PLAYER_BUFFER_SECONDS).count();
                String failure = listeners.stream().map(Listener::failure).filter(f -> f != null).findFirst()
                        .orElse(null);
                System.out.printf(Locale.ROOT, "  %4d listeners: server CPU %5.1f %% (%d cores = %d %%), %d underran "
                        + "(worst lag %.2f s), machine busy %.0f %%%n", listeners.size(), percent, cores, cores * 100,
                        underran, listeners.stream().mapToDouble(Listener::worstLagSeconds).max().orElse(0),
                        machineBusyPercent());
                if (underran > 0 && held < 0) {
                    held = listeners.size() - STEP;
                }
                if (held < 0) {
                    heldPercent = percent;
                }
                if (failure != null) {
                    stop = "a stream failed: " + failure;
                    break;
                }
                if (percent >= SATURATED_SHARE * cores * 100) {
                    stop = "the server's CPU saturated";
                    break;
                }
            }
            held = held < 0 ? listeners.size() : held;
            System.out.printf(Locale.ROOT, "listeners held from one shared render at 192 kbit/s without an underrun:"
                    + " %d (server CPU %.1f %%); ramp stopped at %d by: %s%n", held, heldPercent, listeners.size(),
                    stop);
            double holdPercent = cpuPercentOver(HOLD);
            listeners.forEach(Listener::hangUp);
            Thread.sleep(2_000);
            double restAfter = cpuPercentOver(HOLD);
            double perListener = (holdPercent - restAfter) / listeners.size();
            System.out.printf(Locale.ROOT, "server CPU with %d listeners %.1f %%, with none %.1f %% (each over %d s):"
                    + " %.3f %% of a core per listener, %.0f listeners would fill %d cores%n", listeners.size(),
                    holdPercent, restAfter, HOLD.toSeconds(), perListener, (cores * 100 - restAfter) / perListener,
                    cores);
        } finally {
            listeners.forEach(Listener::hangUp);
        }
    }

    /**
     * Renders the whole mix to MP3 and relates its audio seconds to the server's CPU seconds.
     *
     * @param run which render this is, for the printed line: the second one runs on code the JIT has compiled
     */
    private void render(JsonNode mix, String run) throws IOException, InterruptedException {
        String path = "/api/v1/mixes/" + mix.path("id").asText() + "/render";
        double restPercent = cpuPercentOver(AT_REST);
        long started = System.nanoTime();
        Duration cpuBefore = cpu();
        JsonNode render = api("POST", path, "{\"format\": \"mp3\"}");
        while ("RUNNING".equals(render.path("state").asText())) {
            Thread.sleep(100);
            render = api("GET", path, null);
        }
        double wallSeconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (cpu().minus(cpuBefore).toNanos() / 1e9) - restPercent / 100 * wallSeconds;
        if (!"DONE".equals(render.path("state").asText())) {
            throw new IOException("the render failed: " + render);
        }
        String file = render.path("file").asText();
        double audioSeconds = durationSeconds(Path.of(file));
        System.out.printf(Locale.ROOT, "render to MP3 of the whole mix, %s: %.1f s of audio in %.1f s (%.1fx real "
                + "time wall), %.2f CPU s above rest = %.1fx real time per core%n", run, audioSeconds, wallSeconds,
                audioSeconds / wallSeconds, cpuSeconds, audioSeconds / cpuSeconds);
        System.out.println("render file: " + file);
    }

    private double cpuPercentOver(Duration time) throws InterruptedException {
        Duration before = cpu();
        long started = System.nanoTime();
        Thread.sleep(time.toMillis());
        return cpu().minus(before).toNanos() * 100.0 / (System.nanoTime() - started);
    }

    /** @return the server process's CPU time so far, user and system, from {@code /proc/PID/stat} */
    private Duration cpu() {
        return server.info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("no CPU time for process " + server.pid()));
    }

    /** @return the share of the machine's CPU time that was not idle over the next half second, from /proc/stat */
    private static double machineBusyPercent() {
        try {
            long[] first = cpuTicks();
            Thread.sleep(500);
            long[] second = cpuTicks();
            double total = second[0] - first[0];
            return total == 0 ? 0 : 100 * (1 - (second[1] - first[1]) / total);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /** @return all ticks and idle ticks (idle and iowait) of the machine, from the first line of /proc/stat */
    private static long[] cpuTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            return new long[] {total, Long.parseLong(fields[4]) + Long.parseLong(fields[5])};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double durationSeconds(Path file) throws IOException, InterruptedException {
        Process ffprobe = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of",
                "csv=p=0", file.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(ffprobe.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        if (ffprobe.waitFor() != 0) {
            throw new IOException("ffprobe cannot read " + file);
        }
        return Double.parseDouble(out);
    }

    private URI streamUri(JsonNode mix) {
        return URI.create(root + mix.path("streams").path("mp3").asText());
    }

    private HttpURLConnection open(JsonNode mix) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) streamUri(mix).toURL().openConnection();
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(10_000);
        return connection;
    }

    private JsonNode api(String method, String path, String json) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IOException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + method + " " + path, e);
        }
    }

    /**
     * One player on its own thread and connection: reads the stream as it comes and keeps how far it fell behind
     * the stream's real-time rate, counted from its first byte.
     */
    private static final class Listener extends Thread {

        private final URI uri;
        private volatile HttpURLConnection connection;
        private volatile double worstLagSeconds;
        private volatile String failure;
        private volatile boolean hungUp;

        Listener(URI uri) {
            super("listener");
            setDaemon(true);
            this.uri = uri;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try {
                connection = (HttpURLConnection) uri.toURL().openConnection();
                connection.setConnectTimeout(5_000);
                connection.setReadTimeout(10_000);
                try (InputStream body = connection.getInputStream()) {
                    long firstByte = 0;
                    long bytes = 0;
                    int read;
                    while ((read = body.read(buffer)) >= 0) {
                        long now = System.nanoTime();
                        if (firstByte == 0) {
                            firstByte = now;
                        } else {
                            double lag = (now - firstByte) / 1e9 - bytes / (double) BYTES_PER_SECOND;
                            worstLagSeconds = Math.max(worstLagSeconds, lag);
                        }
                        bytes += read;
                    }
                    if (!hungUp) {
                        failure = "the stream ended after " + bytes + " bytes";
                    }
                }
            } catch (IOException e) {
                if (!hungUp) {
                    failure = e.toString();
                }
            }
        }

        double worstLagSeconds() {
            return worstLagSeconds;
        }

        String failure() {
            return failure;
        }

        void hangUp() {
            hungUp = true;
            HttpURLConnection open = connection;
            if (open != null) {
                open.disconnect();
            }
        }
    }
}
