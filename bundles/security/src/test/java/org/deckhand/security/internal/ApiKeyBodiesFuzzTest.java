package org.deckhand.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.deckhand.rest.internal.ApiJson;
import org.deckhand.security.internal.ApiKeysResource.NewKey;
import org.deckhand.testing.RecordingEventAdmin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the body of {@code POST /api/v1/keys}, read with the server's JSON mapping: each body is
 * malformed JSON or not Unicode text (a 400, from the REST bundle's ProblemExceptionMapper), a name the store refuses
 * (a 400), or a key that is stored, survives a restart of the store with its name and token, and is revoked; never an
 * {@link IOException} (a 500) or a key file that no longer reads. A plain {@code mvn test} runs the seeds and the kept
 * findings in {@code ApiKeyBodiesFuzzTestInputs}; {@code mvn test -Dfuzz} fuzzes (docs/fuzzing.md).
 */
class ApiKeyBodiesFuzzTest {

    private static final ObjectMapper JSON = ApiJson.mapper();
    private static final MutableClock CLOCK = new MutableClock();
    private static final SecurityEvents EVENTS = new SecurityEvents(new RecordingEventAdmin());
    private static Path folder;
    private static ApiKeyStore store;

    @BeforeAll
    static void open() throws IOException {
        folder = Files.createTempDirectory("api-key-bodies-fuzz");
        store = new ApiKeyStore(folder, CLOCK, EVENTS);
    }

    @AfterAll
    static void remove() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Timeout(30)
    @FuzzTest(maxDuration = "30s")
    void storesAKeyNamedByAnyBodyOrRefusesIt(byte[] body) throws IOException {
        NewKey request;
        try {
            request = body.length == 0 ? null : JSON.readValue(body, NewKey.class);
        } catch (JsonProcessingException | CharConversionException e) {
            return;
        }
        if (request == null) {
            return;
        }
        ApiKeyStore.CreatedKey created;
        try {
            created = store.create(request.name());
        } catch (IllegalArgumentException e) {
            return;
        }
        ApiKey reread = new ApiKeyStore(folder, CLOCK, EVENTS).verify(created.token()).orElseThrow();
        assertEquals(created.key().name(), reread.name());
        assertTrue(store.revoke(created.key().id()));
        assertTrue(new ApiKeyStore(folder, CLOCK, EVENTS).list().isEmpty());
    }
}
