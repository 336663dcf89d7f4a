package org.deckhand.tracklists.internal.fetch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.deckhand.api.tracklist.FetchedPage;
import org.deckhand.api.tracklist.PageKind;
import org.ehcache.Cache;
import org.ehcache.PersistentCacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ExpiryPolicyBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.config.units.EntryUnit;
import org.ehcache.config.units.MemoryUnit;
import org.ehcache.core.internal.statistics.DefaultStatisticsService;
import org.ehcache.core.statistics.CacheStatistics;
import org.ehcache.core.statistics.TierStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fetcher's cache: Ehcache 3 with a heap tier and a persistent disk tier in a folder of the data folder, one
 * cache per {@link PageKind}, each with its own time to live. It survives a restart once {@link #close()}d; a cache
 * folder Ehcache cannot open (left locked or damaged by a crash) is emptied and opened afresh, since everything in
 * it can be fetched again.
 */
final class PageCache implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PageCache.class);
    private static final String FORMAT = "deckhand-page-1";

    private final PersistentCacheManager manager;
    private final DefaultStatisticsService statistics = new DefaultStatisticsService();
    private final Map<PageKind, Cache<String, String>> caches = new EnumMap<>(PageKind.class);

    /**
     * @param folder the cache's folder, created when missing
     * @param settings sizes and times to live
     * @throws IOException if the folder cannot be created or emptied
     */
    PageCache(Path folder, FetcherSettings settings) throws IOException {
        Files.createDirectories(folder);
        PersistentCacheManager opened;
        try {
            opened = open(folder, settings);
        } catch (RuntimeException unusable) {
            LOG.warn("The tracklist cache in {} could not be opened ({}); it is emptied and made anew", folder,
                    unusable.getMessage());
            empty(folder);
            opened = open(folder, settings);
        }
        manager = opened;
        for (PageKind kind : PageKind.values()) {
            caches.put(kind, manager.getCache(kind.name(), String.class, String.class));
        }
    }

    private PersistentCacheManager open(Path folder, FetcherSettings settings) {
        CacheManagerBuilder<PersistentCacheManager> builder = CacheManagerBuilder.newCacheManagerBuilder()
                .using(statistics)
                .with(CacheManagerBuilder.persistence(folder.toFile()))
                .withClassLoader(PageCache.class.getClassLoader());
        for (PageKind kind : PageKind.values()) {
            Duration timeToLive = kind == PageKind.SEARCH ? settings.searchTimeToLive() : settings.pageTimeToLive();
            builder = builder.withCache(kind.name(), CacheConfigurationBuilder.newCacheConfigurationBuilder(
                    String.class, String.class, ResourcePoolsBuilder.newResourcePoolsBuilder()
                            .heap(settings.cacheHeapEntries(), EntryUnit.ENTRIES)
                            .disk(settings.cacheDiskMegabytes(), MemoryUnit.MB, true))
                    .withExpiry(ExpiryPolicyBuilder.timeToLiveExpiration(timeToLive)));
        }
        return builder.build(true);
    }

    private static void empty(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!file.equals(folder)) {
                    Files.delete(file);
                }
            }
        }
    }

    /**
     * @param kind the kind of answer
     * @param address the address asked for
     * @return the cached page, marked as from the cache, if the cache holds one that has not expired
     */
    Optional<FetchedPage> get(PageKind kind, String address) {
        String value = caches.get(kind).get(address);
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.split("\n", 5);
        if (parts.length < 5 || !parts[0].equals(FORMAT)) {
            caches.get(kind).remove(address);
            return Optional.empty();
        }
        return Optional.of(new FetchedPage(parts[3], parts[2], parts[4],
                Instant.ofEpochMilli(Long.parseLong(parts[1])), true));
    }

    /**
     * @param kind the kind of answer
     * @param address the address asked for
     * @param page what the site answered
     */
    void put(PageKind kind, String address, FetchedPage page) {
        caches.get(kind).put(address, FORMAT + "\n" + page.fetched().toEpochMilli() + "\n" + page.mediaType() + "\n"
                + page.address() + "\n" + page.body());
    }

    /** @param address an address whose answers, of every kind, leave the cache */
    void remove(String address) {
        caches.values().forEach(cache -> cache.remove(address));
    }

    /**
     * The cache's figures, summed over the kinds.
     *
     * @param entries entries on disk (every entry is)
     * @param heapEntries entries also on the heap
     * @param diskBytes bytes the disk tier occupies
     * @param hits gets the cache answered
     * @param misses gets it could not answer
     */
    record Figures(long entries, long heapEntries, long diskBytes, long hits, long misses) {
    }

    /** @return the cache's figures now */
    Figures figures() {
        long entries = 0;
        long heap = 0;
        long disk = 0;
        long hits = 0;
        long misses = 0;
        for (PageKind kind : PageKind.values()) {
            CacheStatistics cache = statistics.getCacheStatistics(kind.name());
            hits += cache.getCacheHits();
            misses += cache.getCacheMisses();
            for (Map.Entry<String, TierStatistics> tier : cache.getTierStatistics().entrySet()) {
                if (tier.getKey().equals("Disk")) {
                    entries += tier.getValue().getMappings();
                    disk += tier.getValue().getOccupiedByteSize();
                } else if (tier.getKey().equals("OnHeap")) {
                    heap += tier.getValue().getMappings();
                }
            }
        }
        return new Figures(entries, heap, disk, hits, misses);
    }

    /** Writes the disk tier out and releases the folder; the next cache on the folder finds every entry. */
    @Override
    public void close() {
        manager.close();
    }
}
