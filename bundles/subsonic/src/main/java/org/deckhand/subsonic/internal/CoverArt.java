package org.deckhand.subsonic.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.deckhand.api.library.Artwork;
import org.deckhand.api.library.TagReader;
import org.deckhand.api.library.UnreadableAudioException;

/**
 * The pictures of getCoverArt: the artwork in a song's tags, whole, or scaled down to fit {@code size} pixels with
 * the JDK's Image I/O and bicubic interpolation, as JPEG. Thumbnails are cached in a folder, named by track, file
 * modification time and size, so that a changed file gets a new one.
 */
final class CoverArt {

    /** The largest {@code size} asked for, in pixels. */
    static final int MAX_SIZE = 2048;


    private final TagReader tags;
    private final Path cache;

    /**
     * @param tags reads the artwork from the files
     * @param cache the folder of the thumbnails, made when missing
     */
    CoverArt(TagReader tags, Path cache) {
        this.tags = tags;
        this.cache = cache;
    }

    /**
     * @param song the song whose artwork is wanted
     * @param size the largest width and height in pixels, or 0 for the picture as it is
     * @return the picture, or empty when the song's tags hold none or it cannot be decoded for scaling
     * @throws IOException if the file or the cache cannot be read or written
     */
    Optional<Artwork> of(Song song, int size) throws IOException {
        Path cached = cache.resolve(song.trackId() + "-" + Files.getLastModifiedTime(song.path()).toMillis() + "-"
                + size + ".jpg");
        if (size > 0 && Files.exists(cached)) {
            return Optional.of(new Artwork("image/jpeg", Files.readAllBytes(cached)));
        }
        Optional<Artwork> original;
        try {
            original = tags.readArtwork(song.path());
        } catch (UnreadableAudioException e) {
            throw new IOException("Cannot read the artwork of " + song.path() + ": " + e.getMessage(), e);
        }
        if (original.isEmpty() || size == 0) {
            return original;
        }
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(original.get().data()));
        if (image == null) {
            return original;
        }
        if (image.getWidth() <= size && image.getHeight() <= size) {
            return original;
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
        byte[] bytes = jpeg.toByteArray();
        Files.createDirectories(cache);
        Path temp = Files.createTempFile(cache, "thumbnail", ".tmp");
        Files.write(temp, bytes);
        try {
            Files.move(temp, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, cached, StandardCopyOption.REPLACE_EXISTING);
        }
        return Optional.of(new Artwork("image/jpeg", bytes));
    }
}
