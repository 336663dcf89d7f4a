package org.deckhand.renamer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each sanitising rule of the portable and the POSIX profile. */
class PathSanitiserTest {

    private final PathSanitiser portable = new PathSanitiser(NamingProfile.PORTABLE);
    private final PathSanitiser posix = new PathSanitiser(NamingProfile.POSIX);

    private String file(PathSanitiser sanitiser, String rendered) throws InvalidTargetException {
        TargetName name = sanitiser.sanitise(rendered, "mp3");
        return String.join("/", name.folders()) + (name.folders().isEmpty() ? "" : "/") + name.fileName(1);
    }

    @Test
    void windowsCharactersAndControlCharactersAreReplaced() throws InvalidTargetException {
        assertEquals("a_b_c_d_e_f_g_h_i_j.mp3", file(portable, "a<b>c:d\"e\\f|g?h*i\u0007j"));
        assertEquals("a<b>c:d\"e\\f|g?h*i_j.mp3", file(posix, "a<b>c:d\"e\\f|g?h*i\u0007j"));
    }

    @Test
    void trailingDotsAndSpacesLeadingSpacesAndLeadingDotsGo() throws InvalidTargetException {
        assertEquals("Vol/Song.mp3", file(portable, "Vol. . /  Song.. "));
        assertEquals("_hidden/_x.mp3", file(portable, ".hidden/.x"));
        assertEquals("Vol. ./Song...mp3", file(posix, "Vol. ./  Song.."));
    }

    @Test
    void windowsReservedNamesGetAnUnderscore() throws InvalidTargetException {
        assertEquals("_CON/_nul.mp3", file(portable, "CON/nul"));
        assertEquals("_com1.txt/_LPT9.mp3", file(portable, "com1.txt/LPT9"));
        assertEquals("Console/CONE.mp3", file(portable, "Console/CONE"));
        assertEquals("CON/nul.mp3", file(posix, "CON/nul"));
    }

    @Test
    void emptyNamesAndParentFoldersAreRefused() {
        InvalidTargetException parent = assertThrows(InvalidTargetException.class, () -> file(portable, "../x"));
        assertTrue(parent.getMessage().contains("'..'"), parent.getMessage());
        assertThrows(InvalidTargetException.class, () -> file(posix, "a/../x"));
        InvalidTargetException empty = assertThrows(InvalidTargetException.class, () -> file(portable, "a/ "));
        assertEquals("the template gives an empty file name", empty.getMessage());
        assertThrows(InvalidTargetException.class, () -> file(portable, "a//b"));
        assertThrows(InvalidTargetException.class, () -> file(portable, "..."), "dots alone strip to nothing");
    }

    @Test
    void longCjkTitleIsCutTo255BytesAtACharacterKeepingTheExtension() throws InvalidTargetException {
        String title = "東京の夜明けに響く歌".repeat(20);
        String name = file(portable, title);
        assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 255, name);
        assertTrue(name.endsWith(".mp3"), name);
        assertTrue(title.startsWith(name.substring(0, name.length() - 4)), "a whole-character prefix: " + name);
        assertEquals(251 / 3 * 3, name.substring(0, name.length() - 4).getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void emojiAndCombiningAccentsAreNeverSplit() throws InvalidTargetException {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        String name = file(portable, "a".repeat(230) + family + family);
        String base = name.substring(0, name.length() - 4);
        assertEquals("a".repeat(230) + family, base, "a ZWJ sequence is one grapheme: kept whole or dropped");
        String decomposed = "e\u0301".repeat(200);
        String cut = file(posix, "x" + decomposed);
        assertEquals(Normalizer.normalize("x" + decomposed, Normalizer.Form.NFC).substring(0, 126) + ".mp3", cut,
                "NFC first (é is 2 bytes), then cut at a character");
    }

    @Test
    void numberedNamesStillFit() throws InvalidTargetException {
        TargetName name = portable.sanitise("z".repeat(300), "flac");
        String second = name.fileName(2);
        assertTrue(second.endsWith(" (2).flac"), second);
        assertEquals(255, second.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(Path.of("/m/a/b.mp3"), portable.sanitise("a/b", "mp3").resolve(Path.of("/m"), 1));
    }

    @Test
    void namesThatDifferOnlyInCaseOrNormalisationCollide() {
        assertEquals(PathSanitiser.collisionKey("/m/Björk/Army Of Me.mp3"),
                PathSanitiser.collisionKey("/m/BJO\u0308RK/army of me.MP3"));
        assertEquals(List.of(false), List.of(PathSanitiser.collisionKey("/m/a").equals(PathSanitiser.collisionKey("/m/b"))));
    }
}
