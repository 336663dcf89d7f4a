/**
 * Streaming a mix: one render per mix, ahead of real time, shared by every listener through one encoder per format
 * and bit rate, each listener reading the encoded bytes from a ring at its own pace; ICY now-playing titles; the
 * {@code /stream/*} servlet. Private to the bundle.
 */
package org.deckhand.mixer.internal.stream;
