package org.deckhand.tracklists.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.deckhand.api.tracklist.EntryKind;
import org.deckhand.api.tracklist.LayoutNotRecognisedException;
import org.deckhand.api.tracklist.NotATracklistException;
import org.deckhand.api.tracklist.Tracklist;
import org.deckhand.api.tracklist.TracklistException;
import org.junit.jupiter.api.Test;

/** MixesDB answers in the shapes of MediaWiki's API (action=parse in both formatversions, query revisions). */
class MixesDbParserTest {

    static final String TITLE = "2019-06-01 - Simon Doty & My Friend @ Anjunadeep Open Air, London";
    static final String WIKITEXT = "[[Category:Simon Doty]]\n[[Category:My Friend]]\n"
            + "== Tracklist ==\n<div class=\"list\">\n;Simon Doty\n"
            + "# [00] Simon Doty & My Friend - Real Talk (Extended Mix) [Anjunadeep]\n"
            + "# [05] Low Steppa & Capri - Got The Funk (Extended) [Defected]\n...\n"
            + "=== My Friend ===\n# [3?] Khabiar - Ok, I'm Here [BEK]\n# [143] ?\n</div>\n"
            + "== Notes ==\n# not a track - of this mix\n{{Comments}}\n";
    private static final String ADDRESS = "https://www.mixesdb.com/w/2019-06-01_-_Simon_Doty";
    private static final Instant FETCHED = Instant.parse("2026-12-07T09:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MixesDbParser parser = new MixesDbParser();

    /** The answer of {@code api.php?action=parse&prop=wikitext&format=json&formatversion=2}. */
    static String parseAnswer(String title, String wikitext) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("parse").put("title", title).put("pageid", 612345).put("wikitext", wikitext);
        return root.toString();
    }

    @Test
    void theTracklistSectionWithItsPartsCuesGapsAndUnknowns() throws TracklistException {
        Tracklist tracklist = parser.parse(parseAnswer(TITLE, WIKITEXT), ADDRESS, FETCHED);
        assertEquals(TITLE, tracklist.title());
        assertEquals(LocalDate.of(2019, 6, 1), tracklist.date());
        assertEquals(List.of("Simon Doty", "My Friend"), tracklist.djs());
        assertEquals("mixesdb", tracklist.source());
        assertEquals(ADDRESS, tracklist.address());
        assertEquals(5, tracklist.entries().size(), "the Notes section's line is not a track");
        assertEquals("Simon Doty", tracklist.entries().get(0).djPart());
        assertEquals(300.0, tracklist.entries().get(1).cueSeconds());
        assertEquals(EntryKind.GAP, tracklist.entries().get(2).kind());
        assertEquals("My Friend", tracklist.entries().get(3).djPart());
        assertEquals(null, tracklist.entries().get(3).cueSeconds());
        assertEquals(EntryKind.UNIDENTIFIED, tracklist.entries().get(4).kind());
        assertEquals(143 * 60.0, tracklist.entries().get(4).cueSeconds());
    }

    @Test
    void formatVersionOneAndQueryRevisionsGiveTheSame() throws TracklistException {
        ObjectNode v1 = JSON.createObjectNode();
        v1.putObject("parse").put("title", TITLE).put("pageid", 1).putObject("wikitext").put("*", WIKITEXT);
        ObjectNode query = JSON.createObjectNode();
        query.put("batchcomplete", true);
        ObjectNode page = query.putObject("query").putArray("pages").addObject();
        page.put("pageid", 1).put("ns", 0).put("title", TITLE);
        page.putArray("revisions").addObject().putObject("slots").putObject("main").put("contentmodel", "wikitext")
                .put("contentformat", "text/x-wiki").put("content", WIKITEXT);
        Tracklist expected = parser.parse(parseAnswer(TITLE, WIKITEXT), ADDRESS, FETCHED);
        assertEquals(expected, parser.parse(v1.toString(), ADDRESS, FETCHED));
        assertEquals(expected, parser.parse(query.toString(), ADDRESS, FETCHED));
    }

    @Test
    void errorsComeAsHttp200WithAnErrorObject() {
        String missing = "{\"error\":{\"code\":\"missingtitle\",\"info\":\"The page you specified doesn't exist.\","
                + "\"*\":\"See https://www.mixesdb.com/db/api.php for API usage.\"},\"servedby\":\"mw1\"}";
        NotATracklistException notThere = assertThrows(NotATracklistException.class,
                () -> parser.parse(missing, ADDRESS, FETCHED));
        assertTrue(notThere.getMessage().contains(ADDRESS), notThere.getMessage());
        String limited = "{\"error\":{\"code\":\"ratelimited\",\"info\":\"You've exceeded your rate limit.\"}}";
        TracklistException refused = assertThrows(TracklistException.class,
                () -> parser.parse(limited, ADDRESS, FETCHED));
        assertTrue(refused.getMessage().contains("ratelimited"), refused.getMessage());
        String queryMissing = "{\"batchcomplete\":true,\"query\":{\"pages\":[{\"ns\":0,\"title\":\"X\","
                + "\"missing\":true}]}}";
        assertThrows(NotATracklistException.class, () -> parser.parse(queryMissing, ADDRESS, FETCHED));
    }

    @Test
    void aPageWithoutTracklistSectionOrAnAnswerOfAnotherShape() {
        assertThrows(NotATracklistException.class, () -> parser.parse(parseAnswer("Category:Bicep",
                "Mixes of Bicep.\n[[Category:Artist]]\n"), ADDRESS, FETCHED));
        LayoutNotRecognisedException html = assertThrows(LayoutNotRecognisedException.class,
                () -> parser.parse("<html><body>Maintenance</body></html>", ADDRESS, FETCHED));
        assertEquals("mixesdb", html.source());
        assertThrows(LayoutNotRecognisedException.class,
                () -> parser.parse("{\"batchcomplete\":true}", ADDRESS, FETCHED));
    }
}
