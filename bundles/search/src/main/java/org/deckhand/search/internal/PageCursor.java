package org.deckhand.search.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;
import org.deckhand.api.search.QuerySyntaxException;

/**
 * The cursor that continues a search after a page: the sort values of the page's last hit (its id last), encoded
 * as URL-safe base64 without padding and sealed with a digest of the values, the query and the sort, so that a
 * cursor that was altered or that belongs to another search is refused. The values, not a position, mark the
 * place, so tracks added or removed between pages cause no duplicates or gaps.
 */
final class PageCursor {

    private static final byte VERSION = 1;
    private static final int SEAL_BYTES = 12;
    private static final String MALFORMED = "malformed cursor";

    private PageCursor() {
    }

    /**
     * @param query the query as requested
     * @param sort the sort the values follow
     * @param last the last hit of the page, with its sort values
     * @return the cursor
     */
    static String encode(String query, TrackSort sort, FieldDoc last) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            for (Object value : last.fields) {
                writeValue(out, value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] payload = bytes.toByteArray();
        byte[] sealed = Arrays.copyOf(payload, payload.length + SEAL_BYTES);
        System.arraycopy(seal(query, sort, payload), 0, sealed, payload.length, SEAL_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    /**
     * @param cursor a cursor from {@link #encode}
     * @param query the query as requested now
     * @param sort the sort requested now
     * @return the hit to search after; its document number is the largest, so that a hit with equal sort values
     *     (only the same track, since ids are unique) is not returned again
     * @throws QuerySyntaxException {@code "malformed cursor"} if the cursor was altered, belongs to another query
     *     or sort, or cannot be decoded
     */
    static FieldDoc decode(String cursor, String query, TrackSort sort) throws QuerySyntaxException {
        byte[] sealed;
        try {
            sealed = Base64.getUrlDecoder().decode(cursor.strip());
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        if (sealed.length <= SEAL_BYTES) {
            throw malformed();
        }
        byte[] payload = Arrays.copyOf(sealed, sealed.length - SEAL_BYTES);
        byte[] seal = Arrays.copyOfRange(sealed, payload.length, sealed.length);
        if (!MessageDigest.isEqual(seal, Arrays.copyOf(seal(query, sort, payload), SEAL_BYTES))) {
            throw malformed();
        }
        SortField[] fields = sort.sort().getSort();
        Object[] values = new Object[fields.length];
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            if (in.readByte() != VERSION) {
                throw malformed();
            }
            for (int i = 0; i < fields.length; i++) {
                values[i] = readValue(in, fields[i].getType());
            }
            if (in.available() > 0) {
                throw malformed();
            }
        } catch (IOException e) {
            throw malformed();
        }
        return new FieldDoc(Integer.MAX_VALUE, Float.NaN, values);
    }

    private static void writeValue(DataOutputStream out, Object value) throws IOException {
        if (value == null) {
            out.writeBoolean(false);
            return;
        }
        out.writeBoolean(true);
        if (value instanceof Float number) {
            out.writeFloat(number);
        } else if (value instanceof Double number) {
            out.writeDouble(number);
        } else if (value instanceof Integer number) {
            out.writeInt(number);
        } else if (value instanceof Long number) {
            out.writeLong(number);
        } else if (value instanceof BytesRef text) {
            out.writeInt(text.length);
            out.write(text.bytes, text.offset, text.length);
        } else {
            throw new IllegalArgumentException("Unexpected sort value " + value.getClass());
        }
    }

    private static Object readValue(DataInputStream in, SortField.Type type) throws IOException,
            QuerySyntaxException {
        if (!in.readBoolean()) {
            if (type != SortField.Type.STRING) {
                throw malformed();
            }
            return null;
        }
        return switch (type) {
            case SCORE -> in.readFloat();
            case DOUBLE -> in.readDouble();
            case INT -> in.readInt();
            case LONG -> in.readLong();
            case STRING -> readBytes(in);
            default -> throw malformed();
        };
    }

    private static BytesRef readBytes(DataInputStream in) throws IOException, QuerySyntaxException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw malformed();
        }
        return new BytesRef(in.readNBytes(length));
    }

    private static byte[] seal(String query, TrackSort sort, byte[] payload) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((query == null ? "" : query).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(sort.name().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return digest.digest(payload);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    private static QuerySyntaxException malformed() {
        return new QuerySyntaxException(MALFORMED, 0);
    }
}
