package org.deckhand.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads JSON answers of a running server, and every page of a track search. */
final class TrackSearch {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TrackSearch() {
    }

    /** @return every track the query finds, all pages of {@code /api/v1/tracks} */
    static List<JsonNode> allTracks(DeckhandProcess server, String query) {
        List<JsonNode> tracks = new ArrayList<>();
        String cursor = null;
        do {
            String url = "/api/v1/tracks?limit=20&q=" + encode(query) + (cursor == null ? "" : "&cursor="
                    + encode(cursor));
            HttpResponse<String> response = server.get(url);
            assertEquals(200, response.statusCode(), query + ": " + response.body());
            JsonNode page = json(response.body());
            page.path("tracks").forEach(tracks::add);
            cursor = page.hasNonNull("nextCursor") ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return tracks;
    }

    /** @return the body parsed as JSON */
    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the text encoded for a URL's query */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
