package org.deckhand.webadmin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/index.html", "/library", "/library/", "/tracks/12", "/queue", "/settings",
        "/no-such-page"})
    void theConsolesPagesAreItsIndex(String path) {
        assertEquals(Optional.of(new WebPath("index.html", true)), WebPath.of(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/assets/index-3f2a.js", "/favicon.svg", "/favicon-nope.png"})
    void aNameWithAnExtensionIsAFile(String path) {
        WebPath web = WebPath.of(path).orElseThrow();
        assertEquals(path.substring(1), web.file());
        assertFalse(web.page());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/..", "/../secret.txt", "/assets/../../org/deckhand/webadmin/internal/FrontPage.class",
        "/..%2fsecret.txt", "/%2e%2e/secret.txt", "/assets%2findex.js", "/assets\\..\\x.js", "//etc/passwd",
        "/.hidden", "/assets/.env", "/a/./b.js", "/a b.js", "/x.js%00.html", "/api", "/api/v2/things", "/api/"})
    void malformedHostileAndApiPathsAreRefused(String path) {
        assertEquals(Optional.empty(), WebPath.of(path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/assets/index-3f2a.js", "/assets/index-3f2a.css"})
    void onlyHashedAssetsAreImmutable(String path) {
        assertTrue(WebPath.of(path).orElseThrow().immutable());
        assertFalse(WebPath.of("/favicon.svg").orElseThrow().immutable());
        assertFalse(WebPath.of("/").orElseThrow().immutable());
    }
}
