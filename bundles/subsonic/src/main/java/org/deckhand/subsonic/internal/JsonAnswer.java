package org.deckhand.subsonic.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Writes an answer as the Subsonic JSON form: {@code {"subsonic-response": {...}}}, attributes as properties,
 * repeated children as arrays, text as {@code value}, OpenSubsonic extensions included.
 */
final class JsonAnswer {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonAnswer() {
    }

    /**
     * @param root the {@code subsonic-response} element
     * @param out where to write, UTF-8
     * @throws IOException if writing fails
     */
    static void write(Element root, OutputStream out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeFieldName(root.name());
            write(root, json);
            json.writeEndObject();
        }
    }

    private static void write(Element element, JsonGenerator json) throws IOException {
        json.writeStartObject();
        writeAttributes(element.attributes(), json);
        writeAttributes(element.jsonOnlyAttributes(), json);
        for (Map.Entry<String, Element.Children> entry : element.children().entrySet()) {
            json.writeFieldName(entry.getKey());
            Element.Children children = entry.getValue();
            if (children.repeated()) {
                json.writeStartArray();
                for (Element child : children.elements()) {
                    write(child, json);
                }
                json.writeEndArray();
            } else {
                write(children.elements().get(0), json);
            }
        }
        if (element.text() != null) {
            json.writeStringField("value", element.text());
        }
        json.writeEndObject();
    }

    private static void writeAttributes(Map<String, Object> attributes, JsonGenerator json) throws IOException {
        for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
            json.writeFieldName(attribute.getKey());
            if (attribute.getValue() instanceof List<?> values) {
                json.writeStartArray();
                for (Object value : values) {
                    writeValue(value, json);
                }
                json.writeEndArray();
            } else {
                writeValue(attribute.getValue(), json);
            }
        }
    }

    private static void writeValue(Object value, JsonGenerator json) throws IOException {
        if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value instanceof Integer || value instanceof Long) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number number) {
            json.writeNumber(number.doubleValue());
        } else {
            json.writeString(String.valueOf(value));
        }
    }
}
