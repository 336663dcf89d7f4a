package org.deckhand.tracklists.internal.source;

import org.deckhand.tracklists.internal.parse.OneThousandOneSelectors;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The 1001Tracklists source's settings, configuration PID {@code org.deckhand.tracklists.1001tracklists}: its address
 * and the CSS selectors that find the parts of a tracklist page, so that a change of the site is mended here.
 */
@ObjectClassDefinition(name = "Tracklists: 1001Tracklists",
        description = "Where 1001Tracklists is and how its tracklist pages are read (CSS selectors, jsoup syntax). "
                + "When the site changes its layout and imports fail with 'layout not recognised', a new selector "
                + "here mends it.")
public @interface OneThousandOneConfiguration {

    /** The configuration PID. */
    String PID = "org.deckhand.tracklists.1001tracklists";

    @AttributeDefinition(name = "Site", description = "The site's address.")
    String baseUrl() default "https://www.1001tracklists.com";

    @AttributeDefinition(name = "Tracklist", description = "The element holding the tracklist and its rows.")
    String playlistSelector() default OneThousandOneSelectors.PLAYLIST;

    @AttributeDefinition(name = "Row", description = "A track row, mashup parts included.")
    String rowSelector() default OneThousandOneSelectors.ROW;

    @AttributeDefinition(name = "Mashup part", description = "A row that is a part of the mashup row above it.")
    String mashupPartSelector() default OneThousandOneSelectors.MASHUP_PART;

    @AttributeDefinition(name = "Cue seconds", description = "The hidden input holding a row's cue time in seconds.")
    String cueSecondsSelector() default OneThousandOneSelectors.CUE_SECONDS;

    @AttributeDefinition(name = "Track number", description = "The element holding a row's number, or w/.")
    String trackNumberSelector() default OneThousandOneSelectors.TRACK_NUMBER;

    @AttributeDefinition(name = "Track text", description = "The element whose text is Artist - Title (Remix).")
    String trackValueSelector() default OneThousandOneSelectors.TRACK_VALUE;

    @AttributeDefinition(name = "Label", description = "The element holding a row's label.")
    String labelSelector() default OneThousandOneSelectors.LABEL;

    @AttributeDefinition(name = "Captcha", description = "An element found only on the captcha or bot-check page.")
    String captchaSelector() default OneThousandOneSelectors.CAPTCHA;
}
