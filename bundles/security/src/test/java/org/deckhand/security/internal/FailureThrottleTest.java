package org.deckhand.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.deckhand.testing.RecordingEventAdmin;
import org.junit.jupiter.api.Test;

class FailureThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final RecordingEventAdmin eventAdmin = new RecordingEventAdmin();
    private final SecurityEvents events = new SecurityEvents(eventAdmin);
    private final FailureThrottle throttle = new FailureThrottle(clock, events);

    @Test
    void anAddressIsHeldBackAfterTenFailuresUntilTheFirstLeavesTheWindow() {
        for (int i = 0; i < FailureThrottle.MAX_FAILURES - 1; i++) {
            throttle.begin("192.0.2.7").failed();
            clock.advance(Duration.ofSeconds(10));
        }
        FailureThrottle.Attempt tenth = throttle.begin("192.0.2.7");
        assertTrue(tenth.allowed());

        tenth.failed();

        assertEquals(FailureThrottle.WINDOW.toSeconds() - 90, throttle.begin("192.0.2.7").retryAfterSeconds());
        assertTrue(throttle.begin("192.0.2.8").allowed(), "another address is not held back");
        clock.advance(FailureThrottle.WINDOW.minusSeconds(90));
        assertTrue(throttle.begin("192.0.2.7").allowed());
    }

    @Test
    void checksUnderWayTakeTheirPlaceBeforeTheyFail() {
        List<FailureThrottle.Attempt> underWay = new ArrayList<>();
        for (int i = 0; i < 4 * FailureThrottle.MAX_FAILURES; i++) {
            underWay.add(throttle.begin("192.0.2.7"));
        }

        assertEquals(FailureThrottle.MAX_FAILURES, underWay.stream().filter(FailureThrottle.Attempt::allowed).count());
        underWay.get(0).abandoned();
        assertTrue(throttle.begin("192.0.2.7").allowed(), "an abandoned check gives its place back");
    }

    @Test
    void aSuccessForgetsTheFailures() {
        for (int i = 0; i < FailureThrottle.MAX_FAILURES - 1; i++) {
            throttle.begin("192.0.2.7").failed();
        }
        throttle.begin("192.0.2.7").succeeded();
        throttle.begin("192.0.2.7").failed();

        assertTrue(throttle.begin("192.0.2.7").allowed());
    }

    @Test
    void aFloodOfAddressesEvictsTheOldestOfThoseNotHeldBack() {
        throttle.begin("198.51.100.1").failed();
        for (int i = 0; i < FailureThrottle.MAX_FAILURES; i++) {
            throttle.begin("198.51.100.2").failed();
        }
        for (int i = 0; i < 3 * FailureThrottle.MAX_TRACKED_ADDRESSES; i++) {
            throttle.begin("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255)).failed();
            if (i % 1000 == 0) {
                assertFalse(throttle.begin("198.51.100.2").allowed(), "released after " + i + " other addresses");
            }
        }

        assertTrue(throttle.trackedAddresses() <= FailureThrottle.MAX_TRACKED_ADDRESSES,
                throttle.trackedAddresses() + " addresses tracked");
        assertTrue(throttle.begin("198.51.100.1").allowed(), "the oldest was evicted");
    }

    @Test
    void anIpv6AddressCountsAgainstItselfAndItsSlash64AndAnIpv4MappedOneAsItsIpv4Address() {
        assertEquals(List.of("2001:db8:0:1:abcd:0:0:17", "2001:db8:0:1:0:0:0:0/64"),
                FailureThrottle.keysOf("2001:db8:0:1:abcd::17"));
        assertEquals(List.of("2001:db8:0:1:0:0:0:1", "2001:db8:0:1:0:0:0:0/64"),
                FailureThrottle.keysOf("[2001:db8:0:1::1%eth0]"));
        assertEquals(List.of("192.0.2.7"), FailureThrottle.keysOf("::ffff:192.0.2.7"));
        assertEquals(List.of("192.0.2.7"), FailureThrottle.keysOf("192.0.2.7"));
        assertEquals(List.of("not:an:address:zz"), FailureThrottle.keysOf("not:an:address:zz"));
    }

    @Test
    void aSlash64IsHeldBackAfterAHundredFailuresOfItsAddressesWhichASuccessDoesNotForget() {
        for (int i = 0; i < FailureThrottle.MAX_NETWORK_FAILURES - 1; i++) {
            throttle.begin("2001:db8:0:7:" + Integer.toHexString(i + 1) + "::1").failed();
        }
        throttle.begin("2001:db8:0:7::cafe").succeeded();
        assertTrue(throttle.begin("2001:db8:0:7::beef").allowed());
        throttle.begin("2001:db8:0:7::bad").failed();

        assertFalse(throttle.begin("2001:db8:0:7::beef").allowed(), "another address of the /64");
        assertTrue(throttle.begin("2001:db8:0:8::1").allowed(), "another /64");
    }

    @Test
    void oneAddressOfASlash64IsHeldBackWithoutItsNeighbours() {
        for (int i = 0; i < FailureThrottle.MAX_FAILURES; i++) {
            throttle.begin("2001:db8:0:7::1").failed();
        }

        assertFalse(throttle.begin("2001:db8:0:7::1").allowed());
        assertTrue(throttle.begin("2001:db8:0:7::2").allowed(), "a neighbour on the same home network");
    }
}
