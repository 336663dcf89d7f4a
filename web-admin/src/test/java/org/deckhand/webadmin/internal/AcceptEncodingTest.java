package org.deckhand.webadmin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcceptEncodingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "gzip, deflate, br, zstd | true",
        "br;q=1.0, gzip;q=0.8    | true",
        "GZIP                    | true",
        "x-gzip                  | true",
        "*                       | true",
        "*, gzip;q=0             | false",
        "gzip;q=0                | false",
        "gzip; q=0.000           | false",
        "identity                | false",
        "br                      | false",
        "''                      | false",
        "NULL                    | false"})
    void gzipIsSentOnlyWhereTheClientAcceptsIt(String header, boolean expected) {
        assertEquals(expected, AcceptEncoding.allowsGzip(header), String.valueOf(header));
    }
}
