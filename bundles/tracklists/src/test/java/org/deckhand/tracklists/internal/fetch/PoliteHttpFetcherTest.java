package org.deckhand.tracklists.internal.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.deckhand.api.tracklist.FetchException;
import org.deckhand.api.tracklist.FetchException.Reason;
import org.deckhand.api.tracklist.FetchedPage;
import org.deckhand.api.tracklist.FetcherStatistics;
import org.deckhand.api.tracklist.PageKind;
import org.deckhand.tracklists.internal.Fixtures;
import org.deckhand.tracklists.internal.SiteStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fetcher against a stand-in site on 127.0.0.1 that serves the saved pages at the site's real paths. */
class PoliteHttpFetcherTest {

    private static final String NTS = "/tracklist/2hjnqr0t/bicep-nts-radio-2022-06-16.html";
    private static final String WAREHOUSE =
            "/tracklist/1gz59x6t/bicep-the-warehouse-project-rdm-rotterdam-netherlands-2023-04-28.html";
    private static final String CURBI = "/tracklist/nsgpmht/curbi-tape-06-2021-03-12.html";
    private static final Duration GAP = Duration.ofMillis(1000);
    /** How much earlier than the gap a request may arrive, for the loopback's own scheduling. */
    private static final long SLACK_NANOS = Duration.ofMillis(30).toNanos();

    @TempDir
    Path data;
    private final SiteStandIn site = new SiteStandIn();
    private PoliteHttpFetcher fetcher;

    private static FetcherSettings settings(Duration gap, int budget, Duration timeout, long maximumBytes) {
        FetcherSettings defaults = FetcherSettings.defaults("test");
        return new FetcherSettings(defaults.userAgent(), defaults.robotName(), gap, defaults.maximumCrawlDelay(),
                budget, Duration.ofMinutes(4), Duration.ofSeconds(2), timeout, 5, maximumBytes, Duration.ofSeconds(5),
                Duration.ofHours(1), defaults.pageTimeToLive(), defaults.searchTimeToLive(), 20, 16);
    }

    private PoliteHttpFetcher open(FetcherSettings settings) throws Exception {
        fetcher = new PoliteHttpFetcher(data.resolve("cache"), settings);
        return fetcher;
    }

    private void servePages() {
        site.page(NTS, Fixtures.text("1001tracklists/bicep-nts-radio-2022-06-16.html"));
        site.page(WAREHOUSE, Fixtures.text("1001tracklists/bicep-warehouse-project-rotterdam-2023-04-28.html"));
        site.page(CURBI, Fixtures.text("1001tracklists/curbi-tape-06-2021-03-12.html"));
    }

    @AfterEach
    void close() {
        if (fetcher != null) {
            fetcher.close();
        }
        site.close();
    }

    @Test
    void requestsToOneHostKeepTheGapAndNameDeckhand() throws Exception {
        servePages();
        open(settings(GAP, 20, Duration.ofSeconds(5), 5_000_000));
        for (String path : List.of(NTS, WAREHOUSE, CURBI)) {
            FetchedPage page = fetcher.fetch("1001tracklists", site.at(path), PageKind.TRACKLIST_PAGE);
            assertFalse(page.fromCache());
            assertEquals("text/html", page.mediaType());
            assertTrue(page.body().contains("tlTab"));
        }
        List<SiteStandIn.Received> received = site.received();
        assertEquals(List.of("/robots.txt", NTS, WAREHOUSE, CURBI), received.stream().map(r -> r.path()).toList());
        for (int i = 1; i < received.size(); i++) {
            long gap = received.get(i).nanoTime() - received.get(i - 1).nanoTime();
            assertTrue(gap >= GAP.toNanos() - SLACK_NANOS,
                    "request " + i + " came " + gap / 1e6 + " ms after the last");
        }
        assertTrue(received.stream().allMatch(r -> r.userAgent().startsWith("Deckhand/")), received.toString());
    }

    @Test
    void robotsTxtCrawlDelayWidensTheGap() throws Exception {
        servePages();
        site.robots("User-agent: *\nCrawl-delay: 2\n");
        open(settings(Duration.ofMillis(100), 20, Duration.ofSeconds(5), 5_000_000));
        fetcher.fetch("mixesdb", site.at(NTS), PageKind.TRACKLIST_PAGE);
        fetcher.fetch("mixesdb", site.at(WAREHOUSE), PageKind.TRACKLIST_PAGE);
        List<SiteStandIn.Received> received = site.received();
        long gap = received.get(2).nanoTime() - received.get(1).nanoTime();
        assertTrue(gap >= Duration.ofSeconds(2).toNanos() - SLACK_NANOS, "crawl delay 2 s, gap " + gap / 1e6 + " ms");
        FetcherStatistics.HostStatus host = fetcher.statistics().hosts().get(0);
        assertEquals(2.0, host.crawlDelaySeconds());
    }

    @Test
    void robotsTxtDisallowIsHonouredWithoutAskingForThePage() throws Exception {
        site.robots("User-agent: *\nAllow: /\n\nUser-agent: Deckhand\nDisallow: /tracklist/\n");
        servePages();
        open(settings(Duration.ofMillis(50), 20, Duration.ofSeconds(5), 5_000_000));
        FetchException refused = assertThrows(FetchException.class,
                () -> fetcher.fetch("1001tracklists", site.at(NTS), PageKind.TRACKLIST_PAGE));
        assertEquals(Reason.ROBOTS_DISALLOWED, refused.reason());
        assertTrue(refused.getMessage().contains("robots.txt"), refused.getMessage());
        assertEquals(0, site.count(NTS));
    }

    @Test
    void theBudgetPerHostStopsRequestsBeforeTheSiteWould() throws Exception {
        servePages();
        open(settings(Duration.ofMillis(50), 3, Duration.ofSeconds(5), 5_000_000));
        fetcher.fetch("1001tracklists", site.at(NTS), PageKind.TRACKLIST_PAGE);
        fetcher.fetch("1001tracklists", site.at(WAREHOUSE), PageKind.TRACKLIST_PAGE);
        FetchException spent = assertThrows(FetchException.class,
                () -> fetcher.fetch("1001tracklists", site.at(CURBI), PageKind.TRACKLIST_PAGE));
        assertEquals(Reason.BUDGET_EXHAUSTED, spent.reason());
        assertEquals(0, site.count(CURBI), "the request over budget never left");
        assertEquals(3, site.received().size(), "robots.txt and two pages: the budget of 3");
        assertEquals(3, fetcher.statistics().hosts().get(0).requestsInWindow());
    }

    @Test
    void aRetryAfterWithin5sIsWaitedOutAndALongerOneFailsAtOnce() throws Exception {
        String html = Fixtures.text("1001tracklists/bicep-nts-radio-2022-06-16.html");
        int[] calls = {0};
        site.on(NTS, exchange -> {
            if (calls[0]++ == 0) {
                exchange.getResponseHeaders().set("Retry-After", "2");
                SiteStandIn.send(exchange, 429, "text/html; charset=utf-8", "<html>Too Many Requests</html>");
            } else {
                SiteStandIn.send(exchange, 200, "text/html; charset=utf-8", html);
            }
        });
        site.on(CURBI, exchange -> {
            exchange.getResponseHeaders().set("Retry-After", "3600");
            SiteStandIn.send(exchange, 503, "text/html; charset=utf-8", "<html>Service Unavailable</html>");
        });
        open(settings(Duration.ofMillis(50), 20, Duration.ofSeconds(5), 5_000_000));
        FetchedPage page = fetcher.fetch("1001tracklists", site.at(NTS), PageKind.TRACKLIST_PAGE);
        assertTrue(page.body().contains("tlTab"));
        List<SiteStandIn.Received> received = site.received();
        long waited = received.get(2).nanoTime() - received.get(1).nanoTime();
        assertTrue(waited >= Duration.ofSeconds(2).toNanos() - SLACK_NANOS, "waited " + waited / 1e6 + " ms");

        FetchException limited = assertThrows(FetchException.class,
                () -> fetcher.fetch("1001tracklists", site.at(CURBI), PageKind.TRACKLIST_PAGE));
        assertEquals(Reason.RATE_LIMITED, limited.reason());
        assertTrue(limited.getMessage().contains("3600"), limited.getMessage());
        FetchException stillLimited = assertThrows(FetchException.class,
                () -> fetcher.fetch("1001tracklists", site.at(WAREHOUSE), PageKind.TRACKLIST_PAGE));
        assertEquals(Reason.RATE_LIMITED, stillLimited.reason());
        assertEquals(0, site.count(WAREHOUSE), "no request while the site asks to wait");
    }

    @Test
    void aRedirectLoopIsCaughtAndARedirectFollowed() throws Exception {
        servePages();
        site.on("/loop/a", exchange -> {
            exchange.getResponseHeaders().set("Location", "/loop/b");
            SiteStandIn.send(exchange, 302, "text/html", "");
        });
        site.on("/loop/b", exchange -> {
            exchange.getResponseHeaders().set("Location", site.base() + "/loop/a");
            SiteStandIn.send(exchange, 301, "text/html", "");
        });
        site.on("/tracklist/2hjnqr0t/", exchange -> {
            exchange.getResponseHeaders().set("Location", NTS);
            SiteStandIn.send(exchange, 301, "text/html", "");
        });
        open(settings(Duration.ofMillis(50), 20, Duration.ofSeconds(5), 5_000_000));
        FetchException loop = assertThrows(FetchException.class,
                () -> fetcher.fetch("1001tracklists", site.at("/loop/a"), PageKind.TRACKLIST_PAGE));
        assertEquals(Reason.TOO_MANY_REDIRECTS, loop.reason());
        assertTrue(loop.getMessage().contains("loop"), loop.getMessage());
        assertEquals(1, site.count("/loop/a"));
        FetchedPage moved = fetcher.fetch("1001tracklists", site.at("/tracklist/2hjnqr0t/"), PageKind.TRACKLIST_PAGE);
        assertEquals(site.at(NTS).toString(), moved.address());
    }

    @Test
    void a20MegabyteAnswerIsCutOffAtTheLimit() throws Exception {
        byte[] chunk = "<div>padding padding padding</div>\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        long[] sent = {0};
        site.on("/huge", exchange -> {
            SiteStandIn.headers(exchange, "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                while (sent[0] < 20L * 1024 * 1024) {
                    out.write(chunk);
                    sent[0] += chunk.length;
                }
            }
        });
        site.on("/huge-declared", exchange -> {
            SiteStandIn.headers(exchange, "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, 20L * 1024 * 1024);
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] zeros = new byte[64 * 1024];
                Arrays.fill(zeros, (byte) ' ');
                for (int i = 0; i < 320; i++) {
                    out.write(zeros);
                }
            }
        });
        open(settings(Duration.ofMillis(50), 20, Duration.ofSeconds(10), 1024 * 1024));
        FetchException chunked = assertThrows(FetchException.class,
                () -> fetcher.fetch("1001tracklists", site.at("/huge"), PageKind.TRACKLIST_PAGE));
        assertEquals(Reason.TOO_LARGE, chunked.reason());
        FetchException declared = assertThrows(FetchException.class,
                () -> fetcher.fetch("1001tracklists", site.at("/huge-declared"), PageKind.TRACKLIST_PAGE));
        assertEquals(Reason.TOO_LARGE, declared.reason());
        assertTrue(declared.getMessage().contains("1048576"), declared.getMessage());
    }

    @Test
    void anAnswerOfAnotherMediaTypeIsRefused() throws Exception {
        site.on("/cover.png", exchange -> SiteStandIn.send(exchange, 200, "image/png", "\u0089PNG"));
        site.json("/db/api.php", "{\"parse\":{}}");
        open(settings(Duration.ofMillis(50), 20, Duration.ofSeconds(5), 5_000_000));
        FetchException png = assertThrows(FetchException.class,
                () -> fetcher.fetch("1001tracklists", site.at("/cover.png"), PageKind.TRACKLIST_PAGE));
        assertEquals(Reason.UNSUPPORTED_TYPE, png.reason());
        assertTrue(png.getMessage().contains("image/png"), png.getMessage());
        FetchException json = assertThrows(FetchException.class,
                () -> fetcher.fetch("1001tracklists", site.at("/db/api.php"), PageKind.TRACKLIST_PAGE));
        assertEquals(Reason.UNSUPPORTED_TYPE, json.reason());
        assertEquals("application/json",
                fetcher.fetch("mixesdb", site.at("/db/api.php"), PageKind.API).mediaType());
    }

    @Test
    void aSlowAnswerTimesOut() throws Exception {
        site.on("/slow", exchange -> {
            try {
                Thread.sleep(4000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            SiteStandIn.send(exchange, 200, "text/html", "<html>late</html>");
        });
        open(settings(Duration.ofMillis(50), 20, Duration.ofSeconds(1), 5_000_000));
        long start = System.nanoTime();
        FetchException slow = assertThrows(FetchException.class,
                () -> fetcher.fetch("1001tracklists", site.at("/slow"), PageKind.TRACKLIST_PAGE));
        assertEquals(Reason.TIMEOUT, slow.reason());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(3).toNanos(), "gave up at the timeout");
    }

    @Test
    void aSecondFetchComesFromTheCacheAlsoAfterARestart() throws Exception {
        servePages();
        open(settings(Duration.ofMillis(50), 20, Duration.ofSeconds(5), 5_000_000));
        FetchedPage first = fetcher.fetch("1001tracklists", site.at(NTS), PageKind.TRACKLIST_PAGE);
        FetchedPage again = fetcher.fetch("1001tracklists", site.at(NTS), PageKind.TRACKLIST_PAGE);
        assertTrue(again.fromCache());
        assertEquals(first.body(), again.body());
        assertEquals(1, site.count(NTS));
        FetcherStatistics figures = fetcher.statistics();
        assertEquals(1, figures.cacheEntries());
        assertEquals(1, figures.cacheHits());
        assertTrue(figures.cacheDiskBytes() > 100_000, figures.toString());
        fetcher.close();

        open(settings(Duration.ofMillis(50), 20, Duration.ofSeconds(5), 5_000_000));
        FetchedPage afterRestart = fetcher.fetch("1001tracklists", site.at(NTS), PageKind.TRACKLIST_PAGE);
        assertTrue(afterRestart.fromCache());
        assertEquals(first.body(), afterRestart.body());
        assertEquals(first.fetched(), afterRestart.fetched());
        assertEquals(1, site.count(NTS), "no request after the restart either");
        assertEquals(2, site.received().size(), "robots.txt once, the page once");
    }

    @Test
    void aCaptchaBlocksTheHostAndDropsTheAnswerFromTheCache() throws Exception {
        servePages();
        open(settings(Duration.ofMillis(50), 20, Duration.ofSeconds(5), 5_000_000));
        fetcher.fetch("1001tracklists", site.at(NTS), PageKind.TRACKLIST_PAGE);
        fetcher.reportBlocked(site.at(NTS));
        FetchException blocked = assertThrows(FetchException.class,
                () -> fetcher.fetch("1001tracklists", site.at(NTS), PageKind.TRACKLIST_PAGE));
        assertEquals(Reason.BLOCKED, blocked.reason());
        assertEquals(1, site.count(NTS));
        assertTrue(fetcher.statistics().hosts().get(0).blockedUntil() != null);
    }
}
