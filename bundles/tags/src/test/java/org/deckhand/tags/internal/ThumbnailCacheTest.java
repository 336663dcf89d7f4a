package org.deckhand.tags.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.deckhand.api.library.Artwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Thumbnails of pictures embedded by metaflac into copies of a corpus FLAC, read through JAudioTagger. */
class ThumbnailCacheTest {

    @TempDir
    Path folder;

    @Test
    void aCoverIsScaledToFitOnceAndTheTracksThatShareItShareItsThumbnail() throws IOException {
        Path cover = picture(800, 600, Color.RED);
        Path first = flacWith(cover, "first.flac");
        Path second = flacWith(cover, "second.flac");
        Path cache = folder.resolve("artwork");
        ThumbnailCache thumbnails = new ThumbnailCache(new JaudiotaggerTagReader(), cache, 1 << 20);

        Artwork small = thumbnails.artwork(first, 96).orElseThrow();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(small.data()));
        assertEquals("image/jpeg", small.mimeType());
        assertEquals(96, image.getWidth());
        assertEquals(72, image.getHeight());
        assertTrue(new Color(image.getRGB(48, 36)).getRed() > 200, "the thumbnail shows the red cover");

        assertArrayEquals(small.data(), thumbnails.artwork(second, 96).orElseThrow().data());
        thumbnails.artwork(second, 300);
        assertEquals(2, jpegs(cache).size(), "one file per picture and size: " + jpegs(cache));

        Artwork whole = thumbnails.artwork(first, 0).orElseThrow();
        assertEquals("image/png", whole.mimeType());
        assertArrayEquals(Files.readAllBytes(cover), whole.data());
        assertEquals("image/png", thumbnails.artwork(first, 1000).orElseThrow().mimeType(),
                "a picture smaller than the size asked for comes as embedded");
    }

    @Test
    void aFullCacheDropsItsLeastRecentlyUsedThumbnails() throws IOException {
        Path cache = folder.resolve("artwork");
        ThumbnailCache thumbnails = new ThumbnailCache(new JaudiotaggerTagReader(), cache, 1);
        Path red = flacWith(picture(400, 400, Color.RED), "red.flac");
        Path blue = flacWith(picture(400, 400, Color.BLUE), "blue.flac");

        thumbnails.artwork(red, 96);
        Path redThumbnail = jpegs(cache).get(0);
        Files.setLastModifiedTime(redThumbnail, FileTime.fromMillis(0));
        thumbnails.artwork(blue, 96);

        List<Path> left = jpegs(cache);
        assertEquals(1, left.size(), left.toString());
        assertTrue(!left.contains(redThumbnail), "the older thumbnail went first");
        assertEquals(96, ImageIO.read(new ByteArrayInputStream(thumbnails.artwork(red, 96).orElseThrow().data()))
                .getWidth(), "a dropped thumbnail is made again");
    }

    @Test
    void aFileWithoutAPictureHasNoneAndABadSizeOrAFileThatIsNotAudioAreRefused() throws IOException {
        Path bare = Files.copy(corpusFlac(), folder.resolve("bare.flac"));
        Path notAudio = Files.writeString(folder.resolve("notes.flac"), "not audio");
        ThumbnailCache thumbnails = new ThumbnailCache(new JaudiotaggerTagReader(), folder.resolve("artwork"), 1 << 20);

        assertTrue(thumbnails.artwork(bare, 96).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> thumbnails.artwork(bare, 4096));
        IOException error = assertThrows(IOException.class, () -> thumbnails.artwork(notAudio, 96));
        assertTrue(error.getMessage().contains("notes.flac"), error.getMessage());
    }

    private Path flacWith(Path picture, String name) {
        Path copy = folder.resolve(name);
        try {
            Files.copy(corpusFlac(), copy);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Tools.run(List.of("metaflac", "--import-picture-from=3||||" + picture, copy.toString()));
        return copy;
    }

    private Path picture(int width, int height, Color colour) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(colour);
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        Path file = folder.resolve(colour.getRGB() + "-" + width + "x" + height + ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static Path corpusFlac() {
        try (Stream<Path> files = Files.list(Tools.corpus().resolve("real-formats/flac"))) {
            return files.filter(file -> file.toString().endsWith(".flac")).sorted().findFirst().orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> jpegs(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(file -> file.toString().endsWith(".jpg")).sorted().toList();
        }
    }
}
