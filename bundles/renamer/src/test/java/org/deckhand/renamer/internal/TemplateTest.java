package org.deckhand.renamer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.library.Tags;
import org.junit.jupiter.api.Test;

/**
 * The template language, on the cases of beets' own destination tests ({@code test/test_library.py},
 * {@code TestDestinationFunction}, {@code TestDisambiguation}), read as a source of cases, and Deckhand's fields.
 */
class TemplateTest {

    private static final CatalogTrack ITEM = TestTracks.track(1, Path.of("/music/in/x.mp3"),
            TestTracks.tags("the title", "the artist", "the album", 3, 2001), Map.of("bpm", 123.6), "8A");

    private static String render(String template) throws TemplateSyntaxException {
        return render(template, ITEM);
    }

    private static String render(String template, CatalogTrack track) throws TemplateSyntaxException {
        AlbumIndex albums = new AlbumIndex();
        return Template.parse(template).render(TrackFields.of(track, albums));
    }

    @Test
    void beetsFunctionsGiveBeetsResults() throws TemplateSyntaxException {
        assertEquals("FOO", render("%upper{foo}"));
        assertEquals("THE TITLE", render("%upper{$title}"));
        assertEquals("The title", render("%capitalize{$title}"));
        assertEquals("The Title", render("%title{$title}"));
        assertEquals("I Can't", render("%title{I can't}"));
        assertEquals("abC/1/2d", render("%asciify{ab\u00a2\u00bdd}").replace('_', '/'));
        assertEquals("the", render("%left{$title, 3}"));
        assertEquals("tle", render("%right{$title,3}"));
        assertEquals("x", render("x%if{,foo}"));
        assertEquals("x", render("x%if{false,foo}"));
        assertEquals("foo", render("%if{bar,foo}"));
        assertEquals("baz", render("%if{,foo,baz}"));
        assertEquals("baz", render("%if{false,foo,baz}"));
        assertEquals("baz", render("%if{0,foo,baz}"));
        assertEquals("%foo{bar}", render("%foo{bar}"));
        assertEquals(" /the artist", render(" %ifdef{bar}/$artist"));
        assertEquals("cool", render("%ifdef{artist,cool}"));
        assertEquals("not_played", render("%ifdef{genre,$genre,not_played}"));
        assertEquals("2001", render("%ifdef{year}"));
        assertEquals("Alice & Bob", render("%first{Alice / Bob / Eve,2,0, / , & }"));
        assertEquals("compilation", render("%first{album; ep; compilation,1,2}"));
        assertEquals("Beatles, The", render("%the{The Beatles}"));
        assertEquals("Ahmad Jamal", render("%the{Ahmad Jamal}"));
    }

    @Test
    void fieldsAreSubstitutedAndBeetsPadsIndices() throws TemplateSyntaxException {
        assertEquals("the album/the artist the title", render("$album/$artist $title"));
        assertEquals("03 - the title", render("${track} - $title"));
        assertEquals("08A - 124 - the artist - the title", render("$camelot - $bpm - $artist - $title"));
        assertEquals("Am 08A 1m MP3 mp3 2026-03-04 4:05", render("$key $camelot $openkey $format $ext $added $length"));
        assertEquals("the artist $foo", render("$artist $foo"), "an unknown field stays as written, as in beets");
        assertEquals("$5 and 100% , }", render("$$5 and 100$% $, $}"));
    }

    @Test
    void totalsAndTheCompilationFlagComeFromTheTags() throws TemplateSyntaxException {
        CatalogTrack boxSet = TestTracks.track(4, Path.of("/m/b.flac"), new Tags("t", List.of("a"), "b", null, 3, 2,
                1999, null, null, null, null, null, null, 9, 3, true));
        assertEquals("02 of 03/03 of 09 True", render("$disc of $disctotal/$track of $tracktotal $comp", boxSet));
        assertEquals("Compilations/b", render("%if{$comp,Compilations,$albumartist}/$album", boxSet));
        CatalogTrack single = TestTracks.track(5, Path.of("/m/s.flac"), new Tags("t", List.of("a"), "s", null, 1, null,
                1999, null, null, null, null, null, null, null, null, false));
        assertEquals("a/s", render("%if{$comp,Compilations,$albumartist}/$album", single),
                "False is false to %if, as in beets");
        assertEquals("[]", render("[$tracktotal$disctotal]", single));
    }

    @Test
    void missingFieldsAreEmptyAndArtistAndAlbumHaveDefaults() throws TemplateSyntaxException {
        CatalogTrack bare = TestTracks.track(2, Path.of("/m/a.flac"), TestTracks.tags(null, null, null, null, null));
        assertEquals("Unknown Artist/Unknown Album/ []", render("$albumartist/$album/$track$genre [$bpm]", bare));
        assertEquals("no", render("%ifdef{album,yes,no}", bare));
    }

    @Test
    void slashesInValuesDoNotMakeFolders() throws TemplateSyntaxException {
        CatalogTrack acdc = TestTracks.track(3, Path.of("/m/a.mp3"), TestTracks.tags("Back/Forth", "AC/DC", null,
                1, null));
        assertEquals("AC_DC/01 Back_Forth", render("$artist/$track $title", acdc));
    }

    @Test
    void malformedTemplatesNameThePositionAndTheFault() {
        TemplateSyntaxException unclosed = assertThrows(TemplateSyntaxException.class,
                () -> Template.parse("$artist/%upper{$title"));
        assertEquals(9, unclosed.position());
        assertEquals("character 9: %upper{ is never closed by }", unclosed.getMessage());
        TemplateSyntaxException field = assertThrows(TemplateSyntaxException.class, () -> Template.parse("a ${title"));
        assertEquals(3, field.position());
        TemplateSyntaxException arity = assertThrows(TemplateSyntaxException.class,
                () -> Template.parse("%left{$title}"));
        assertTrue(arity.getMessage().contains("%left takes 2 arguments, not 1"), arity.getMessage());
        TemplateSyntaxException count = assertThrows(TemplateSyntaxException.class,
                () -> Template.parse("%left{$title,abc}"));
        assertTrue(count.getMessage().contains("whole number"), count.getMessage());
        assertThrows(TemplateSyntaxException.class, () -> Template.parse("  "));
    }

    @Test
    void auniqueDisambiguatesAlbumsAsBeetsDoes() throws TemplateSyntaxException {
        CatalogTrack first = TestTracks.track(1, Path.of("/m/a/1.mp3"), TestTracks.tags("t", "x", "foo", 1, 2001));
        CatalogTrack second = TestTracks.track(2, Path.of("/m/b/1.mp3"), TestTracks.tags("t", "x", "foo", 1, 2002));
        CatalogTrack other = TestTracks.track(3, Path.of("/m/c/1.mp3"), TestTracks.tags("t", "x", "bar", 1, 2002));
        assertEquals(List.of("foo [2001]", "foo [2002]", "bar"),
                renderAll("$album%aunique{albumartist album,year}", first, second, other));
        assertEquals(List.of("foo (2001)", "foo (2002)", "bar"),
                renderAll("$album%aunique{albumartist album,year,()}", first, second, other));
        assertEquals(List.of("foo 2001", "foo 2002", "bar"),
                renderAll("$album%aunique{albumartist album,year,}", first, second, other));
        assertEquals(List.of("foo [2001]", "foo [2002]", "bar"), renderAll("$album%aunique{}", first, second,
                other), "by default the year tells them apart, albumtype being unknown here");
        CatalogTrack twin = TestTracks.track(4, Path.of("/m/d/1.mp3"), TestTracks.tags("t", "x", "foo", 1, 2001));
        assertEquals(List.of("foo [1]", "foo [2]"), renderAll("$album%aunique{albumartist album,year}", first, twin),
                "identical albums get numbers");
        CatalogTrack sameFolder = TestTracks.track(5, Path.of("/m/a/2.mp3"), TestTracks.tags("u", "x", "foo", 2, 2001));
        assertEquals(List.of("foo", "foo"), renderAll("$album%aunique{}", first, sameFolder),
                "two tracks of one album are not two albums");
    }

    @Test
    void theAlbumIndexKeepsOnlyTheFieldsAuniqueCompares() throws TemplateSyntaxException {
        assertEquals(Set.of("albumartist", "album", "albumtype", "year", "label", "catalognum", "albumdisambig",
                "releasegroupdisambig"), Template.parse("$albumartist/$album%aunique{}/$track $title").albumFields());
        assertEquals(Set.of("album", "genre", "year"), Template.parse("%upper{$album%aunique{album genre,year}}")
                .albumFields());
        assertEquals(Set.of(), Template.parse("$artist/$title").albumFields());
        assertNull(Template.parse("$album%aunique{album,$field}").albumFields(),
                "fields named by a field are only known when rendered");
    }

    /** Renders each track with an album index of every field and with one of only those the template compares. */
    private static List<String> renderAll(String template, CatalogTrack... tracks) throws TemplateSyntaxException {
        Template parsed = Template.parse(template);
        List<String> rendered = renderAll(parsed, new AlbumIndex(), tracks);
        assertEquals(rendered, renderAll(parsed, new AlbumIndex(parsed.albumFields()), tracks));
        return rendered;
    }

    private static List<String> renderAll(Template parsed, AlbumIndex albums, CatalogTrack... tracks) {
        List<TrackFields> fields = java.util.Arrays.stream(tracks).map(t -> TrackFields.of(t, albums)).toList();
        fields.forEach(albums::add);
        return fields.stream().map(parsed::render).toList();
    }
}
