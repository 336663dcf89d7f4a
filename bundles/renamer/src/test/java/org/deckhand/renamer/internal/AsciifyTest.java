package org.deckhand.renamer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code %asciify} transliterates as beets does: each expected form below is what Python's {@code unidecode} 1.3.6
 * (Debian's python3-unidecode, the library beets calls) gives, and the second test asks it again where it is
 * installed.
 */
class AsciifyTest {

    private static final Map<String, String> BEETS = new LinkedHashMap<>();

    static {
        BEETS.put("坂本龍一風トリオ", "Ban Ben Long Yi Feng torio");
        BEETS.put("夜明けの歌", "Ye Ming kenoGe ");
        BEETS.put("한국어", "hangugeo");
        BEETS.put("Дмитрий Тестов - Песня без слов", "Dmitrii Testov - Pesnia bez slov");
        BEETS.put("Ελληνικά Σιγουρ Ρος", "Ellenika Sigour Ros");
        BEETS.put("Björk Motörhead Straße Œuvre", "Bjork Motorhead Strasse OEuvre");
        BEETS.put("Zoe\u0308 Ångström ﬁ", "Zoe Angstrom fi");
        BEETS.put("😀 party", " party");
    }

    @Test
    void cjkCyrillicGreekAndAccentsBecomeTheAsciiBeetsWrites() {
        BEETS.forEach((text, ascii) -> assertEquals(ascii, Asciify.of(text), text));
    }

    @Test
    void beetsUnidecodeAgrees() throws IOException, InterruptedException {
        List<String> texts = List.copyOf(BEETS.keySet());
        Process python = new ProcessBuilder("/usr/bin/python3", "-c", "import sys\nfrom unidecode import unidecode\n"
                + "for line in sys.stdin.read().split('\\n'):\n    print(unidecode(line))").start();
        python.getOutputStream().write(String.join("\n", texts).getBytes(StandardCharsets.UTF_8));
        python.getOutputStream().close();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        python.getErrorStream().readAllBytes();
        assumeTrue(python.waitFor() == 0, "python3 with unidecode (Debian's python3-unidecode) is not installed");
        List<String> expected = List.of(out.split("\n", -1)).subList(0, texts.size());
        assertEquals(expected, texts.stream().map(Asciify::of).toList());
    }
}
