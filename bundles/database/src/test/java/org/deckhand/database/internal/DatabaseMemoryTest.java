package org.deckhand.database.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.deckhand.testing.database.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine bounds each database's page cache, as Derby's own management bean reports it. */
class DatabaseMemoryTest {

    @TempDir
    Path folder;

    @Test
    void derbysPageCacheHoldsAtMost256Pages() throws SQLException, JMException {
        Path db = folder.resolve("db");
        TestDatabases.engine().open(db);
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            Set<ObjectName> caches = server.queryNames(new ObjectName(
                    "org.apache.derby:type=CacheManager,name=PageCache,db=" + ObjectName.quote(db.toString()) + ",*"),
                    null);

            assertEquals(1, caches.size(), caches.toString());
            assertEquals((long) DerbyDatabases.PAGE_CACHE_PAGES,
                    server.getAttribute(caches.iterator().next(), "MaxEntries"));
        } finally {
            TestDatabases.engine().shutdown(db);
        }
    }
}
