package org.deckhand.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The readers on the real files of the test corpus, encoded by ffmpeg, LAME and libopus. */
class RealFilesTest {

    @ParameterizedTest
    @CsvSource({"real-formats/aiff, AIFF", "real-formats/flac, FLAC", "real-formats/m4a-aac, MP4",
        "real-formats/mp3-cbr320, MP3", "real-formats/mp3-vbr, MP3", "real-formats/opus, OPUS",
        "real-formats/wav, WAVE"})
    void detectsEveryFileOfAFormatFolder(String folder, MediaFormat format) throws IOException {
        for (Path file : Corpus.files(folder)) {
            Detection detection = FormatDetector.detect(file);
            assertEquals(format, detection.format(), file.toString());
        }
    }

    /**
     * The audio of a tagged MP3 starts at its first frame, at the sample rate ffprobe reports; the next frame follows
     * where its length says, at the file's constant bit rate.
     */
    @Test
    void mp3AudioStartsAtAFrameWhoseLengthLeadsToTheNext() throws IOException, InterruptedException {
        for (Path file : Corpus.files("real-formats/mp3-cbr320")) {
            Detection detection = FormatDetector.detect(file);
            byte[] frames = read(file, detection.audioOffset(), 8192);
            assertEquals(ffprobeSampleRateHz(file), MpegFrameHeader.sampleRateHz(frames, 0), file.toString());
            assertTrue(MpegFrameHeader.isSyncedFrame(frames, 0), file.toString());
            int second = MpegFrameHeader.frameBytes(frames, 0);
            assertEquals(320, MpegFrameHeader.bitrateKbps(frames, second), file.toString());
        }
    }

    private static int ffprobeSampleRateHz(Path file) throws IOException, InterruptedException {
        Process ffprobe = new ProcessBuilder("ffprobe", "-v", "error", "-select_streams", "a:0", "-show_entries",
                "stream=sample_rate", "-of", "csv=p=0", file.toString()).redirectErrorStream(true).start();
        String out = new String(ffprobe.getInputStream().readAllBytes()).strip();
        assertEquals(0, ffprobe.waitFor(), out);
        return Integer.parseInt(out);
    }

    @Test
    void brokenFilesAreToldApart() throws IOException {
        Detection garbage = FormatDetector.detect(Corpus.file("broken/garbage-id3v2.mp3"));
        assertEquals(MediaFormat.MP3, garbage.format());
        assertTrue(garbage.garbageId3Tag());
        assertTrue(garbage.audioOffset() >= 600, "the 600 random bytes after the tag's header are skipped");
        assertEquals(MediaFormat.TEXT, FormatDetector.detect(Corpus.file("broken/song.mp3")).format());
        assertEquals(MediaFormat.EMPTY, FormatDetector.detect(Corpus.file("broken/empty.flac")).format());
        assertEquals(MediaFormat.OGG_VORBIS, FormatDetector.detect(Corpus.file("broken/cut-mid-page.ogg")).format());
    }

    /** The first audio track of ffmpeg's M4A files: a stereo {@code mp4a} sample entry, whichever file it is. */
    @Test
    void mp4BoxesLeadToTheAudioSampleEntry() throws IOException {
        for (Path file : Corpus.files("real-formats/m4a-aac")) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                Mp4BoxHeader moov = Mp4BoxHeader.findTopLevel(channel, "moov");
                assertNotNull(moov, file.toString());
                ByteBuffer body = moov.readBody(channel);
                Mp4Box trak = Mp4Box.first(body, 0, body.limit());
                while (trak != null && !trak.isAudioTrack(body)) {
                    trak = trak.next(body);
                }
                assertNotNull(trak, file + ": no audio track");
                Mp4Box stsd = trak.find(body, "mdia", "minf", "stbl", "stsd");
                Mp4Box entry = Mp4Box.first(body, stsd.body() + 8, stsd.end());
                assertEquals("mp4a", entry.type(), file.toString());
                assertEquals(2, body.getShort(entry.body() + 16), file + ": channelcount");
            }
        }
    }

    /**
     * The pages of an Opus file chain from its first byte to its last, and the page found by searching back from the
     * end is the last of the chain.
     */
    @Test
    void oggPagesOfOpusFilesChainToTheEnd() throws IOException {
        for (Path file : Corpus.files("real-formats/opus")) {
            byte[] bytes = Files.readAllBytes(file);
            long granule = -1;
            int pages = 0;
            for (int at = 0; at < bytes.length; pages++) {
                OggPage page = OggPage.parse(bytes, at);
                assertNotNull(page, file + ": no page at byte " + at);
                int body = 0;
                for (int segment = 0; segment < page.segments(); segment++) {
                    body += page.lacing(segment);
                }
                granule = page.granulePosition();
                at += page.headerBytes() + body;
            }
            assertTrue(pages > 2, file + ": " + pages + " pages");
            assertTrue(granule > 48_000, file + ": granule " + granule);
            assertEquals(granule, OggPage.granulePosition(bytes, lastPage(bytes)), file.toString());
        }
    }

    private static int lastPage(byte[] bytes) {
        for (int at = bytes.length - OggPage.FIXED_HEADER_BYTES; at >= 0; at--) {
            if (OggPage.startsPage(bytes, at)) {
                return at;
            }
        }
        return -1;
    }

    private static byte[] read(Path file, long at, int length) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(length);
            channel.read(buffer, at);
            return Arrays.copyOf(buffer.array(), buffer.position());
        }
    }
}
