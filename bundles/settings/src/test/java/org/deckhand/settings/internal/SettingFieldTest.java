package org.deckhand.settings.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.service.metatype.AttributeDefinition;

/**
 * Settings checked as their help says: against the {@code min} and {@code max} of the Metatype file that bnd writes
 * for a configuration interface, and against their options, with errors that name the setting as the form does.
 */
class SettingFieldTest {

    /** A Metatype file as bnd writes it for {@code @AttributeDefinition(min = "32", max = "320")} and the like. */
    private static final String METATYPE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <metatype:MetaData xmlns:metatype="http://www.osgi.org/xmlns/metatype/v1.2.0">
              <OCD id="org.deckhand.mixer" name="Streaming mixer" description="Mixes.">
                <AD id="bitRateKbps" type="Integer" name="MP3 bit rate" min="32" max="320" default="192"/>
                <AD id="bpmWindowPercent" type="Double" name="BPM window" min="0.5" max="50" default="6.0"/>
                <AD id="artistSpacing" type="Integer" name="Artist spacing" min="0" default="3"/>
                <AD id="energy" type="String" name="Energy curve" default="steady">
                  <Option label="Steady" value="steady"/><Option label="Build up" value="up"/>
                </AD>
              </OCD>
            </metatype:MetaData>
            """;

    private final Map<String, MetatypeBounds.Bounds> bounds = bounds();

    @Test
    void aBitRateOutsideTheRangeTheHelpGivesIsRefusedInTheFormsWords() {
        SettingField bitRate = field("bitRateKbps", "MP3 bit rate", AttributeDefinition.INTEGER);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> bitRate.cfgText(1000));

        assertEquals("MP3 bit rate must be from 32 to 320, not 1000.", refused.getMessage());
        assertFalse(refused.getMessage().contains("bitRateKbps"), "no internal name");
        assertEquals("MP3 bit rate must be from 32 to 320, not 8.",
                assertThrows(IllegalArgumentException.class, () -> bitRate.cfgText(8)).getMessage());
        assertEquals("320", bitRate.cfgText(320));
        assertEquals("32", bitRate.cfgText(32L));
        assertEquals(32.0, bitRate.min());
        assertEquals(320.0, bitRate.max());
    }

    @Test
    void fractionalBoundsAndOneSidedBoundsAreSaidAsTheyAre() {
        SettingField window = field("bpmWindowPercent", "BPM window", AttributeDefinition.DOUBLE);
        SettingField spacing = field("artistSpacing", "Artist spacing", AttributeDefinition.INTEGER);

        assertEquals("BPM window must be from 0.5 to 50, not 0.1.",
                assertThrows(IllegalArgumentException.class, () -> window.cfgText(0.1)).getMessage());
        assertEquals("6.5", window.cfgText(6.5));
        assertEquals("Artist spacing must be at least 0, not -1.",
                assertThrows(IllegalArgumentException.class, () -> spacing.cfgText(-1)).getMessage());
        assertEquals("1000", spacing.cfgText(1000));
    }

    @Test
    void aValueOutsideTheOptionsIsRefusedNamingTheOptionsLabels() {
        SettingField energy = new SettingField(new Definition("energy", "Energy curve", AttributeDefinition.STRING,
                new String[] {"Steady", "Build up"}, new String[] {"steady", "up"}), MetatypeBounds.Bounds.NONE);

        assertEquals("Energy curve must be one of Steady, Build up, not sideways.",
                assertThrows(IllegalArgumentException.class, () -> energy.cfgText("sideways")).getMessage());
        assertEquals("up", energy.cfgText("up"));
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedInPlainWords() {
        SettingField bitRate = field("bitRateKbps", "MP3 bit rate", AttributeDefinition.INTEGER);

        assertEquals("MP3 bit rate must be a whole number, not 192.5.",
                assertThrows(IllegalArgumentException.class, () -> bitRate.cfgText(192.5)).getMessage());
        assertEquals("MP3 bit rate must be a whole number, not fast.",
                assertThrows(IllegalArgumentException.class, () -> bitRate.cfgText("fast")).getMessage());
        assertEquals("MP3 bit rate takes one value.",
                assertThrows(IllegalArgumentException.class, () -> bitRate.cfgText(List.of(1, 2))).getMessage());
    }

    private SettingField field(String id, String name, int type) {
        return new SettingField(new Definition(id, name, type, null, null),
                bounds.getOrDefault(id, MetatypeBounds.Bounds.NONE));
    }

    private static Map<String, MetatypeBounds.Bounds> bounds() {
        Map<String, Map<String, MetatypeBounds.Bounds>> all = new HashMap<>();
        try {
            MetatypeBounds.read(new ByteArrayInputStream(METATYPE.strip().getBytes(StandardCharsets.UTF_8)), all);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return all.get("org.deckhand.mixer");
    }

    /** An attribute definition as Metatype describes it; its own validation finds nothing, as for these values. */
    private record Definition(String id, String name, int type, String[] labels, String[] values)
            implements AttributeDefinition {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getID() {
            return id;
        }

        @Override
        public String getDescription() {
            return "";
        }

        @Override
        public int getCardinality() {
            return 0;
        }

        @Override
        public int getType() {
            return type;
        }

        @Override
        public String[] getOptionValues() {
            return values;
        }

        @Override
        public String[] getOptionLabels() {
            return labels;
        }

        @Override
        public String validate(String value) {
            return "";
        }

        @Override
        public String[] getDefaultValue() {
            return null;
        }
    }
}
