package org.deckhand.api.analysis;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisContextTest {

    private record Key(int parameter) {
    }

    @Test
    void analysesAskingForEqualKeysShareOneObjectAndOtherKeysOrRunsGetTheirOwn() {
        AnalysisContext run = new AnalysisContext();
        List<?> first = run.shared(new Key(1), List.class, ArrayList::new);

        assertSame(first, run.shared(new Key(1), List.class, () -> {
            throw new AssertionError("made twice");
        }));
        assertNotSame(first, run.shared(new Key(2), List.class, ArrayList::new));
        assertNotSame(first, new AnalysisContext().shared(new Key(1), List.class, ArrayList::new));
    }

    @Test
    void askingForAnotherTypeUnderAKeyIsRefused() {
        AnalysisContext run = new AnalysisContext();
        run.shared(new Key(1), StringBuilder.class, StringBuilder::new);

        assertThrows(IllegalArgumentException.class, () -> run.shared(new Key(1), List.class, ArrayList::new));
        assertThrows(NullPointerException.class, () -> run.shared(new Key(3), List.class, () -> null));
    }
}
