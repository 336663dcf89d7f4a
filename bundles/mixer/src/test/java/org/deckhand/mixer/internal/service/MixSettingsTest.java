package org.deckhand.mixer.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.deckhand.mixer.internal.plan.MixPlan;
import org.deckhand.mixer.internal.plan.MixPlanner;
import org.deckhand.mixer.internal.testing.Facts;
import org.junit.jupiter.api.Test;

class MixSettingsTest {

    @Test
    void aMixWithTheDefaultsPlansAHalfTimeTrackWhereTheBpmWindowAllowsIt() {
        MixSettings settings = MixSettings.of(MixOptions.DEFAULTS, TestLibrary.configuration(1), 4);
        MixPlan plan = new MixPlanner(List.of(Facts.planning(2, "Half", 63, "8A", 5),
                Facts.planning(3, "Far", 100, "8A", 5)), settings.planOptions("seed"))
                .start(Facts.planning(1, "Seed", 125, "8A", 5), 3);
        assertEquals(List.of(1L, 2L), plan.tracks().stream().map(planned -> planned.track().id()).toList(),
                "63 BPM follows 125 at half time; 100 BPM lies outside the window at any multiple");
        assertEquals(2, plan.tracks().get(1).tempo().multiplier());
    }
}
