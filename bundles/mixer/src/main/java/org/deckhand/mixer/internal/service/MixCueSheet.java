package org.deckhand.mixer.internal.service;

import java.util.List;
import org.deckhand.api.cue.CueDraft;
import org.deckhand.api.cue.CueEntry;
import org.deckhand.api.cue.CueFileType;

/**
 * A mix's tracklist as a draft for the server's {@link org.deckhand.api.cue.CueSheetWriter}: performer Deckhand,
 * title "Deckhand mix <i>id</i>", the audio file it describes, and one entry per track at the start of its fade-in.
 * An untagged track has no performer and its file's name as its title, as its stream title names it
 * ({@link org.deckhand.mixer.internal.track.TrackFacts#displayName()}).
 */
final class MixCueSheet {

    private MixCueSheet() {
    }

    /**
     * @param mixId the mix's id
     * @param fileName the audio file's name, as the sheet's FILE line gives it; its extension gives the type
     * @param durationSeconds the file's length, seconds, or null while it grows (a live stream)
     * @param tracks the tracks in order
     * @return the draft
     */
    static CueDraft draft(String mixId, String fileName, Double durationSeconds, List<TracklistEntry> tracks) {
        List<CueEntry> entries = tracks.stream()
                .map(track -> new CueEntry(track.artist(), track.title(), track.startSeconds())).toList();
        return new CueDraft("Deckhand mix " + mixId, "Deckhand", null, null, null, fileName, CueFileType.of(fileName),
                durationSeconds, entries);
    }
}
