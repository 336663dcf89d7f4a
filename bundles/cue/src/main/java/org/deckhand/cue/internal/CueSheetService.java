package org.deckhand.cue.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deckhand.api.cue.CueDraft;
import org.deckhand.api.cue.CueSheet;
import org.deckhand.api.cue.CueSheetReader;
import org.deckhand.api.cue.CueSheetWriter;
import org.deckhand.api.cue.CueTrack;
import org.deckhand.api.cue.CueWriting;
import org.deckhand.api.cue.MalformedCueSheetException;
import org.deckhand.cue.internal.ParsedSheet.ParsedTrack;
import org.osgi.service.component.annotations.Component;

/**
 * The CUE sheet writer and reader: {@link SheetWriter} writes, {@link CueParser} reads, and every written sheet is
 * read back and checked by {@link CdDaRules} before it is handed out. Stateless and thread-safe.
 */
@Component(service = {CueSheetWriter.class, CueSheetReader.class})
public final class CueSheetService implements CueSheetWriter, CueSheetReader {

    @Override
    public CueWriting write(CueDraft draft) {
        SheetWriter.Written written = SheetWriter.write(draft);
        String source = "the CUE sheet of " + draft.fileName();
        ParsedSheet parsed;
        try {
            parsed = CueParser.parse(source, written.text());
        } catch (MalformedCueSheetException e) {
            throw new IllegalStateException("Deckhand wrote a CUE sheet it cannot read back: " + e.getMessage(), e);
        }
        List<String> violations = CdDaRules.violations(written.text(), parsed);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("Deckhand wrote a CUE sheet that metaflac would reject (" + source + "): "
                    + String.join("; ", violations));
        }
        return new CueWriting(written.text(), sheet(parsed), written.problems());
    }

    @Override
    public CueSheet read(Path file) throws IOException {
        String source = file.toString();
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readNBytes(MAX_BYTES + 1);
        }
        return parse(source, content);
    }

    @Override
    public CueSheet parse(String source, byte[] content) throws MalformedCueSheetException {
        if (content.length > MAX_BYTES) {
            throw new MalformedCueSheetException(source, 0, "larger than " + MAX_BYTES
                    + " bytes: not a CUE sheet (the largest real ones are under 100 KB)");
        }
        ParsedSheet parsed = CueParser.parse(source, SheetText.decode(source, content));
        long previousStart = -1;
        String previousFile = null;
        for (ParsedTrack track : parsed.tracks()) {
            long start = start(track);
            boolean sameFile = parsed.dialect() == CueSheet.Dialect.REKORDBOX || track.file().equals(previousFile);
            if (sameFile && start < previousStart) {
                throw new MalformedCueSheetException(source, track.line(), "TRACK " + track.number()
                        + " starts before the track above it");
            }
            previousStart = start;
            previousFile = track.file();
        }
        return sheet(parsed);
    }

    private static CueSheet sheet(ParsedSheet parsed) {
        List<CueTrack> tracks = new ArrayList<>();
        for (ParsedTrack track : parsed.tracks()) {
            tracks.add(new CueTrack(track.number(), track.title(), track.performer(), start(track),
                    parsed.fileName().equals(track.file()) ? null : track.file()));
        }
        return new CueSheet(parsed.dialect(), parsed.remarks(), parsed.title(), parsed.performer(),
                parsed.fileName(), parsed.fileType(), tracks);
    }

    private static long start(ParsedTrack track) {
        return track.indexes().stream().filter(index -> index.number() == 1).findFirst().orElseThrow().frames();
    }
}
