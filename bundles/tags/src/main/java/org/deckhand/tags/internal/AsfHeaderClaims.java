package org.deckhand.tags.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

/**
 * The part of {@link HeaderClaims} for WMA: the objects of an ASF file's Header Object (Advanced Systems Format
 * Specification, revision 01.20.05, Microsoft: Header Object, Header Extension Object), each of whose sizes must fit
 * in what holds it, and the lengths inside the objects whose fields JAudioTagger 3.0.1 allocates as claimed: the
 * description records of the Metadata and Metadata Library Objects (32-bit data lengths), the descriptors of the
 * Extended Content Description Object, the Content Description Object's strings, the Content Branding Object's image
 * and URLs and the Content Encryption Object's fields. Every length is little-endian.
 */
final class AsfHeaderClaims {

    /** Largest Header Object read: room for cover art in its metadata. */
    static final long MAX_HEADER_BYTES = 16L << 20;
    private static final int OBJECT_HEADER_BYTES = 24;
    private static final int HEADER_OBJECT_BYTES = 30;
    private static final int HEADER_EXTENSION_FIELDS = 22;

    private static final byte[] HEADER = guid("75B22630-668E-11CF-A6D9-00AA0062CE6C");
    private static final byte[] HEADER_EXTENSION = guid("5FBF03B5-A92E-11CF-8EE3-00C00C205365");
    private static final Map<String, String> OBJECT_NAMES = Map.of(
            HexFormat.of().formatHex(guid("75B22633-668E-11CF-A6D9-00AA0062CE6C")), "Content Description Object",
            HexFormat.of().formatHex(guid("D2D0A440-E307-11D2-97F0-00A0C95EA850")),
            "Extended Content Description Object",
            HexFormat.of().formatHex(guid("C5F8CBEA-5BAF-4877-8467-AA8C44FA4CCA")), "Metadata Object",
            HexFormat.of().formatHex(guid("44231C94-9498-49D1-A141-1D134E457054")), "Metadata Library Object",
            HexFormat.of().formatHex(guid("2211B3FA-BD23-11D2-B4B7-00A0C955FC6E")), "Content Branding Object",
            HexFormat.of().formatHex(guid("2211B3FB-BD23-11D2-B4B7-00A0C955FC6E")), "Content Encryption Object");

    private AsfHeaderClaims() {
    }

    /**
     * @param channel the file, which starts with the ASF Header Object's GUID
     * @throws IOException if an object or a field claims more than holds it, the reason naming it and the claim
     */
    static void check(FileChannel channel) throws IOException {
        byte[] head = Bytes.readUpTo(channel, 0, HEADER_OBJECT_BYTES);
        if (head.length < HEADER_OBJECT_BYTES || !Arrays.equals(head, 0, 16, HEADER, 0, 16)) {
            return;
        }
        long size = ByteBuffer.wrap(head, 16, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (size < HEADER_OBJECT_BYTES || size > channel.size()) {
            throw new IOException(String.format("the ASF Header Object claims %d bytes, but the file holds %d",
                    size, channel.size()));
        }
        if (size > MAX_HEADER_BYTES) {
            throw new IOException("the ASF Header Object is larger than " + (MAX_HEADER_BYTES >> 20) + " MiB");
        }
        ByteBuffer header = ByteBuffer.wrap(Bytes.readUpTo(channel, 0, (int) size)).order(ByteOrder.LITTLE_ENDIAN);
        objects(header, HEADER_OBJECT_BYTES, (int) size, "Header Object", true);
    }

    /** The objects from {@code from} to {@code to} of the header, one after the other. */
    private static void objects(ByteBuffer header, int from, int to, String holder, boolean nested)
            throws IOException {
        for (int at = from; at + OBJECT_HEADER_BYTES <= to; ) {
            String guid = HexFormat.of().formatHex(header.array(), at, at + 16);
            long size = header.getLong(at + 16);
            String name = OBJECT_NAMES.getOrDefault(guid, "object " + guid);
            if (size < OBJECT_HEADER_BYTES || size > to - at) {
                throw new IOException(String.format("the ASF %s at byte %d claims %d bytes, but %s", name, at, size,
                        size < OBJECT_HEADER_BYTES ? "its header alone takes " + OBJECT_HEADER_BYTES
                                : "only " + (to - at) + " are left in its " + holder));
            }
            ByteBuffer body = header.slice(at + OBJECT_HEADER_BYTES, (int) size - OBJECT_HEADER_BYTES)
                    .order(ByteOrder.LITTLE_ENDIAN);
            if (nested && Arrays.equals(header.array(), at, at + 16, HEADER_EXTENSION, 0, 16)) {
                headerExtension(header, at, (int) size);
            } else {
                fields("ASF " + name, body, name);
            }
            at += (int) size;
        }
    }

    /** Reserved GUID and WORD, then the DWORD size of the extension data: objects that must fit in the object. */
    private static void headerExtension(ByteBuffer header, int at, int size) throws IOException {
        int data = at + OBJECT_HEADER_BYTES + HEADER_EXTENSION_FIELDS;
        if (data > at + size) {
            throw new IOException("the ASF Header Extension Object at byte " + at + " is too short for its fields");
        }
        long claimed = header.getInt(data - 4) & 0xFFFFFFFFL;
        HeaderClaims.fits("ASF Header Extension Object's data", claimed, at + size - data);
        objects(header, data, data + (int) claimed, "Header Extension Object", false);
    }

    /** The lengths inside an object of those that JAudioTagger reads field by field; others are skipped whole. */
    private static void fields(String what, ByteBuffer body, String name) throws IOException {
        switch (name) {
            case "Content Description Object" -> {
                long strings = 0;
                for (int i = 0; i < 5; i++) {
                    strings += word(what, body);
                }
                HeaderClaims.fits(what + "'s strings", strings, body.remaining());
            }
            case "Extended Content Description Object" -> {
                int count = word(what, body);
                for (int i = 1; i <= count; i++) {
                    String descriptor = what + "'s descriptor " + i;
                    skip(descriptor + " name", body, word(descriptor, body));
                    word(descriptor, body);
                    skip(descriptor + " value", body, word(descriptor, body));
                }
            }
            case "Metadata Object", "Metadata Library Object" -> {
                int count = word(what, body);
                for (int i = 1; i <= count; i++) {
                    String record = what + "'s description record " + i;
                    word(record, body);
                    word(record, body);
                    int nameBytes = word(record, body);
                    word(record, body);
                    long dataBytes = dword(record, body);
                    skip(record + " name", body, nameBytes);
                    skip(record + " data", body, dataBytes);
                }
            }
            case "Content Branding Object" -> {
                dword(what, body);
                skip(what + "'s banner image", body, dword(what, body));
                skip(what + "'s banner image URL", body, dword(what, body));
                skip(what + "'s copyright URL", body, dword(what, body));
            }
            case "Content Encryption Object" -> {
                for (String field : new String[] {"secret data", "protection type", "key ID", "license URL"}) {
                    skip(what + "'s " + field, body, dword(what, body));
                }
            }
            default -> {
                // read by JAudioTagger within the object's size, or skipped
            }
        }
    }

    private static int word(String what, ByteBuffer body) throws IOException {
        if (body.remaining() < 2) {
            throw new IOException("the " + what + " ends early");
        }
        return body.getShort() & 0xFFFF;
    }

    private static long dword(String what, ByteBuffer body) throws IOException {
        if (body.remaining() < 4) {
            throw new IOException("the " + what + " ends early");
        }
        return body.getInt() & 0xFFFFFFFFL;
    }

    private static void skip(String what, ByteBuffer body, long bytes) throws IOException {
        if (bytes > body.remaining()) {
            throw new IOException(String.format("the %s claims %d bytes, but only %d are left in its object", what,
                    bytes, body.remaining()));
        }
        body.position(body.position() + (int) bytes);
    }

    /** @return a GUID as an ASF file holds it: its first three fields little-endian, the rest as written */
    private static byte[] guid(String text) {
        byte[] b = HexFormat.of().parseHex(text.replace("-", ""));
        return new byte[] {b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6], b[8], b[9], b[10], b[11], b[12], b[13],
            b[14], b[15]};
    }
}
