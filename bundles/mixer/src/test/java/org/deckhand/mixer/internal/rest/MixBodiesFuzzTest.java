package org.deckhand.mixer.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.deckhand.mixer.internal.service.MixService;
import org.deckhand.mixer.internal.service.MixView;
import org.deckhand.mixer.internal.service.TestServices;
import org.deckhand.rest.internal.ApiJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzzing of the JSON bodies of {@code POST /api/v1/mixes} and {@code POST /api/v1/mixes/{id}/extend},
 * read with the server's JSON mapping and handed to the resource over the synthetic test library: each body either
 * creates (and extends) a mix, or is refused as the API documents, with malformed JSON (a 400 problem) or a
 * {@link WebApplicationException} of status 4xx; never another exception, which the server would answer with a 500,
 * an error or a hang. A plain {@code mvn test} runs the seeds and the kept findings in {@code MixBodiesFuzzTestInputs};
 * {@code mvn test -Dfuzz} fuzzes (docs/fuzzing.md).
 */
class MixBodiesFuzzTest {

    private static final ObjectMapper JSON = ApiJson.mapper();
    private static Path data;
    private static MixService service;
    private static MixesResource resource;

    @BeforeAll
    static void start() throws IOException {
        data = Files.createTempDirectory("mix-bodies-fuzz");
        service = TestServices.mixService(data, 1);
        resource = new MixesResource(service);
    }

    @AfterAll
    static void stop() throws IOException {
        TestServices.stop(service);
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    static Stream<Arguments> documentedBodies() {
        return Stream.of(
                Arguments.of("{\"seed\": {\"trackId\": \"1\"}}", "{\"count\": 3}"),
                Arguments.of("{\"seed\": {\"trackIds\": [\"3\", 4]}, \"options\": {\"length\": 12, "
                        + "\"bpmWindowPercent\": 6, \"energyCurve\": \"WARM_UP\", \"energyBoost\": false, "
                        + "\"artistSpacing\": 3, \"bars\": 16, \"bassSwap\": true}}", ""),
                Arguments.of("{\"seed\": {\"query\": \"bpm:120..128 key:8A~\"}, \"options\": {\"energyCurve\": "
                        + "\"PEAK\", \"bars\": 32}}", "{}"),
                Arguments.of("{\"seed\": {}}", "{\"count\": -1}"));
    }

    @Timeout(30)
    @MethodSource("documentedBodies")
    @FuzzTest(maxDuration = "30s")
    void createsAndExtendsAMixOrRefusesTheBody(@NotNull String createBody, @NotNull String extendBody) {
        MixView mix;
        try {
            Response created = resource.create(read(createBody, MixRequest.class));
            assertEquals(201, created.getStatus());
            mix = (MixView) created.getEntity();
        } catch (JsonProcessingException e) {
            return;
        } catch (WebApplicationException e) {
            assertClientError(e);
            return;
        }
        try {
            resource.extend(mix.id(), read(extendBody, ExtendRequest.class));
        } catch (JsonProcessingException e) {
            // a 400 problem, as the API documents
        } catch (WebApplicationException e) {
            assertClientError(e);
        } finally {
            assertEquals(204, resource.delete(mix.id()).getStatus());
        }
    }

    /** Reads a body as Jersey's Jackson provider does: an empty body is no entity. */
    private static <T> T read(String body, Class<T> type) throws JsonProcessingException {
        return body.isBlank() ? null : JSON.readValue(body, type);
    }

    private static void assertClientError(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        assertTrue(status >= 400 && status < 500, () -> status + ": " + e.getMessage());
    }
}
