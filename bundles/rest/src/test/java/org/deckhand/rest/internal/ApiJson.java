package org.deckhand.rest.internal;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The API's JSON mapping for other modules' tests (through this module's test-jar): request bodies read in a test
 * as the server reads them.
 */
public final class ApiJson {

    private ApiJson() {
    }

    /** @return a mapper configured as the server's {@link ObjectMapperResolver} */
    public static ObjectMapper mapper() {
        return new ObjectMapperResolver().mapper();
    }
}
