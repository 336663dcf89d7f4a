package org.deckhand.distribution.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Subsonic API of a running Deckhand server, measured as players use it: the empty-query {@code search3} sync of
 * the whole library in pages of {@value #PAGE} songs (Symfonium's full sync), one page after another on one
 * keep-alive connection, with its total time, p50, p99 and maximum per page, and whether every song came exactly
 * once; then the first byte of {@code stream} for {@value #SAMPLES} songs, as the file is and transcoded to MP3 at
 * 128 kbit/s; then {@code getCoverArt} at size 300 of up to {@value #SAMPLES} songs with artwork, cold (the first
 * request makes the thumbnail) and cached. Latencies in milliseconds, p50 and p99 by nearest rank.
 *
 * <p>Run it from source, with no other class path: {@code java SubsonicLoad.java URL API_KEY TRACKS};
 * {@code distribution/bench/subsonic-bench.sh} does. Exits with status 1 when the sync missed or repeated a song.
 */
public final class SubsonicLoad {

    private static final int PAGE = 500;
    private static final int SAMPLES = 20;
    private static final Pattern SONG_ID = Pattern.compile("\\{\"id\":\"(tr-[0-9]+)\"");
    private static final Pattern COVER = Pattern.compile("\"coverArt\":\"(tr-[0-9]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SubsonicLoad() {
    }

    /**
     * @param arguments the server's root URL, an API key and how many tracks the catalog holds
     * @throws Exception if a request fails
     */
    public static void main(String[] arguments) throws Exception {
        String base = arguments[0] + "/rest/";
        String key = "apiKey=" + arguments[1] + "&c=bench&v=1.16.1&f=json";
        long expected = Long.parseLong(arguments[2]);
        List<Double> pages = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> covers = new ArrayList<>();
        List<String> sample = new ArrayList<>();
        long repeated = 0;
        long started = System.nanoTime();
        for (int offset = 0; ; offset += PAGE) {
            long before = System.nanoTime();
            String page = get(base + "search3?" + key + "&query=&artistCount=0&albumCount=0&songCount=" + PAGE
                    + "&songOffset=" + offset);
            pages.add((System.nanoTime() - before) / 1e6);
            Matcher ids = SONG_ID.matcher(page);
            int count = 0;
            while (ids.find()) {
                count++;
                if (!seen.add(ids.group(1))) {
                    repeated++;
                }
                if (sample.size() < SAMPLES && seen.size() % 997 == 1) {
                    sample.add(ids.group(1));
                }
            }
            Matcher cover = COVER.matcher(page);
            while (cover.find() && covers.size() < SAMPLES) {
                covers.add(cover.group(1));
            }
            if (count < PAGE) {
                break;
            }
        }
        double total = (System.nanoTime() - started) / 1e9;
        System.out.printf("search3 empty-query sync, pages of %d: %d songs (%d expected, %d repeated) in %.1f s, "
                + "%d pages: %s%n", PAGE, seen.size(), expected, repeated, total, pages.size(), summary(pages));
        System.out.println("stream first byte, original: " + summary(firstBytes(base, key, sample, "")));
        System.out.println("stream first byte, MP3 128 kbit/s: " + summary(firstBytes(base, key, sample,
                "&format=mp3&maxBitRate=128")));
        if (covers.isEmpty()) {
            System.out.println("getCoverArt: no song with artwork in the first pages");
        } else {
            System.out.println("getCoverArt size 300, cold: " + summary(coverArt(base, key, covers)));
            System.out.println("getCoverArt size 300, cached: " + summary(coverArt(base, key, covers)));
        }
        System.exit(seen.size() == expected && repeated == 0 ? 0 : 1);
    }

    private static List<Double> firstBytes(String base, String key, List<String> ids, String extra)
            throws Exception {
        List<Double> latencies = new ArrayList<>();
        for (String id : ids) {
            long before = System.nanoTime();
            HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "stream?" + key
                    + "&id=" + id + extra)).build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (body.read() < 0 || response.statusCode() != 200) {
                    throw new IllegalStateException("stream of " + id + " answered " + response.statusCode());
                }
                latencies.add((System.nanoTime() - before) / 1e6);
            }
        }
        return latencies;
    }

    private static List<Double> coverArt(String base, String key, List<String> ids) throws Exception {
        List<Double> latencies = new ArrayList<>();
        for (String id : ids) {
            long before = System.nanoTime();
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "getCoverArt?" + key
                    + "&size=300&id=" + id)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200 || response.headers().firstValue("Content-Type").orElse("")
                    .contains("json")) {
                throw new IllegalStateException("getCoverArt of " + id + " failed: " + new String(response.body()));
            }
            latencies.add((System.nanoTime() - before) / 1e6);
        }
        return latencies;
    }

    private static String get(String uri) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(uri))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || response.body().contains("\"status\":\"failed\"")) {
            throw new IllegalStateException(uri + " failed: " + response.body());
        }
        return response.body();
    }

    private static String summary(List<Double> latencies) {
        if (latencies.isEmpty()) {
            return "no samples";
        }
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d samples)", rank(sorted, 0.50),
                rank(sorted, 0.99), sorted.get(sorted.size() - 1), sorted.size());
    }

    private static double rank(List<Double> sorted, double quantile) {
        return sorted.get(Math.max(0, (int) Math.ceil(quantile * sorted.size()) - 1));
    }
}
