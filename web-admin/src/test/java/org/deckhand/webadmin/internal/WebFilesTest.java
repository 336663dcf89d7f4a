package org.deckhand.webadmin.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class WebFilesTest {

    private final WebFiles files = new WebFiles(WebFilesTest.class.getClassLoader(), "console");

    @Test
    void aFileComesWithItsTypeAndItsCompressedForm() throws IOException {
        WebFile script = files.find("assets/app-1a2b.js").orElseThrow();
        assertEquals("text/javascript;charset=UTF-8", script.contentType());
        assertEquals("console.log(1)", new String(script.content(), StandardCharsets.UTF_8));
        try (GZIPInputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(script.gzipped()))) {
            assertArrayEquals(script.content(), unzipped.readAllBytes());
        }
    }

    @Test
    void aFileWithoutACompressedFormIsSentAsItIs() {
        WebFile index = files.find("index.html").orElseThrow();
        assertEquals("text/html;charset=UTF-8", index.contentType());
        assertNull(index.gzipped());
    }

    @Test
    void entityTagsDifferWithTheContent() {
        String index = files.find("index.html").orElseThrow().etag();
        String script = files.find("assets/app-1a2b.js").orElseThrow().etag();
        assertTrue(index.startsWith("\"") && index.endsWith("\""), index);
        assertNotEquals(index, script);
        assertEquals(index, files.find("index.html").orElseThrow().etag());
    }

    @Test
    void missingFilesUnknownTypesAndCompressedFilesByNameAreNotServed() {
        assertTrue(files.find("assets/missing.js").isEmpty());
        assertTrue(files.find("notes.xyz").isEmpty());
        assertTrue(files.find("assets/app-1a2b.js.gz").isEmpty());
    }
}
