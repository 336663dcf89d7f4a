package org.deckhand.tracklists.internal.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FetcherSettingsTest {

    private static Object configured(String attribute) throws NoSuchMethodException {
        return FetcherConfiguration.class.getMethod(attribute).getDefaultValue();
    }

    @Test
    void theDefaultsAreTheConfigurationsDefaults() throws Exception {
        FetcherSettings defaults = FetcherSettings.defaults("1.0");
        assertEquals(Duration.ofMillis(Math.round((double) configured("minimumGapSeconds") * 1000)),
                defaults.minimumGap());
        assertEquals(Duration.ofSeconds((int) configured("maximumCrawlDelaySeconds")), defaults.maximumCrawlDelay());
        assertEquals(configured("budget"), defaults.budget());
        assertEquals(Duration.ofSeconds((int) configured("budgetWindowSeconds")), defaults.budgetWindow());
        assertEquals(Duration.ofSeconds((int) configured("connectTimeoutSeconds")), defaults.connectTimeout());
        assertEquals(Duration.ofSeconds((int) configured("answerTimeoutSeconds")), defaults.answerTimeout());
        assertEquals(configured("maximumRedirects"), defaults.maximumRedirects());
        assertEquals((int) configured("maximumMegabytes") * 1024L * 1024L, defaults.maximumBytes());
        assertEquals(Duration.ofSeconds((int) configured("maximumRetryAfterSeconds")), defaults.maximumRetryAfter());
        assertEquals(Duration.ofMinutes((int) configured("blockedMinutes")), defaults.blockedFor());
        assertEquals(Duration.ofDays((int) configured("pageTimeToLiveDays")), defaults.pageTimeToLive());
        assertEquals(Duration.ofHours((int) configured("searchTimeToLiveHours")), defaults.searchTimeToLive());
        assertEquals(configured("cacheHeapEntries"), defaults.cacheHeapEntries());
        assertEquals(configured("cacheDiskMegabytes"), defaults.cacheDiskMegabytes());
        assertEquals("Deckhand/1.0", defaults.userAgent().substring(0, 12));
    }
}
