package org.deckhand.tags.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.KeyNotFoundException;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.TagField;
import org.jaudiotagger.tag.TagTextField;
import org.jaudiotagger.tag.id3.AbstractID3v2Frame;
import org.jaudiotagger.tag.id3.Id3SupportingTag;
import org.jaudiotagger.tag.id3.framebody.FrameBodyCOMM;
import org.jaudiotagger.tag.id3.framebody.FrameBodyTXXX;
import org.jaudiotagger.tag.mp4.field.Mp4TagReverseDnsField;
import org.jaudiotagger.tag.wav.WavTag;

/**
 * Reads the text values of a JAudioTagger tag defensively: every value is cleaned (NUL padding and surrounding
 * blanks removed, empty becomes null), and a field that JAudioTagger fails to decode is recorded as a problem instead
 * of ending the reading. Also indexes the user-defined fields, which carry ReplayGain and other non-standard values:
 * ID3 {@code TXXX} frames by description, MP4 freeform ({@code ----}) atoms by name, Vorbis comments and ASF
 * attributes by field name, WAV INFO chunks JAudioTagger does not map by chunk id, all upper-cased; ID3 COMM
 * frames, whatever their description, as {@code COMMENT}.
 */
final class TagValues {

    private final Tag tag;
    private final List<String> problems;
    private final Map<String, String> userFields;

    /**
     * @param tag the tag to read
     * @param problems where to record, for the user, each field that could not be read
     */
    TagValues(Tag tag, List<String> problems) {
        this.tag = tag;
        this.problems = problems;
        this.userFields = indexUserFields(tag);
    }

    /** @return the first value of a field, or null when absent, empty or unreadable */
    String first(FieldKey key) {
        try {
            return clean(tag.getFirst(key));
        } catch (UnsupportedOperationException | KeyNotFoundException e) {
            return null;
        } catch (RuntimeException e) {
            problems.add("the " + describe(key) + " tag could not be read (" + e.getClass().getSimpleName() + ")");
            return null;
        }
    }

    /** @return every non-empty value of a field, in order; empty when absent or unreadable */
    List<String> all(FieldKey key) {
        List<String> values = new ArrayList<>();
        try {
            for (String value : tag.getAll(key)) {
                String cleaned = clean(value);
                if (cleaned != null) {
                    values.add(cleaned);
                }
            }
        } catch (UnsupportedOperationException | KeyNotFoundException e) {
            return values;
        } catch (RuntimeException e) {
            problems.add("the " + describe(key) + " tag could not be read (" + e.getClass().getSimpleName() + ")");
        }
        return values;
    }

    /**
     * @param names user-defined field names, tried in order, case-insensitive
     * @return the value of the first of them the tag holds, or null
     */
    String user(String... names) {
        for (String name : names) {
            String value = userFields.get(name.toUpperCase(Locale.ROOT));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** @return the value of a standard field, else of the first user-defined field of those names the tag holds */
    String firstOrUser(FieldKey key, String... names) {
        String value = first(key);
        return value != null ? value : user(names);
    }

    /** Strips NUL padding (RIFF INFO strings are NUL-terminated) and blanks; empty becomes null. */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.replace("\u0000", " ").strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private Map<String, String> indexUserFields(Tag source) {
        Map<String, String> index = new LinkedHashMap<>();
        try {
            addFields(index, source);
            if (source instanceof Id3SupportingTag supporting && supporting.getID3Tag() != null
                    && supporting.getID3Tag() != source) {
                addFields(index, supporting.getID3Tag());
            }
            if (source instanceof WavTag wav && wav.getInfoTag() != null) {
                for (TagTextField field : wav.getInfoTag().getUnrecognisedFields()) {
                    index.putIfAbsent(field.getId().toUpperCase(Locale.ROOT), clean(field.getContent()));
                }
            }
        } catch (RuntimeException e) {
            problems.add("the user-defined tags could not be read (" + e.getClass().getSimpleName() + ")");
        }
        index.values().removeIf(value -> value == null);
        return index;
    }

    private static void addFields(Map<String, String> index, Tag source) {
        for (Iterator<TagField> fields = source.getFields(); fields.hasNext();) {
            TagField field = fields.next();
            if (field instanceof AbstractID3v2Frame frame && frame.getBody() instanceof FrameBodyTXXX txxx) {
                putFirst(index, txxx.getDescription(), txxx.getFirstTextValue());
            } else if (field instanceof AbstractID3v2Frame frame && frame.getBody() instanceof FrameBodyCOMM comm) {
                putFirst(index, "COMMENT", comm.getText());
            } else if (field instanceof Mp4TagReverseDnsField freeform) {
                putFirst(index, freeform.getDescriptor(), freeform.getContent());
            } else if (field instanceof TagTextField text && !field.isBinary()) {
                putFirst(index, text.getId(), text.getContent());
            }
        }
    }

    private static void putFirst(Map<String, String> index, String name, String value) {
        if (name != null && !name.isBlank()) {
            index.putIfAbsent(name.strip().toUpperCase(Locale.ROOT), clean(value));
        }
    }

    private static String describe(FieldKey key) {
        return key.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
