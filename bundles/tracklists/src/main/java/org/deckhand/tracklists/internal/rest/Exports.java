package org.deckhand.tracklists.internal.rest;

import java.util.List;

/**
 * The owned and missing lists of a tracklist as CSV (RFC 4180: comma-separated, fields with a comma, quote or line
 * break quoted, quotes doubled, CRLF line ends, a header row) and as an M3U playlist of the owned tracks' files
 * (extended M3U: {@code #EXTM3U}, {@code #EXTINF:seconds,Artist - Title}, then the file's path).
 */
final class Exports {

    /** The CSV columns, in order. */
    static final List<String> COLUMNS = List.of("position", "cue", "artist", "title", "remix", "label", "state",
            "trackId", "path");

    private Exports() {
    }

    /**
     * @param entries the entries to list, with their matched tracks
     * @return the CSV document
     */
    static String csv(List<TracklistViews.EntryView> entries) {
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (TracklistViews.EntryView entry : entries) {
            TracklistViews.TrackRef track = entry.match().track();
            List<String> fields = List.of(Integer.toString(entry.position()), text(entry.cue()), text(entry.artist()),
                    text(entry.title()), text(entry.remix()), text(entry.label()), entry.match().state(),
                    track == null ? "" : Long.toString(track.id()), track == null ? "" : track.path());
            for (int i = 0; i < fields.size(); i++) {
                csv.append(i == 0 ? "" : ",").append(quoted(fields.get(i)));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    /**
     * @param entries owned entries, each with its matched track
     * @return the M3U playlist of their files, in the tracklist's order
     */
    static String m3u(List<TracklistViews.EntryView> entries) {
        StringBuilder m3u = new StringBuilder("#EXTM3U\n");
        for (TracklistViews.EntryView entry : entries) {
            TracklistViews.TrackRef track = entry.match().track();
            if (track == null) {
                continue;
            }
            long seconds = track.durationSeconds() == null ? -1 : Math.round(track.durationSeconds());
            String name = String.join(", ", track.artists()) + " - " + text(track.title());
            m3u.append("#EXTINF:").append(seconds).append(',').append(name.replace('\n', ' ')).append('\n')
                    .append(track.path()).append('\n');
        }
        return m3u.toString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String quoted(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
