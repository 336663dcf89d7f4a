package org.deckhand.tracklists.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.deckhand.api.tracklist.EntryKind;
import org.deckhand.api.tracklist.TracklistEntry;
import org.deckhand.tracklists.internal.Fixtures;
import org.junit.jupiter.api.Test;

class TextTracklistParserTest {

    private final TextTracklistParser parser = new TextTracklistParser();

    private TracklistEntry only(String line) {
        List<TracklistEntry> entries = parser.parse(line);
        assertEquals(1, entries.size(), line);
        return entries.get(0);
    }

    @Test
    void numberedLinesWithLabels() {
        List<TracklistEntry> entries = parser.parse("01. Reece Cox - Emotion 1 [KULØR]\n"
                + "02. Moderat - Copy Copy (LOGIC1000 & Big Ever Remix) [Monkeytown Records]\n"
                + "3) Bicep - Apricots\n");
        assertEquals(3, entries.size());
        assertEquals("Reece Cox", entries.get(0).artist());
        assertEquals("Emotion 1", entries.get(0).title());
        assertEquals("KULØR", entries.get(0).label());
        assertEquals("Copy Copy", entries.get(1).title());
        assertEquals("LOGIC1000 & Big Ever Remix", entries.get(1).remix());
        assertEquals("Monkeytown Records", entries.get(1).label());
        assertEquals("Bicep", entries.get(2).artist());
        assertEquals(List.of(1, 2, 3), entries.stream().map(TracklistEntry::position).toList());
        assertTrue(entries.stream().allMatch(e -> e.cueSeconds() == null));
    }

    @Test
    void cueTimesInBracketsOrBareWithEnAndEmDashes() {
        TracklistEntry bracketed = only("[00:00] Tim Engelhardt - Love Triangle");
        assertEquals(0.0, bracketed.cueSeconds());
        assertEquals("Tim Engelhardt", bracketed.artist());
        TracklistEntry hours = only("1:02:03 Artist \u2013 Title");
        assertEquals(3723.0, hours.cueSeconds());
        assertEquals("Artist", hours.artist());
        assertEquals("Title", hours.title());
        TracklistEntry em = only("12:34 Einmusik, Lexer \u2014 Crush (Extended)");
        assertEquals(754.0, em.cueSeconds());
        assertEquals("Einmusik, Lexer", em.artist());
        assertEquals("Extended", em.remix());
        assertEquals(3723.0, only("07. [1:02:03] A - B").cueSeconds());
    }

    @Test
    void featuringStaysWithTheArtistAndInTheTitle() {
        TracklistEntry feat = only("Qrion Feat. Pinkpirate - Lean Into Light (Dosem Extended Mix)");
        assertEquals("Qrion Feat. Pinkpirate", feat.artist());
        assertEquals("Lean Into Light", feat.title());
        assertEquals("Dosem Extended Mix", feat.remix());
        TracklistEntry titleFeat = only("John Summit - Show Me (ft. Hannah Boleyn)");
        assertEquals("Show Me (ft. Hannah Boleyn)", titleFeat.title());
        assertNull(titleFeat.remix());
    }

    @Test
    void aCopyOf1001TracklistsWithPlayedTogetherRows() {
        List<TracklistEntry> entries = parser.parse("01. [0:07] Curbi - Tape 06 Intro [HOSPITALITY]\n"
                + "w/ Dillon Francis & Julian Jordan - The Sound [STMPD]\n"
                + "02. [2:24] ID - ID\n");
        assertEquals(3, entries.size());
        assertEquals(7.0, entries.get(0).cueSeconds());
        assertTrue(entries.get(1).playedWithPrevious());
        assertEquals("The Sound", entries.get(1).title());
        assertTrue(entries.get(2).unidentified());
        assertEquals(144.0, entries.get(2).cueSeconds());
    }

    @Test
    void mixesDbConventions() {
        List<TracklistEntry> entries = parser.parse("<list>\n;Part 1\n# [05] A - One [L1]\n# [143] B - Two\n"
                + "# [0?] C - Three\n# [??] D - Four\n...\n# [20] ?\n;Part 2:\n# [000] Deep Woods Intro\n"
                + "# [??] '''Rewind 2\u20261999:''' Steve Morley - Reincarnations"
                + " (DJ JamX & De Leon's Dumonde Remix) [Neo]\n"
                + "# [??] ''Linear System - ? [Unreleased]''\n</list>\n");
        assertEquals(9, entries.size());
        assertEquals(300.0, entries.get(0).cueSeconds());
        assertEquals("L1", entries.get(0).label());
        assertEquals("Part 1", entries.get(0).djPart());
        assertEquals(143 * 60.0, entries.get(1).cueSeconds());
        assertNull(entries.get(2).cueSeconds(), "[0?] is an unknown minute");
        assertNull(entries.get(3).cueSeconds());
        assertEquals(EntryKind.GAP, entries.get(4).kind());
        assertEquals(EntryKind.UNIDENTIFIED, entries.get(5).kind());
        assertEquals(1200.0, entries.get(5).cueSeconds());
        assertEquals(EntryKind.FILLER, entries.get(6).kind());
        assertEquals("Deep Woods Intro", entries.get(6).title());
        assertEquals("Part 2", entries.get(6).djPart());
        assertEquals("Steve Morley", entries.get(7).artist());
        assertEquals("Reincarnations", entries.get(7).title());
        assertEquals("DJ JamX & De Leon's Dumonde Remix", entries.get(7).remix());
        assertEquals("Neo", entries.get(7).label());
        assertEquals(EntryKind.UNIDENTIFIED, entries.get(8).kind());
        assertEquals("Linear System", entries.get(8).artist());
        assertEquals("Unreleased", entries.get(8).label());
    }

    @Test
    void everyMixesDbExampleOfTheMaintainersParsesLineForLine() {
        String examples = Fixtures.text("mixesdb/tracklist-merger-examples.txt");
        List<String> blocks = blocks(examples);
        assertEquals(27, blocks.size(), "9 examples, each an original, a candidate and an expected result");
        for (String block : blocks) {
            List<String> lines = block.lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith(";")).toList();
            List<TracklistEntry> entries = parser.parse(block);
            assertEquals(lines.size(), entries.size(), block);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                TracklistEntry entry = entries.get(i);
                if (line.equals("...")) {
                    assertEquals(EntryKind.GAP, entry.kind(), line);
                } else if (line.endsWith("] ?")) {
                    assertEquals(EntryKind.UNIDENTIFIED, entry.kind(), line);
                } else if (line.contains(" - ")) {
                    assertTrue(entry.artist() != null, line + " -> " + entry);
                    assertFalse(entry.artist().startsWith("#") || entry.artist().startsWith("["), line);
                }
                java.util.regex.Matcher minutes = java.util.regex.Pattern.compile("^#?\\s*\\[(\\d{2,3})\\]")
                        .matcher(line);
                if (minutes.find()) {
                    assertEquals(Integer.parseInt(minutes.group(1)) * 60.0, entry.cueSeconds(), line);
                }
                if (line.matches("^#?\\s*\\[[0-9]?\\?+\\].*")) {
                    assertNull(entry.cueSeconds(), line);
                }
            }
        }
        List<TracklistEntry> parts = parser.parse(blocks.get(5));
        assertEquals("Part 1", parts.get(0).djPart());
        assertEquals("Part 2", parts.get(parts.size() - 1).djPart());
        assertEquals("Steve Morley", parts.get(parts.size() - 1).artist());
    }

    /** The Original, Candidate and Expected result blocks of the examples file, in order. */
    private static List<String> blocks(String examples) {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = null;
        for (String line : examples.split("\n")) {
            if (line.equals("Original:") || line.equals("Candidate:") || line.equals("Expected result:")) {
                if (current != null) {
                    blocks.add(current.toString());
                }
                current = new StringBuilder();
            } else if (line.startsWith("== Example ==")) {
                if (current != null) {
                    blocks.add(current.toString());
                }
                current = null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        if (current != null) {
            blocks.add(current.toString());
        }
        return blocks;
    }
}
