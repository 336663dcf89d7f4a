package org.deckhand.tracklists.internal.parse;

/**
 * The CSS selectors (jsoup's syntax) that find the parts of a 1001Tracklists tracklist page. They live in the
 * source's configuration, so that a change of the site's layout is mended without a release; {@link #CURRENT} are
 * the ones that read the site's pages as of 2021 to 2026.
 *
 * @param playlist the element that holds the tracklist (schema.org {@code MusicPlaylist}) and its rows
 * @param row a row of a track, mashup parts included; suggestion, notice and player rows do not match it
 * @param mashupPart a row that is a part of the mashup row above it
 * @param cueSeconds the hidden input whose value is the row's cue time in seconds
 * @param trackNumber the element whose text is the row's number, or {@code w/}
 * @param trackValue the element whose text is {@code Artist - Title (Remix)}
 * @param label the element whose text is the row's label
 * @param captcha an element found only on the site's captcha or bot-check page
 */
public record OneThousandOneSelectors(String playlist, String row, String mashupPart, String cueSeconds,
        String trackNumber, String trackValue, String label, String captcha) {

    /** The current {@link #playlist()}. */
    public static final String PLAYLIST = "#tlTab";
    /** The current {@link #row()}. */
    public static final String ROW = "div.tlpItem";
    /** The current {@link #mashupPart()}. */
    public static final String MASHUP_PART = ".tlpSubTog, [data-mashpos=true]";
    /** The current {@link #cueSeconds()}. */
    public static final String CUE_SECONDS = "input[id$=_cue_seconds]";
    /** The current {@link #trackNumber()}. */
    public static final String TRACK_NUMBER = "[id$=_tracknumber_value]";
    /** The current {@link #trackValue()}. */
    public static final String TRACK_VALUE = ".trackValue";
    /** The current {@link #label()}. */
    public static final String LABEL = ".trackLabel";
    /** The current {@link #captcha()}. */
    public static final String CAPTCHA = "form input[name=captcha]";

    /** The selectors that read the site's current pages. */
    public static final OneThousandOneSelectors CURRENT = new OneThousandOneSelectors(PLAYLIST, ROW, MASHUP_PART,
            CUE_SECONDS, TRACK_NUMBER, TRACK_VALUE, LABEL, CAPTCHA);
}
