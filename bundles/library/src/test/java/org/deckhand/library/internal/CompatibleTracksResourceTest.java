package org.deckhand.library.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.BadRequestException;
import org.junit.jupiter.api.Test;

class CompatibleTracksResourceTest {

    /** Parameters are checked before the catalog is asked, so none is needed here. */
    private final CompatibleTracksResource resource = new CompatibleTracksResource(null, null);

    @Test
    void aBpmWindowThatIsNotANumberInRangeIsABadRequestNamingIt() {
        for (double window : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.4, 51}) {
            BadRequestException refused = assertThrows(BadRequestException.class,
                    () -> resource.compatible(1, window, 20), Double.toString(window));
            assertTrue(refused.getMessage().startsWith("bpmWindow"), refused.getMessage());
        }
        BadRequestException limit = assertThrows(BadRequestException.class, () -> resource.compatible(1, 6, 0));
        assertTrue(limit.getMessage().startsWith("limit"), limit.getMessage());
    }
}
