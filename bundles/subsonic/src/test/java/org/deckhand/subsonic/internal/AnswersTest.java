package org.deckhand.subsonic.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.deckhand.api.catalog.Annotations;
import org.deckhand.api.music.CamelotKey;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class AnswersTest {

    private static final Song SONG = new Song(42, Path.of("/music/a.flac"), "Strobe", "deadmau5", "For Lack",
            "al-0011223344556677", "ar-0011223344556677", 3, 1, 2009, "Progressive House", 1000, "flac", 637, 900, 16,
            44_100, 2, 128.0, CamelotKey.parse("8A").orElseThrow(), -7.5, 0.98, null, null, true,
            Instant.parse("2026-01-02T03:04:05Z"));

    @Test
    void jsonEnvelopeAnnouncesOpenSubsonicAndSongsCarryTheirExtensions() throws Exception {
        Element answer = Answers.ok("1.2.3");
        Answers.song(answer.child("song"), SONG, new Annotations.Annotation(Instant.parse("2026-12-01T10:00:00Z"), 4,
                7, Instant.parse("2026-12-06T22:15:00Z")));
        JsonNode root = new ObjectMapper().readTree(json(answer)).path("subsonic-response");
        assertEquals("ok", root.path("status").asText());
        assertEquals("1.16.1", root.path("version").asText());
        assertEquals("deckhand", root.path("type").asText());
        assertEquals("1.2.3", root.path("serverVersion").asText());
        assertTrue(root.path("openSubsonic").asBoolean());
        JsonNode song = root.path("song");
        assertEquals("tr-42", song.path("id").asText());
        assertEquals(128, song.path("bpm").asInt());
        assertEquals(16, song.path("bitDepth").asInt());
        assertEquals(44_100, song.path("samplingRate").asInt());
        assertEquals(2, song.path("channelCount").asInt());
        assertEquals("Progressive House", song.path("genres").get(0).path("name").asText());
        assertEquals(-7.5, song.path("replayGain").path("trackGain").asDouble());
        assertEquals("8A", song.path("deckhandKey").path("camelot").asText());
        assertEquals("A minor", song.path("deckhandKey").path("name").asText());
        assertFalse(song.path("isDir").asBoolean(true));
        assertEquals(4, song.path("userRating").asInt());
        assertEquals(7, song.path("playCount").asInt());
        assertEquals("2026-12-01T10:00:00Z", song.path("starred").asText());
        assertEquals("2026-12-06T22:15:00Z", song.path("played").asText());
    }

    @Test
    void xmlKeepsToTheSubsonicSchemaAndItsNamespace() throws Exception {
        Element answer = Answers.ok("1.2.3");
        Answers.song(answer.child("song"), SONG, Annotations.Annotation.NONE);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml(answer)));
        var root = document.getDocumentElement();
        assertEquals(XmlAnswer.NAMESPACE, root.getNamespaceURI());
        assertEquals("ok", root.getAttribute("status"));
        assertFalse(root.hasAttribute("openSubsonic"));
        org.w3c.dom.Element song = (org.w3c.dom.Element) root.getElementsByTagNameNS(XmlAnswer.NAMESPACE, "song").item(0);
        assertEquals("Strobe", song.getAttribute("title"));
        assertFalse(song.hasAttribute("bpm"));
        assertEquals(0, song.getChildNodes().getLength());
    }

    @Test
    void repeatedChildrenAreArraysEvenWhenEmptyOrSingle() throws Exception {
        Element answer = Answers.ok("1");
        Element list = answer.child("albumList2").emptyList("album");
        JsonNode empty = new ObjectMapper().readTree(json(answer)).path("subsonic-response").path("albumList2");
        assertTrue(empty.path("album").isArray());
        list.add("album").attr("id", "al-1");
        JsonNode one = new ObjectMapper().readTree(json(answer)).path("subsonic-response").path("albumList2");
        assertEquals(1, one.path("album").size());
    }

    @Test
    void failedAnswerCarriesCodeAndMessage() throws Exception {
        JsonNode root = new ObjectMapper().readTree(json(Answers.failed("1", 70, "Song not found: tr-9")))
                .path("subsonic-response");
        assertEquals("failed", root.path("status").asText());
        assertEquals(70, root.path("error").path("code").asInt());
        assertEquals("Song not found: tr-9", root.path("error").path("message").asText());
    }

    @Test
    void paramsRefuseMalformedAndOutOfRangeValuesNamingTheParameter() {
        Params params = new Params(Map.of("size", new String[] {"100000"}, "offset", new String[] {"-1"},
                "count", new String[] {"ten"}));
        SubsonicException size = assertThrows(SubsonicException.class, () -> params.integer("size", 0, 1, 2048));
        assertEquals(SubsonicException.GENERIC, size.code());
        assertTrue(size.getMessage().contains("size"));
        assertThrows(SubsonicException.class, () -> params.integer("offset", 0, 0, Integer.MAX_VALUE));
        assertThrows(SubsonicException.class, () -> params.integer("count", 10, 1, 500));
        assertEquals(SubsonicException.MISSING_PARAMETER,
                assertThrows(SubsonicException.class, () -> params.required("id")).code());
    }

    @Test
    void onlySongIdsNameTracksAndPathsNameNothing() {
        assertEquals(42L, Ids.trackId("tr-42").orElseThrow());
        assertTrue(Ids.trackId("../../etc/passwd").isEmpty());
        assertTrue(Ids.trackId("tr-42/../1").isEmpty());
        assertTrue(Ids.trackId("42").isEmpty());
        assertEquals("ping", SubsonicServlet.endpointName("/ping.view"));
        assertEquals("getAlbum", SubsonicServlet.endpointName("/getAlbum"));
    }

    private static byte[] json(Element answer) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonAnswer.write(answer, out);
        return out.toByteArray();
    }

    private static byte[] xml(Element answer) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XmlAnswer.write(answer, out);
        return out.toByteArray();
    }
}
