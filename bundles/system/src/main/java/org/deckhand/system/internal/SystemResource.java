package org.deckhand.system.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.deckhand.api.library.LibraryScanner;
import org.deckhand.api.runtime.RuntimeProperties;
import org.deckhand.api.rest.RestResource;
import org.deckhand.api.tracklist.FetcherStatistics;
import org.deckhand.api.tracklist.PoliteFetcher;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** {@code /api/v1/system}: version, uptime, folders, JVM, memory, and every bundle with its state. */
@Component(service = RestResource.class)
@Path("system")
public final class SystemResource implements RestResource {

    private final BundleContext context;
    private final Instant started;
    private final PoliteFetcher fetcher;
    private final LibraryScanner scanner;

    /**
     * @param context this bundle's context, for the kernel's properties and the bundles
     * @param fetcher the tracklist sites' fetcher, for its cache's figures; {@code null} without the tracklists bundle
     * @param scanner the library watcher, the one source of the music folders (those given at start and those of
     *     its configuration); {@code null} without the watcher bundle, when no folder is followed
     */
    @Activate
    public SystemResource(BundleContext context, @Reference(cardinality = ReferenceCardinality.OPTIONAL,
            policyOption = ReferencePolicyOption.GREEDY) PoliteFetcher fetcher,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            LibraryScanner scanner) {
        this.context = context;
        this.fetcher = fetcher;
        this.scanner = scanner;
        String startedMillis = context.getProperty(RuntimeProperties.STARTED_MILLIS);
        this.started = startedMillis == null
                ? Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime())
                : Instant.ofEpochMilli(Long.parseLong(startedMillis));
    }

    /**
     * @return the server's state now
     * @throws IOException if the data folder cannot be measured
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public SystemInfo system() throws IOException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Runtime runtime = Runtime.getRuntime();
        List<String> music = scanner == null ? List.of()
                : scanner.musicFolders().stream().map(java.nio.file.Path::toString).toList();
        return new SystemInfo(
                context.getProperty(RuntimeProperties.VERSION),
                started,
                Duration.between(started, Instant.now()).toSeconds(),
                new Folders(context.getProperty(RuntimeProperties.HOME), context.getProperty(RuntimeProperties.DATA),
                        music, context.getProperty(RuntimeProperties.PLUGINS), context.getProperty(RuntimeProperties.CONFIG)),
                new Jvm(System.getProperty("java.version"), System.getProperty("java.vendor"),
                        System.getProperty("java.vm.name"), System.getProperty("os.name"),
                        System.getProperty("os.arch"), runtime.availableProcessors()),
                new Memory(memory.getHeapMemoryUsage().getUsed(), memory.getHeapMemoryUsage().getCommitted(),
                        runtime.maxMemory(), memory.getNonHeapMemoryUsage().getUsed()),
                Disk.of(java.nio.file.Path.of(context.getProperty(RuntimeProperties.DATA))),
                Arrays.stream(context.getBundles()).map(BundleStatus::of).toList(),
                fetcher == null ? null : fetcher.statistics());
    }

    /**
     * The server's state.
     *
     * @param version Deckhand's version
     * @param started when the server started
     * @param uptimeSeconds seconds since then
     * @param folders the folders it uses
     * @param jvm the Java runtime it runs on
     * @param memory its memory use
     * @param disk the data folder's use of its disk
     * @param bundles every installed bundle with its state, plugins included
     * @param tracklistCache the tracklist sites' cache and requests (size, hit rate, each site's budget);
     *     {@code null} when the tracklists bundle is not running
     */
    public record SystemInfo(String version, Instant started, long uptimeSeconds, Folders folders, Jvm jvm,
            Memory memory, Disk disk, List<BundleStatus> bundles, FetcherStatistics tracklistCache) {
    }

    /**
     * The folders the server uses, absolute.
     *
     * @param home the installation folder
     * @param data the data folder
     * @param music the music folders the library watcher follows
     * @param plugins the plugins folder
     * @param config the configuration folder
     */
    public record Folders(String home, String data, List<String> music, String plugins, String config) {
    }

    /**
     * The Java runtime.
     *
     * @param version Java version
     * @param vendor Java vendor
     * @param vm virtual machine name
     * @param os operating system name
     * @param arch processor architecture
     * @param processors processors available to the JVM
     */
    public record Jvm(String version, String vendor, String vm, String os, String arch, int processors) {
    }

    /**
     * Memory use, in bytes.
     *
     * @param heapUsedBytes heap in use
     * @param heapCommittedBytes heap reserved from the operating system
     * @param heapMaxBytes the heap's limit
     * @param nonHeapUsedBytes memory in use outside the heap: classes, code cache, threads' metadata
     */
    public record Memory(long heapUsedBytes, long heapCommittedBytes, long heapMaxBytes, long nonHeapUsedBytes) {
    }

    /**
     * The data folder on its disk, in bytes.
     *
     * @param dataBytes the size of the files in the data folder: catalog, search index, caches
     * @param freeBytes the space left on the file system that holds it
     */
    public record Disk(long dataBytes, long freeBytes) {

        static Disk of(java.nio.file.Path data) throws IOException {
            long size;
            try (Stream<java.nio.file.Path> files = Files.walk(data)) {
                size = files.filter(Files::isRegularFile).mapToLong(Disk::sizeOf).sum();
            }
            return new Disk(size, Files.getFileStore(data).getUsableSpace());
        }

        private static long sizeOf(java.nio.file.Path file) {
            try {
                return Files.size(file);
            } catch (IOException goneMeanwhile) {
                return 0;
            }
        }
    }
}
