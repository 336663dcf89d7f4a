package org.deckhand.mixer.internal.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class IcyWriterTest {

    private static final int META_INT = 16_000;

    @Test
    void aBlockFollowsEvery16000AudioBytesWithTheTitlePlayingThere() throws Exception {
        byte[] audio = new byte[3 * META_INT + 5_000];
        for (int i = 0; i < audio.length; i++) {
            audio[i] = (byte) (i * 7);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IcyWriter writer = new IcyWriter(out, META_INT);
        for (int start = 0; start < audio.length; start += 7_000) {
            byte[] chunk = Arrays.copyOfRange(audio, start, Math.min(audio.length, start + 7_000));
            writer.write(chunk, chunk.length, start, position -> position < 20_000 ? "Artist A - One" : "B - Two's");
        }
        Parsed parsed = parse(out.toByteArray());
        assertArrayEquals(audio, parsed.audio());
        assertEquals(List.of("StreamTitle='Artist A - One';", "StreamTitle='B - Two\u2019s';", ""),
                parsed.blocks());
    }

    @Test
    void blocksArePaddedWithNulsToAMultipleOf16() {
        byte[] block = IcyWriter.block("DJ - Track");
        assertEquals(0, (block.length - 1) % 16);
        assertEquals((block.length - 1) / 16, block[0]);
        assertEquals(0, block[block.length - 1]);
    }

    @Test
    void aTitleHoldingTheTerminatorOrAnApostropheIsReadWholeByPlayersThatStopAtEither() {
        String title = "Guns N' Roses - Sweet Child O' Mine ';StreamUrl='http://evil';";
        String text = new String(IcyWriter.block(title), 1, IcyWriter.block(title).length - 1,
                StandardCharsets.UTF_8).replace("\0", "");
        String value = text.substring("StreamTitle='".length());
        assertEquals(value.indexOf("';"), value.length() - 2, "the only ';' ends the block: " + text);
        assertEquals(value.indexOf('\''), value.length() - 2, "the only quote ends the title: " + text);
        assertEquals("Guns N\u2019 Roses - Sweet Child O\u2019 Mine \u2019;StreamUrl=\u2019http://evil\u2019;",
                value.substring(0, value.length() - 2));
    }

    @Test
    void aTitleTooLongForOneBlockIsShortenedBetweenCharactersAndStillEnds() {
        byte[] block = IcyWriter.block("Ж".repeat(3000));
        assertEquals(255, block[0] & 0xFF);
        String text = new String(block, 1, block.length - 1, StandardCharsets.UTF_8).replace("\0", "");
        assertTrue(text.endsWith("Ж';"), text.substring(text.length() - 10));
        assertFalse(text.contains("\uFFFD"));
    }

    /** Splits an ICY stream into its audio and its metadata blocks, as VLC and mpd do. */
    private static Parsed parse(byte[] stream) {
        ByteArrayOutputStream audio = new ByteArrayOutputStream();
        List<String> blocks = new ArrayList<>();
        int at = 0;
        while (at < stream.length) {
            int count = Math.min(META_INT, stream.length - at);
            audio.write(stream, at, count);
            at += count;
            if (count == META_INT && at < stream.length) {
                int length = (stream[at] & 0xFF) * 16;
                String text = new String(stream, at + 1, length, StandardCharsets.UTF_8);
                blocks.add(text.replace("\0", ""));
                at += 1 + length;
            }
        }
        return new Parsed(audio.toByteArray(), blocks);
    }

    private record Parsed(byte[] audio, List<String> blocks) {
    }
}
