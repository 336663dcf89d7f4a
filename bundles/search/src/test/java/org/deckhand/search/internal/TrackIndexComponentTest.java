package org.deckhand.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deckhand.api.runtime.RuntimeProperties;
import org.deckhand.api.search.QuerySyntaxException;
import org.deckhand.api.search.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

class TrackIndexComponentTest {

    @TempDir
    Path data;

    @Test
    void keepsTheIndexInTheDataFolderAndCommitsWhenDeactivated() throws IOException, QuerySyntaxException {
        TrackIndexComponent component = new TrackIndexComponent(contextWithData(data));
        Path folder = data.resolve("index/tracks");
        assertTrue(Files.exists(folder.resolve("segments_1")), "an empty index is committed on first start");
        component.put(Fixture.TRACKS.get(0));
        assertEquals(List.of(1L), component.search(new SearchRequest("bjork", null, null, 10)).trackIds());
        component.deactivate();

        TrackIndexComponent reopened = new TrackIndexComponent(contextWithData(data));
        assertEquals(1, reopened.size());
        reopened.deactivate();
    }

    private static BundleContext contextWithData(Path data) {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("getProperty") && RuntimeProperties.DATA.equals(arguments[0])) {
                        return data.toString();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
