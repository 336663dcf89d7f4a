package org.deckhand.tracklists.internal.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.deckhand.api.tracklist.FetchException;
import org.deckhand.api.tracklist.FetchException.Reason;
import org.deckhand.api.tracklist.FetchedPage;
import org.deckhand.api.tracklist.FetcherStatistics;
import org.deckhand.api.tracklist.PageKind;
import org.deckhand.api.tracklist.PoliteFetcher;
import org.deckhand.api.runtime.RuntimeProperties;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link PoliteFetcher}: one {@link HttpClient}, a {@link PageCache} in front of it, and per host the pacing,
 * budget, block and robots.txt of a {@link HostState}. A fetch the cache cannot answer reads the host's robots.txt
 * first (once a day), then asks for the page, following at most the configured redirects by hand (a loop is caught at
 * its first repeat), each hop paced and checked against robots.txt. A {@code 429} or {@code 503} with a
 * {@code Retry-After} no longer than the configured wait (RFC 9110 section 10.2.3: seconds or an HTTP date) is waited
 * out and asked again, at most twice; a longer one fails the fetch and the host is not asked before it ends.
 */
@Component(service = PoliteFetcher.class, configurationPid = FetcherConfiguration.PID)
@Designate(ocd = FetcherConfiguration.class)
public final class PoliteHttpFetcher implements PoliteFetcher, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PoliteHttpFetcher.class);
    private static final int RETRIES = 2;

    private final FetcherSettings settings;
    private final PageCache cache;
    private final HttpClient client;
    private final Map<String, HostState> hosts = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();

    /**
     * Opens the fetcher with its cache in {@code DATA/tracklists/cache}.
     *
     * @param context this bundle's context, for the data folder and Deckhand's version
     * @param configuration the settings
     * @throws IOException if the cache folder cannot be made
     */
    @Activate
    public PoliteHttpFetcher(BundleContext context, FetcherConfiguration configuration) throws IOException {
        this(Path.of(context.getProperty(RuntimeProperties.DATA), "tracklists", "cache"),
                settings(configuration, context.getProperty(RuntimeProperties.VERSION)));
    }

    /**
     * @param cacheFolder the cache's folder, such as {@code DATA/tracklists/cache}
     * @param settings the politeness and cache settings
     * @throws IOException if the cache folder cannot be made
     */
    public PoliteHttpFetcher(Path cacheFolder, FetcherSettings settings) throws IOException {
        this.settings = settings;
        this.cache = new PageCache(cacheFolder, settings);
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout()).build();
    }

    @Override
    public FetchedPage fetch(String source, URI address, PageKind kind) throws FetchException {
        String scheme = address.getScheme() == null ? "" : address.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || address.getHost() == null) {
            throw new FetchException(Reason.BAD_ADDRESS, source, address.toString(),
                    "Only http and https addresses are fetched, not " + address);
        }
        String key = address.normalize().toString();
        Optional<FetchedPage> cached = cache.get(kind, key);
        if (cached.isPresent()) {
            return cached.get();
        }
        FetchedPage page = fromSite(source, address.normalize(), kind);
        cache.put(kind, key, page);
        return page;
    }

    @Override
    public void reportBlocked(URI address) {
        cache.remove(address.normalize().toString());
        host(address).block();
        LOG.warn("{} answered {} with a captcha; no request goes to it for {} min", authority(address), address,
                settings.blockedFor().toMinutes());
    }

    @Override
    public void forget(URI address) {
        cache.remove(address.normalize().toString());
    }

    @Override
    public FetcherStatistics statistics() {
        PageCache.Figures figures = cache.figures();
        long gets = figures.hits() + figures.misses();
        List<FetcherStatistics.HostStatus> statuses = new ArrayList<>();
        hosts.values().forEach(host -> statuses.add(host.status()));
        statuses.sort((a, b) -> a.host().compareTo(b.host()));
        return new FetcherStatistics(figures.entries(), figures.heapEntries(), figures.diskBytes(), figures.hits(),
                figures.misses(), gets == 0 ? 0 : (double) figures.hits() / gets, requests.get(), statuses);
    }

    /** Closes the cache, which keeps its entries on disk for the next start. */
    @Override
    @Deactivate
    public void close() {
        cache.close();
    }

    private static FetcherSettings settings(FetcherConfiguration configuration, String version) {
        FetcherSettings defaults = FetcherSettings.defaults(version == null ? "0" : version);
        return new FetcherSettings(defaults.userAgent(), defaults.robotName(),
                Duration.ofMillis(Math.round(configuration.minimumGapSeconds() * 1000)),
                Duration.ofSeconds(configuration.maximumCrawlDelaySeconds()), configuration.budget(),
                Duration.ofSeconds(configuration.budgetWindowSeconds()),
                Duration.ofSeconds(configuration.connectTimeoutSeconds()),
                Duration.ofSeconds(configuration.answerTimeoutSeconds()), configuration.maximumRedirects(),
                configuration.maximumMegabytes() * 1024L * 1024L,
                Duration.ofSeconds(configuration.maximumRetryAfterSeconds()),
                Duration.ofMinutes(configuration.blockedMinutes()), Duration.ofDays(configuration.pageTimeToLiveDays()),
                Duration.ofHours(configuration.searchTimeToLiveHours()), configuration.cacheHeapEntries(),
                configuration.cacheDiskMegabytes());
    }

    private FetchedPage fromSite(String source, URI address, PageKind kind) throws FetchException {
        Set<URI> seen = new HashSet<>();
        seen.add(address);
        URI current = address;
        int redirects = 0;
        int retries = 0;
        while (true) {
            HostState host = host(current);
            RobotsFile robots = robots(source, host, current);
            if (!robots.allows(current.toString())) {
                throw new FetchException(Reason.ROBOTS_DISALLOWED, source, current.toString(), "The robots.txt of "
                        + authority(current) + " does not allow Deckhand to fetch " + current);
            }
            Answer answer = send(source, host, current, kind.mediaTypes());
            int status = answer.status();
            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                URI next = redirect(source, current, answer);
                if (!seen.add(next)) {
                    throw new FetchException(Reason.TOO_MANY_REDIRECTS, source, address.toString(), address
                            + " redirects in a loop (back to " + next + ")");
                }
                if (++redirects > settings.maximumRedirects()) {
                    throw new FetchException(Reason.TOO_MANY_REDIRECTS, source, address.toString(), address
                            + " redirects more than " + settings.maximumRedirects() + " times");
                }
                current = next;
                continue;
            }
            if (status == 429 || status == 503) {
                Duration wait = retryAfter(answer.response().headers().firstValue("Retry-After").orElse(null));
                if (wait == null) {
                    throw new FetchException(Reason.RATE_LIMITED, source, current.toString(), authority(current)
                            + " answered " + status + " for " + current + "; try again later");
                }
                host.retryAfter(Instant.now().plus(wait));
                if (wait.compareTo(settings.maximumRetryAfter()) > 0 || ++retries > RETRIES) {
                    throw new FetchException(Reason.RATE_LIMITED, source, current.toString(), authority(current)
                            + " answered " + status + " for " + current + " and asks to wait " + wait.toSeconds()
                            + " s (Retry-After); Deckhand waits at most " + settings.maximumRetryAfter().toSeconds()
                            + " s, try again later");
                }
                continue;
            }
            if (status != 200) {
                throw new FetchException(Reason.HTTP_STATUS, source, current.toString(), authority(current)
                        + " answered " + status + " for " + current);
            }
            if (!kind.mediaTypes().contains(answer.mediaType())) {
                throw new FetchException(Reason.UNSUPPORTED_TYPE, source, current.toString(), current
                        + " answered with " + (answer.mediaType().isEmpty() ? "no media type" : answer.mediaType())
                        + ", not " + String.join(" or ", kind.mediaTypes()));
            }
            return new FetchedPage(current.toString(), answer.mediaType(),
                    new String(answer.body(), answer.charset()), Instant.now().truncatedTo(ChronoUnit.MILLIS), false);
        }
    }

    private URI redirect(String source, URI current, Answer answer) throws FetchException {
        String location = answer.response().headers().firstValue("Location").orElse(null);
        if (location == null) {
            throw new FetchException(Reason.HTTP_STATUS, source, current.toString(), current + " answered "
                    + answer.status() + " without a Location");
        }
        try {
            return current.resolve(location.strip()).normalize();
        } catch (IllegalArgumentException e) {
            throw new FetchException(Reason.HTTP_STATUS, source, current.toString(), current
                    + " redirects to a malformed address: " + location, e);
        }
    }

    /** The host's robots.txt, read when not yet known or expired. */
    private RobotsFile robots(String source, HostState host, URI page) throws FetchException {
        synchronized (host.robotsLock()) {
            RobotsFile known = host.robots();
            if (known != null) {
                return known;
            }
            URI address = URI.create(page.getScheme() + "://" + page.getRawAuthority() + "/robots.txt");
            RobotsFile file;
            try {
                URI current = address;
                Answer answer = send(source, host, current, null);
                for (int hop = 0; hop < 5 && answer.status() / 100 == 3; hop++) {
                    current = redirect(source, current, answer);
                    answer = send(source, host(current), current, null);
                }
                file = answer.status() == 200
                        ? RobotsFile.parsed(address.toString(), answer.body(), answer.mediaType(), settings.robotName())
                        : RobotsFile.failed(answer.status());
            } catch (FetchException e) {
                if (e.reason() != Reason.NETWORK && e.reason() != Reason.TIMEOUT && e.reason() != Reason.TOO_LARGE
                        && e.reason() != Reason.HTTP_STATUS) {
                    throw e;
                }
                file = RobotsFile.failed(0);
            }
            host.robots(file);
            return file;
        }
    }

    /**
     * Sends one request once the host admits it, and reads the answer within the answer timeout.
     *
     * @param accepted the media types whose bodies are read, or null to read any
     */
    private Answer send(String source, HostState host, URI address, Set<String> accepted) throws FetchException {
        host.admit(source, address.toString());
        try {
            requests.incrementAndGet();
            return exchange(source, address, accepted);
        } finally {
            host.finished();
        }
    }

    private Answer exchange(String source, URI address, Set<String> accepted) throws FetchException {
        HttpRequest.Builder request = HttpRequest.newBuilder(address).GET().timeout(settings.answerTimeout())
                .header("User-Agent", settings.userAgent());
        if (accepted != null) {
            request.header("Accept", String.join(", ", accepted));
        }
        long limit = settings.maximumBytes();
        String at = address.toString();
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request.build(), info -> new LimitedBody(
                limit, info.statusCode() == 200 && (accepted == null || accepted.contains(mediaType(
                        info.headers().firstValue("Content-Type").orElse(""))))
                        && info.headers().firstValueAsLong("Content-Length").orElse(0) <= limit));
        try {
            HttpResponse<byte[]> response = pending.get(settings.answerTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (response.headers().firstValueAsLong("Content-Length").orElse(0) > limit) {
                throw tooLarge(source, at, limit);
            }
            return new Answer(response);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new FetchException(Reason.TIMEOUT, source, at, authority(address) + " did not answer " + at
                    + " within " + settings.answerTimeout().toSeconds() + " s", e);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchException(Reason.NETWORK, source, at, "Interrupted while fetching " + at, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof LimitedBody.TooLargeException
                    || cause instanceof IOException && cause.getCause() instanceof LimitedBody.TooLargeException) {
                throw tooLarge(source, at, limit);
            }
            if (cause instanceof HttpTimeoutException) {
                throw new FetchException(Reason.TIMEOUT, source, at, authority(address) + " did not answer " + at
                        + " within " + settings.answerTimeout().toSeconds() + " s", cause);
            }
            String why = cause instanceof ConnectException ? "could not connect" : String.valueOf(cause.getMessage());
            throw new FetchException(Reason.NETWORK, source, at, "Fetching " + at + " failed: " + why, cause);
        }
    }

    private static FetchException tooLarge(String source, String address, long limit) {
        return new FetchException(Reason.TOO_LARGE, source, address, address + " answered with more than " + limit
                + " bytes, the size limit");
    }

    private HostState host(URI address) {
        return hosts.computeIfAbsent(authority(address), name -> new HostState(name, settings));
    }

    private static String authority(URI address) {
        String host = address.getHost() == null ? "" : address.getHost().toLowerCase(Locale.ROOT);
        return address.getPort() < 0 ? host : host + ":" + address.getPort();
    }

    /** @return the media type of a {@code Content-Type} value, lower case, without parameters */
    static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * @param value a {@code Retry-After} value: seconds, or an HTTP date
     * @return how long it asks to wait, or null when absent or malformed
     */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        try {
            Duration wait = Duration.between(Instant.now(),
                    ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException malformed) {
            return null;
        }
    }

    /** An answer and what its headers say about its body. */
    private record Answer(HttpResponse<byte[]> response) {

        int status() {
            return response.statusCode();
        }

        byte[] body() {
            return response.body();
        }

        String mediaType() {
            return PoliteHttpFetcher.mediaType(response.headers().firstValue("Content-Type").orElse(""));
        }

        Charset charset() {
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            for (String parameter : contentType.split(";")) {
                String[] pair = parameter.strip().split("=", 2);
                if (pair.length == 2 && pair[0].equalsIgnoreCase("charset")) {
                    try {
                        return Charset.forName(pair[1].strip().replace("\"", ""));
                    } catch (IllegalArgumentException unknown) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
            return StandardCharsets.UTF_8;
        }
    }
}
