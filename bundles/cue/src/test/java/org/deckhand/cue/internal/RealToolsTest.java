package org.deckhand.cue.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.deckhand.api.cue.CueDraft;
import org.deckhand.api.cue.CueEntry;
import org.deckhand.api.cue.CueFileType;
import org.deckhand.api.cue.CueProblem;
import org.deckhand.api.cue.CueProblem.Kind;
import org.deckhand.api.cue.CueSheet;
import org.deckhand.api.cue.CueTime;
import org.deckhand.api.cue.CueTrack;
import org.deckhand.api.cue.CueWriting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer's sheets as the tools people use read them, over real FLAC recordings made at test time from the
 * corpus's audio: a mix of four corpus tracks (non-Latin names, a title with double quotes; each but the first cut
 * short by a number of samples that is not a whole CD frame, so that the cue times fall between frames), and a mix
 * longer than 99 minutes; and, with the tracklist fixtures (the {@code deckhand.fixtures} property), a 47-minute mix at the cue
 * times of a real 1001Tracklists page (a first entry at 0:07, mashup rows sharing a time). metaflac must import the
 * sheet as a CD-DA cue sheet with nothing on its standard error, cuetools must read it without a complaint, and
 * shnsplit's pieces must be as long as the cue times say, within one CD frame (588 samples).
 */
class RealToolsTest {

    private static final int RATE = 44_100;
    private static final int BYTES_PER_SAMPLE = 4;
    private static final int SAMPLES_PER_FRAME = RATE / CueTime.FRAMES_PER_SECOND;

    private final CueSheetService cue = new CueSheetService();
    private final List<byte[]> tracks = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    @TempDir
    Path folder;

    @BeforeEach
    void decodeCorpusTracks() throws Exception {
        String corpus = System.getProperty("deckhand.corpus", System.getenv("DECKHAND_CORPUS"));
        assumeTrue(corpus != null && Files.isDirectory(Path.of(corpus, "real-formats/flac")),
                "no test corpus: build one with /work/shared/corpus/build.sh --quick /tmp/deckhand-corpus, then run "
                        + "with DECKHAND_CORPUS=/tmp/deckhand-corpus");
        Tool.assumeInstalled("ffmpeg", "ffmpeg");
        Tool.assumeInstalled("flac", "flac");
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of(corpus, "real-formats/flac"))) {
            files = listing.filter(file -> file.getFileName().toString().matches("0[1378] - .*\\.flac")).sorted()
                    .toList();
        }
        assertEquals(4, files.size(), "corpus tracks 01, 03, 07 and 08 of real-formats/flac");
        for (Path file : files) {
            Path raw = folder.resolve(tracks.size() + ".raw");
            Tool decoded = Tool.run(folder, null, "ffmpeg", "-nostdin", "-v", "error", "-i", file.toString(),
                    "-f", "s16le", "-ac", "2", "-ar", Integer.toString(RATE), raw.toString());
            assertEquals(0, decoded.exitCode(), decoded.errors());
            byte[] pcm = Files.readAllBytes(raw);
            int trimmed = tracks.size() * 7_001 * BYTES_PER_SAMPLE;
            tracks.add(Arrays.copyOf(pcm, pcm.length - trimmed));
            names.add(file.getFileName().toString().replaceFirst("\\.flac$", ""));
        }
    }

    @Test
    void aMixOfCorpusTracksPassesMetaflacCuetoolsAndShnsplit() throws Exception {
        List<Long> startSamples = new ArrayList<>();
        List<InputStream> audio = new ArrayList<>();
        long total = 0;
        for (byte[] track : tracks) {
            startSamples.add(total);
            audio.add(new ByteArrayInputStream(track));
            total += track.length / BYTES_PER_SAMPLE;
        }
        long samples = total / RATE * RATE; // a whole number of seconds, so a whole number of CD frames
        Path mix = encode("mix.flac", new BoundedStream(new SequenceInputStream(Collections.enumeration(audio)),
                samples * BYTES_PER_SAMPLE));
        List<CueEntry> entries = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String[] parts = names.get(i).split(" - ", 3);
            entries.add(new CueEntry(parts[1], parts[2], startSamples.get(i) / (double) RATE));
        }
        CueWriting writing = write("mix", samples / (double) RATE, entries);

        metaflacImports(mix, writing.sheet());
        cuetoolsRead(writing.sheet());
        Tool cueprint = Tool.run(folder, null, "cueprint", "mix.cue");
        assertTrue(cueprint.out().contains("坂本龍一風トリオ") && cueprint.out().contains("Песня без слов")
                && cueprint.out().contains("Back_Slash & \u201CQuotes\u201D"), cueprint.out());
        shnsplitCutsAtTheIndexes(mix, writing.sheet(), samples, 1);
    }

    @Test
    void aMixLongerThan99MinutesPassesToo() throws Exception {
        long[] startSeconds = {0, 3_000, 6_030};
        long totalSamples = 6_100L * RATE;
        List<InputStream> audio = new ArrayList<>();
        List<CueEntry> entries = new ArrayList<>();
        for (int i = 0; i < startSeconds.length; i++) {
            long end = i + 1 < startSeconds.length ? startSeconds[i + 1] * RATE : totalSamples;
            long gap = (end - startSeconds[i] * RATE) * BYTES_PER_SAMPLE - tracks.get(i).length;
            audio.add(new ByteArrayInputStream(tracks.get(i)));
            audio.add(new BoundedStream(InputStream.nullInputStream(), gap));
            String[] parts = names.get(i).split(" - ", 3);
            entries.add(new CueEntry(parts[1], parts[2], startSeconds[i] + (i == 2 ? 0.16 : 0)));
        }
        Path mix = encode("long.flac", new SequenceInputStream(Collections.enumeration(audio)));
        CueWriting writing = write("long", 6_100.0, entries);

        assertTrue(writing.text().contains("INDEX 01 100:30:12"), writing.text());
        metaflacImports(mix, writing.sheet());
        cuetoolsRead(writing.sheet());
        shnsplitCutsAtTheIndexes(mix, writing.sheet(), totalSamples, 3);
    }

    @Test
    void aRealTracklistsCueTimesGiveASheetTheToolsAccept() throws Exception {
        String fixtures = System.getProperty("deckhand.fixtures");
        Path page = fixtures == null ? null
                : Path.of(fixtures, "tracklists/1001tracklists/curbi-tape-06-2021-03-12.html");
        assumeTrue(page != null && Files.isRegularFile(page), "no tracklist fixtures in " + fixtures
                + ": the build finds them in ../shared/fixtures beside the repository");
        Matcher hidden = Pattern.compile("id=\"tlp\\d+_cue_seconds\" type=\"hidden\" value=\"(\\d+)\"")
                .matcher(Files.readString(page));
        List<Long> cueSeconds = new ArrayList<>();
        while (hidden.find()) {
            cueSeconds.add(Long.parseLong(hidden.group(1)));
        }
        assertEquals(31, cueSeconds.size(), "the page's hidden *_cue_seconds inputs");
        long totalSeconds = cueSeconds.get(cueSeconds.size() - 1) + 120;
        List<InputStream> audio = new ArrayList<>();
        List<CueEntry> entries = new ArrayList<>();
        long at = 0;
        for (int i = 0; i < cueSeconds.size(); i++) {
            long end = i + 1 < cueSeconds.size() ? cueSeconds.get(i + 1) : totalSeconds;
            if (end > at) {
                audio.add(new BoundedStream(new ByteArrayInputStream(tracks.get(i % tracks.size())),
                        (end - at) * RATE * BYTES_PER_SAMPLE));
                at = end;
            }
            entries.add(new CueEntry("Artist " + (i + 1), "Title " + (i + 1), (double) cueSeconds.get(i)));
        }
        Path mix = encode("curbi.flac", new SequenceInputStream(Collections.enumeration(audio)));
        CueWriting writing = cue.write(new CueDraft("Curbi Tape 06", "Curbi", "2021-03-12", "House",
                "https://www.1001tracklists.com/tracklist/curbi-tape-06", "curbi.flac", CueFileType.WAVE,
                (double) totalSeconds, entries));
        Files.write(folder.resolve("sheet.cue"), writing.bytes());

        assertEquals(List.of(Kind.FIRST_MOVED_TO_START, Kind.NOT_AFTER_PREVIOUS, Kind.NOT_AFTER_PREVIOUS,
                Kind.NOT_AFTER_PREVIOUS, Kind.NOT_AFTER_PREVIOUS),
                writing.problems().stream().map(CueProblem::kind).toList(), "a late start and two mashups' rows");
        assertEquals(List.of(1, 3, 4, 14, 15), writing.problems().stream().map(CueProblem::entry).toList());
        assertEquals(27, writing.sheet().tracks().size());
        metaflacImports(mix, writing.sheet());
        cuetoolsRead(writing.sheet());
        shnsplitCutsAtTheIndexes(mix, writing.sheet(), totalSeconds * RATE, 1);
    }

    private CueWriting write(String name, double seconds, List<CueEntry> entries) throws IOException {
        CueWriting writing = cue.write(new CueDraft("Corpus " + name, "Deckhand", "2026", "Test", null,
                name + ".flac", CueFileType.WAVE, seconds, entries));
        assertEquals(List.of(), writing.problems());
        Files.write(folder.resolve(name + ".cue"), writing.bytes());
        Files.copy(folder.resolve(name + ".cue"), folder.resolve("sheet.cue"), StandardCopyOption.REPLACE_EXISTING);
        return writing;
    }

    private Path encode(String name, InputStream pcm) throws Exception {
        Tool encoded = Tool.run(folder, pcm, "flac", "--silent", "--force", "--force-raw-format", "--endian=little",
                "--sign=signed", "--channels=2", "--bps=16", "--sample-rate=" + RATE, "-0", "-o", name, "-");
        assertEquals(0, encoded.exitCode(), encoded.errors());
        return folder.resolve(name);
    }

    private void metaflacImports(Path mix, CueSheet sheet) throws Exception {
        Tool.assumeInstalled("metaflac", "flac");
        Path copy = Files.copy(mix, folder.resolve("imported.flac"), StandardCopyOption.REPLACE_EXISTING);
        Tool imported = Tool.run(folder, null, "metaflac", "--import-cuesheet-from=sheet.cue", copy.toString());
        assertEquals("", imported.errors(), "metaflac's complaint");
        assertEquals(0, imported.exitCode());
        Tool listed = Tool.run(folder, null, "metaflac", "--list", "--block-type=CUESHEET", copy.toString());
        assertTrue(listed.out().contains("is CD: true"), listed.out());
        Tool exported = Tool.run(folder, null, "metaflac", "--export-cuesheet-to=-", copy.toString());
        CueSheet back = cue.parse("metaflac's export", exported.out().getBytes(StandardCharsets.UTF_8));
        assertEquals(starts(sheet), starts(back), exported.out());
    }

    private void cuetoolsRead(CueSheet sheet) throws Exception {
        Tool.assumeInstalled("cueprint", "cuetools");
        Tool cueprint = Tool.run(folder, null, "cueprint", "sheet.cue");
        assertEquals("", cueprint.errors(), "cueprint's complaint");
        assertTrue(cueprint.out().contains("no. of tracks:\t" + sheet.tracks().size()), cueprint.out());
        Tool breakpoints = Tool.run(folder, null, "cuebreakpoints", "sheet.cue");
        assertEquals("", breakpoints.errors(), "cuebreakpoints' complaint");
        List<String> expected = sheet.tracks().stream().skip(1).map(track -> String.format(Locale.ROOT,
                "%d:%02d.%02d", track.startFrames() / 4_500, track.startFrames() / 75 % 60, track.startFrames() % 75))
                .toList();
        assertEquals(expected, breakpoints.out().lines().toList());
    }

    private void shnsplitCutsAtTheIndexes(Path mix, CueSheet sheet, long totalSamples, int fromTrack)
            throws Exception {
        Tool.assumeInstalled("shnsplit", "shntool");
        Path pieces = Files.createDirectories(folder.resolve("pieces-" + mix.getFileName()));
        Tool split = Tool.run(folder, null, "shnsplit", "-q", "-O", "always", "-d", pieces.toString(), "-o", "wav",
                "-x", fromTrack + "-" + sheet.tracks().size(), "-f", "sheet.cue", mix.toString());
        assertEquals(0, split.exitCode(), split.errors());
        List<Long> starts = starts(sheet);
        int checked = 0;
        for (int i = 0; i < starts.size(); i++) {
            Path piece = pieces.resolve(String.format(Locale.ROOT, "split-track%02d.wav", i + 1));
            if (!Files.exists(piece)) {
                continue;
            }
            long end = i + 1 < starts.size() ? starts.get(i + 1) * SAMPLES_PER_FRAME : totalSamples;
            long expected = end - starts.get(i) * SAMPLES_PER_FRAME;
            long actual = WavData.samples(piece);
            assertTrue(Math.abs(actual - expected) <= SAMPLES_PER_FRAME, piece.getFileName() + " holds " + actual
                    + " samples, the sheet says " + expected);
            checked++;
            Files.delete(piece);
        }
        assertEquals(starts.size() - fromTrack + 1, checked, "pieces written: " + split.errors());
    }

    private static List<Long> starts(CueSheet sheet) {
        return sheet.tracks().stream().map(CueTrack::startFrames).toList();
    }

    /** At most a number of bytes of a stream, then zeros until that number when the stream ends sooner. */
    private static final class BoundedStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedStream(InputStream in, long length) {
            this.in = in;
            left = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int wanted = (int) Math.min(length, left);
            int read = in.read(buffer, offset, wanted);
            if (read < 0) {
                Arrays.fill(buffer, offset, offset + wanted, (byte) 0);
                read = wanted;
            }
            left -= read;
            return read;
        }
    }
}
