package org.deckhand.webadmin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files of the built console, read from a folder of a class loader's resources ({@code web/} in this bundle) and
 * kept once read. Names must come from {@link WebPath}, which admits no path that leaves the folder.
 */
final class WebFiles {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html;charset=UTF-8"),
            Map.entry("js", "text/javascript;charset=UTF-8"),
            Map.entry("mjs", "text/javascript;charset=UTF-8"),
            Map.entry("css", "text/css;charset=UTF-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("txt", "text/plain;charset=UTF-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"));
    private static final String GZIP_SUFFIX = ".gz";

    private final ClassLoader loader;
    private final String folder;
    private final Map<String, WebFile> read = new ConcurrentHashMap<>();

    /**
     * @param loader the class loader whose resources hold the files
     * @param folder the folder of the resources, such as {@code web}
     */
    WebFiles(ClassLoader loader, String folder) {
        this.loader = loader;
        this.folder = folder;
    }

    /**
     * @param name a file's name relative to the folder, as {@link WebPath#file()} gives it
     * @return the file, if the folder holds one of that name whose type is known; a {@code .gz} file itself is not
     *     served by name, only as the compressed form of its original
     * @throws UncheckedIOException if the file exists but cannot be read
     */
    Optional<WebFile> find(String name) {
        WebFile known = read.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        String type = TYPES.get(extension(name));
        if (type == null) {
            return Optional.empty();
        }
        Optional<byte[]> content = bytes(name);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        WebFile file = new WebFile(content.get(), bytes(name + GZIP_SUFFIX).orElse(null), type, etag(content.get()));
        read.put(name, file);
        return Optional.of(file);
    }

    private Optional<byte[]> bytes(String name) {
        URL resource = loader.getResource(folder + "/" + name);
        if (resource == null) {
            return Optional.empty();
        }
        try (InputStream in = resource.openStream()) {
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the console's file " + folder + "/" + name, e);
        }
    }

    private static String extension(String name) {
        return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    private static String etag(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return '"' + HexFormat.of().formatHex(digest, 0, 12) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
