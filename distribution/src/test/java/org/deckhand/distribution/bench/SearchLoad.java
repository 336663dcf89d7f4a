package org.deckhand.distribution.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Search load over REST on a running Deckhand server: each of CLIENTS clients is a thread with its own HTTP/1.1
 * keep-alive connection ({@code java.net.http}) that sends the typical searches of the in-process
 * {@code SearchBench} (free text, a phrase, fields with BPM ranges and harmonic keys, negations, one-letter prefixes,
 * four sorts, pages of 50 tracks, and the second page of the whole library through its cursor) one after another,
 * without pause, first for a warm-up, then for the measured duration. Prints the measured requests per second, the
 * latency from sending a request to the last byte of its answer (p50, p90, p99 by nearest rank, and the maximum, in
 * milliseconds), the errors (any answer but 200, or none within 10 s), and each search's hits and latency.
 *
 * <p>Run it from source, with no other class path:
 * {@code java SearchLoad.java URL TOKEN CLIENTS WARM_UP_SECONDS MEASURED_SECONDS}, URL being the server's root such
 * as {@code http://127.0.0.1:8750} and TOKEN an API key ({@code POST /api/v1/keys});
 * {@code distribution/bench/library-bench.sh} does. Exits with status 1 when any request failed.
 */
public final class SearchLoad {

    private static final List<Search> SEARCHES = List.of(new Search("deckhand", null),
            new Search("morning drive", "-bpm"), new Search("\"jóga variations\"", "artist"),
            new Search("genre:electronic bpm:124..128", null), new Search("bpm:>=120 key:8A~ -format:mp3", "-bpm"),
            new Search("artist:testwell added:<30d", "added"), new Search("duration:<1m -format:flac", "artist"),
            new Search("year:1995..2005 d", null), new Search("rock OR metal", "-bpm"), new Search("k", "added"),
            new Search("", "artist"), Search.NEXT_PAGE);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");
    private static final Pattern NEXT_CURSOR = Pattern.compile("\"nextCursor\":\"([^\"]+)\"");

    private SearchLoad() {
    }

    /**
     * @param arguments the server's root URL, an API key, the number of clients, the warm-up in seconds and the
     *     measured duration in seconds
     * @throws InterruptedException if interrupted while the clients run
     */
    public static void main(String[] arguments) throws InterruptedException {
        if (arguments.length != 5) {
            System.err.println("usage: java SearchLoad.java URL TOKEN CLIENTS WARM_UP_SECONDS MEASURED_SECONDS");
            System.exit(2);
        }
        String root = arguments[0];
        String token = arguments[1];
        int clientCount = Integer.parseInt(arguments[2]);
        long warmUpNanos = Duration.ofSeconds(Long.parseLong(arguments[3])).toNanos();
        long measuredNanos = Duration.ofSeconds(Long.parseLong(arguments[4])).toNanos();

        long start = System.nanoTime();
        long measureFrom = start + warmUpNanos;
        long measureUntil = measureFrom + measuredNanos;
        List<Client> clients = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clientCount; i++) {
            Client client = new Client(root, token, i * 5 % SEARCHES.size(), measureFrom, measureUntil);
            clients.add(client);
            Thread thread = new Thread(client, "search-client-" + i);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.exit(report(clients, measuredNanos / 1e9) ? 0 : 1);
    }

    private static boolean report(List<Client> clients, double measuredSeconds) {
        Latencies all = new Latencies();
        long errors = 0;
        for (Client client : clients) {
            Arrays.stream(client.latencies).forEach(all::addAll);
            errors += client.errors;
        }
        long[] nanos = all.sorted();
        System.out.printf(Locale.ROOT, "search over REST, %d client(s), %.0f s measured: %d requests, %.1f requests/s,"
                + " p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms, errors %d%n", clients.size(), measuredSeconds,
                nanos.length, nanos.length / measuredSeconds, percentile(nanos, 50), percentile(nanos, 90),
                percentile(nanos, 99), nanos.length == 0 ? 0 : nanos[nanos.length - 1] / 1e6, errors);
        for (int i = 0; i < SEARCHES.size(); i++) {
            Latencies search = new Latencies();
            long hits = -1;
            for (Client client : clients) {
                search.addAll(client.latencies[i]);
                hits = Math.max(hits, client.hits[i]);
            }
            long[] sorted = search.sorted();
            System.out.printf(Locale.ROOT, "  %-48s %7d hits  p50 %7.2f ms  p99 %7.2f ms%n", SEARCHES.get(i),
                    hits, percentile(sorted, 50), percentile(sorted, 99));
        }
        clients.stream().map(c -> c.firstError).filter(Objects::nonNull).findFirst()
                .ifPresent(e -> System.out.println("first error: " + e));
        return errors == 0 && nanos.length > 0;
    }

    private static double percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, rank)] / 1e6;
    }

    /**
     * One search: a query and a sort, or the next page of the search before it.
     *
     * @param query the query, in Deckhand's query language; {@code null} for the next page of the previous search
     * @param sort the sort, or {@code null} for relevance
     */
    private record Search(String query, String sort) {

        static final Search NEXT_PAGE = new Search(null, null);

        String path(String previousCursor) {
            if (query == null) {
                return "/api/v1/tracks?limit=50&sort=artist&cursor=" + encode(previousCursor);
            }
            return "/api/v1/tracks?limit=50&q=" + encode(query) + (sort == null ? "" : "&sort=" + encode(sort));
        }

        @Override
        public String toString() {
            return query == null ? "(its next page, by cursor)" : "q=" + query + (sort == null ? "" : " sort=" + sort);
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8);
        }
    }

    /** One client: one connection, searches one after another, each search's measured latencies kept apart. */
    private static final class Client implements Runnable {

        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(REQUEST_TIMEOUT).build();
        private final String root;
        private final String authorization;
        private final int firstSearch;
        private final long measureFrom;
        private final long measureUntil;
        private final Latencies[] latencies = new Latencies[SEARCHES.size()];
        private final long[] hits = new long[SEARCHES.size()];
        private String firstError;
        private long errors;

        Client(String root, String token, int firstSearch, long measureFrom, long measureUntil) {
            this.root = root;
            this.authorization = "Bearer " + token;
            this.firstSearch = firstSearch;
            this.measureFrom = measureFrom;
            this.measureUntil = measureUntil;
            Arrays.setAll(latencies, i -> new Latencies());
            Arrays.fill(hits, -1);
        }

        @Override
        public void run() {
            String cursor = null;
            for (int i = firstSearch; ; i = (i + 1) % SEARCHES.size()) {
                Search search = SEARCHES.get(i);
                if (search.query() == null && cursor == null) {
                    continue;
                }
                HttpRequest request = HttpRequest.newBuilder(URI.create(root + search.path(cursor)))
                        .timeout(REQUEST_TIMEOUT).header("Authorization", authorization).GET().build();
                long sent = System.nanoTime();
                if (sent >= measureUntil) {
                    return;
                }
                String body = send(request);
                long elapsed = System.nanoTime() - sent;
                if (body == null) {
                    errors++;
                    cursor = null;
                    continue;
                }
                Matcher next = NEXT_CURSOR.matcher(body);
                cursor = next.find() ? next.group(1) : null;
                if (sent >= measureFrom) {
                    latencies[i].add(elapsed);
                    Matcher total = TOTAL.matcher(body);
                    hits[i] = total.find() ? Long.parseLong(total.group(1)) : -1;
                }
            }
        }

        /** @return the answer's body, or {@code null} when the request failed (the first failure is kept) */
        private String send(HttpRequest request) {
            String failure;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return response.body();
                }
                failure = "HTTP " + response.statusCode() + " " + response.body();
            } catch (IOException e) {
                failure = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "interrupted";
            }
            if (firstError == null) {
                firstError = request.uri() + ": " + failure;
            }
            return null;
        }
    }

    /** A growing array of latencies in nanoseconds, without boxing. */
    private static final class Latencies {

        private long[] nanos = new long[1024];
        private int size;

        void add(long value) {
            if (size == nanos.length) {
                nanos = Arrays.copyOf(nanos, size * 2);
            }
            nanos[size++] = value;
        }

        void addAll(Latencies other) {
            for (int i = 0; i < other.size; i++) {
                add(other.nanos[i]);
            }
        }

        long[] sorted() {
            long[] copy = Arrays.copyOf(nanos, size);
            Arrays.sort(copy);
            return copy;
        }
    }
}
