package org.deckhand.tracklists.internal.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.deckhand.api.cue.CueDraft;
import org.deckhand.api.cue.CueEntry;
import org.deckhand.api.cue.CueFileType;
import org.deckhand.api.cue.CueSheet;
import org.deckhand.api.cue.CueSheetReader;
import org.deckhand.api.cue.CueTrack;
import org.deckhand.api.cue.MalformedCueSheetException;
import org.deckhand.api.tracklist.EntryKind;
import org.deckhand.api.tracklist.Tracklist;
import org.deckhand.api.tracklist.TracklistEntry;
import org.deckhand.api.tracklist.TracklistException;
import org.deckhand.tracklists.internal.parse.TrackText;

/**
 * Tracklists and CUE sheets of mix recordings: the sheet beside a recording (many DJ programs write one when they
 * record a set; rekordbox's too, which the reader recognises) read as its tracklist, and a recording's sheet drafted
 * from its tracklist for the server's CUE sheet writer.
 */
public final class CueSheetTracklists {

    /** The source id of tracklists read from CUE sheets. */
    public static final String SOURCE = "cue";
    private static final int MAX_SHEETS_LOOKED_AT = 20;

    private CueSheetTracklists() {
    }

    /**
     * Finds the CUE sheet beside a recording: {@code NAME.cue} for {@code NAME.flac}, else the sheet in the same
     * folder whose {@code FILE} line names the recording (of at most {@value #MAX_SHEETS_LOOKED_AT} sheets).
     *
     * @param recording the recording's file
     * @param reader the CUE sheet reader
     * @return the sheet's file, if there is one
     * @throws IOException if the folder cannot be listed
     */
    public static Optional<Path> besides(Path recording, CueSheetReader reader) throws IOException {
        String name = recording.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path same = recording.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".cue");
        if (Files.isRegularFile(same)) {
            return Optional.of(same);
        }
        Path folder = recording.toAbsolutePath().getParent();
        if (folder == null) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path sheet : files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".cue"))
                    .sorted().limit(MAX_SHEETS_LOOKED_AT).toList()) {
                try {
                    String named = reader.read(sheet).fileName().replace('\\', '/');
                    if (named.equals(name) || named.endsWith("/" + name)) {
                        return Optional.of(sheet);
                    }
                } catch (MalformedCueSheetException notASheet) {
                    // Another file with a .cue name; the recording's sheet is looked for among the rest.
                }
            }
        }
        return Optional.empty();
    }

    /**
     * @param sheetFile the sheet's file
     * @param reader the CUE sheet reader
     * @return the sheet as a tracklist: the sheet's {@code TITLE} and {@code PERFORMER} as the mix's title and DJ,
     *     {@code REM DATE} and {@code REM GENRE}, and per track its performer, title (a remix in brackets apart) and
     *     {@code INDEX 01} as the cue time; the address is the sheet's {@code file:} URI
     * @throws TracklistException if the sheet is malformed or cannot be read; the message names the file and line
     */
    public static Tracklist read(Path sheetFile, CueSheetReader reader) throws TracklistException {
        String address = sheetFile.toAbsolutePath().toUri().toString();
        CueSheet sheet;
        try {
            sheet = reader.read(sheetFile);
        } catch (IOException e) {
            throw new TracklistException(SOURCE, address, "The CUE sheet " + sheetFile + " cannot be read: "
                    + e.getMessage(), e);
        }
        List<TracklistEntry> entries = new ArrayList<>();
        for (CueTrack track : sheet.tracks()) {
            String[] titleAndRemix = track.title() == null ? new String[] {null, null}
                    : TrackText.splitRemix(track.title());
            EntryKind kind = track.title() == null || TrackText.isUnknown(track.title()) ? EntryKind.UNIDENTIFIED
                    : track.performer() == null ? EntryKind.FILLER : EntryKind.TRACK;
            entries.add(new TracklistEntry(entries.size() + 1, kind, track.startSeconds(), track.performer(),
                    titleAndRemix[0], titleAndRemix[1], null, null, false, List.of(), null));
        }
        Instant modified;
        try {
            modified = Files.getLastModifiedTime(sheetFile).toInstant();
        } catch (IOException e) {
            modified = Instant.now();
        }
        return new Tracklist(sheet.title(), sheet.performer() == null ? List.of() : List.of(sheet.performer()),
                date(sheet.date()), sheet.genre() == null ? List.of() : List.of(sheet.genre()), SOURCE, address,
                modified, entries);
    }

    /**
     * @param tracklist a mix's tracklist
     * @param recordingFileName the recording's file name
     * @param durationSeconds the recording's length, or null
     * @return the draft of its CUE sheet: the mix's title, DJs, date, genres and address ({@code REM COMMENT}), and
     *     per entry that names something (not a gap) its artist, title with remix, and cue time
     */
    public static CueDraft draft(Tracklist tracklist, String recordingFileName, Double durationSeconds) {
        List<CueEntry> entries = new ArrayList<>();
        for (TracklistEntry entry : tracklist.entries()) {
            if (entry.kind() == EntryKind.GAP) {
                continue;
            }
            String title = entry.title() == null ? "ID" : entry.title();
            if (entry.remix() != null) {
                title = title + " (" + entry.remix() + ")";
            }
            String performer = entry.artist() == null && entry.kind() == EntryKind.UNIDENTIFIED ? "ID"
                    : entry.artist();
            entries.add(new CueEntry(performer, title, entry.cueSeconds()));
        }
        return new CueDraft(tracklist.title(), tracklist.djs().isEmpty() ? null : String.join(" & ", tracklist.djs()),
                tracklist.date() == null ? null : tracklist.date().toString(),
                tracklist.genres().isEmpty() ? null : String.join(", ", tracklist.genres()),
                tracklist.address(), recordingFileName, CueFileType.of(recordingFileName), durationSeconds, entries);
    }

    private static LocalDate date(String text) {
        if (text == null || text.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(text.substring(0, 10));
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }
}
