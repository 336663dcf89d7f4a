package org.deckhand.tags.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.deckhand.api.library.Artwork;
import org.deckhand.api.library.ArtworkThumbnails;
import org.deckhand.api.library.TagReader;
import org.deckhand.api.library.UnreadableAudioException;
import org.deckhand.api.runtime.RuntimeProperties;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The thumbnails in {@code DATA/artwork}: one JPEG file per picture and size, {@code <sha256>-<size>.jpg}, written
 * to a temporary file and moved into place, so that a crash leaves no half-written one. A hit refreshes the file's
 * modification time; once the folder holds more than {@link #DEFAULT_MAX_BYTES}, the least recently used files are
 * deleted until it holds three quarters of that.
 */
@Component(service = ArtworkThumbnails.class)
public final class ThumbnailCache implements ArtworkThumbnails {

    /** The most the cache holds by default, in bytes: 64 MiB, about 20,000 thumbnails of 96 px. */
    static final long DEFAULT_MAX_BYTES = 64L << 20;

    private final TagReader tags;
    private final Path folder;
    private final long maxBytes;
    private final Object trimming = new Object();
    /** What the folder holds, in bytes, as last counted plus what was written since; -1 until first counted. */
    private long heldBytes = -1;

    /**
     * @param context this bundle's context, for the data folder
     * @param tags reads the pictures from the files
     */
    @Activate
    public ThumbnailCache(BundleContext context, @Reference TagReader tags) {
        this(tags, Path.of(context.getProperty(RuntimeProperties.DATA), "artwork"), DEFAULT_MAX_BYTES);
    }

    /**
     * @param tags reads the pictures from the files
     * @param folder the cache's folder, made when missing
     * @param maxBytes the most the folder holds, in bytes
     */
    ThumbnailCache(TagReader tags, Path folder, long maxBytes) {
        this.tags = tags;
        this.folder = folder;
        this.maxBytes = maxBytes;
    }

    @Override
    public Optional<Artwork> artwork(Path file, int size) throws IOException {
        if (size < 0 || size > MAX_SIZE) {
            throw new IllegalArgumentException("a thumbnail's size lies in 0.." + MAX_SIZE + " pixels, not " + size);
        }
        Optional<Artwork> original;
        try {
            original = tags.readArtwork(file);
        } catch (UnreadableAudioException e) {
            throw new IOException("Cannot read the artwork of " + file + ": " + e.getMessage(), e);
        }
        if (original.isEmpty() || size == 0) {
            return original;
        }
        Path cached = folder.resolve(sha256(original.get().data()) + "-" + size + ".jpg");
        try {
            byte[] bytes = Files.readAllBytes(cached);
            Files.setLastModifiedTime(cached, FileTime.fromMillis(System.currentTimeMillis()));
            return Optional.of(new Artwork("image/jpeg", bytes));
        } catch (NoSuchFileException notYet) {
            Optional<byte[]> scaled = scaled(original.get(), size);
            if (scaled.isEmpty()) {
                return original;
            }
            store(cached, scaled.get());
            return Optional.of(new Artwork("image/jpeg", scaled.get()));
        }
    }

    /** @return the picture scaled to fit {@code size}, as JPEG; empty when it fits already or cannot be decoded */
    private static Optional<byte[]> scaled(Artwork original, int size) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(original.data()));
        if (image == null || image.getWidth() <= size && image.getHeight() <= size) {
            return Optional.empty();
        }
        double scale = (double) size / Math.max(image.getWidth(), image.getHeight());
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = scaled.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        graphics.drawImage(image, 0, 0, width, height, null);
        graphics.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(scaled, "jpg", jpeg);
        return Optional.of(jpeg.toByteArray());
    }

    private void store(Path cached, byte[] bytes) throws IOException {
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "thumbnail", ".tmp");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, cached, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        synchronized (trimming) {
            if (heldBytes < 0 || (heldBytes += bytes.length) > maxBytes) {
                heldBytes = trim(cached);
            }
        }
    }

    /**
     * Deletes the least recently used thumbnails when the folder holds more than {@link #maxBytes}, all but the one
     * just written.
     *
     * @param kept the thumbnail just written
     * @return how many bytes the folder holds afterwards
     */
    private long trim(Path kept) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(path -> path.getFileName().toString().endsWith(".jpg")).toList();
        }
        long total = 0;
        for (Path file : files) {
            total += sizeOf(file);
        }
        if (total <= maxBytes) {
            return total;
        }
        List<Path> oldestFirst = files.stream().sorted(Comparator.comparing(ThumbnailCache::modified)).toList();
        for (Path file : oldestFirst) {
            if (total <= maxBytes * 3 / 4) {
                break;
            }
            if (file.equals(kept)) {
                continue;
            }
            long size = sizeOf(file);
            Files.deleteIfExists(file);
            total -= size;
        }
        return total;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException gone) {
            return 0;
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException gone) {
            return FileTime.fromMillis(0);
        }
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks SHA-256", e);
        }
    }
}
