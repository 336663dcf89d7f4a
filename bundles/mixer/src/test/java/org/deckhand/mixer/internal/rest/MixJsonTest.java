package org.deckhand.mixer.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Path;
import java.util.List;
import org.deckhand.mixer.internal.service.EnergyShape;
import org.deckhand.mixer.internal.service.MixService;
import org.deckhand.mixer.internal.service.MixView;
import org.deckhand.mixer.internal.service.Seed;
import org.deckhand.mixer.internal.service.TestServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MixJsonTest {

    /** The REST bundle's mapping: ISO-8601 times, absent values left out, unknown fields ignored. */
    private static final ObjectMapper API = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    @TempDir
    Path data;

    @Test
    void aRequestReadsAsTheContractWritesIt() throws Exception {
        MixRequest request = API.readValue("{\"seed\": {\"trackIds\": [\"3\", 4]}, \"options\": {\"length\": 12, "
                + "\"bpmWindowPercent\": 6, \"energyCurve\": \"WARM_UP\", \"energyBoost\": false, "
                + "\"artistSpacing\": 3, \"bars\": 16, \"bassSwap\": true}}", MixRequest.class);
        assertEquals(List.of("3", "4"), request.seed().trackIds());
        assertEquals(EnergyShape.WARM_UP, request.options().energyCurve());
        assertEquals(Boolean.TRUE, request.options().bassSwap());
        assertEquals("5", API.readValue("{\"seed\": {\"trackId\": 5}}", MixRequest.class).seed().trackId());
    }

    @Test
    void aMixBeforeItsFirstTrackIsHeardShowsNullsWhereTheContractSaysSo() throws Exception {
        MixService service = TestServices.mixService(data, 1);
        try {
            MixView mix = service.create(new Seed(null, "1", null), null);
            JsonNode json = API.readTree(API.writeValueAsString(mix));
            assertTrue(json.has("nowPlaying"), json.toString());
            assertTrue(json.get("plan").get(1).has("startSeconds"), json.toString());
            assertTrue(json.get("plan").get(1).get("startSeconds").isNull());
            assertTrue(json.get("createdAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), json.toString());
            assertEquals("PLAYING", json.get("state").asText());
            assertEquals(mix.id(), json.get("id").asText());
            assertTrue(json.get("streams").get("pls").asText().endsWith(".pls?token=" + mix.token()));
        } finally {
            TestServices.stop(service);
        }
    }
}
