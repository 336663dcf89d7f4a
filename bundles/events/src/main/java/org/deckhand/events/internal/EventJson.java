package org.deckhand.events.internal;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;

/**
 * Turns an EventAdmin event into the JSON object a Server-Sent Event carries: its topic and its properties, with
 * arrays and collections as JSON arrays, numbers, booleans and strings as themselves, and anything else as its
 * string form.
 */
final class EventJson {

    private EventJson() {
    }

    /**
     * @param event an event
     * @return {@code {"topic": ..., "properties": {...}}}
     */
    static Map<String, Object> of(Event event) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String name : event.getPropertyNames()) {
            if (!EventConstants.EVENT_TOPIC.equals(name)) {
                properties.put(name, jsonValue(event.getProperty(name)));
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("topic", event.getTopic());
        json.put("properties", properties);
        return json;
    }

    private static Object jsonValue(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        if (value.getClass().isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                list.add(jsonValue(Array.get(value, i)));
            }
            return list;
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(EventJson::jsonValue).toList();
        }
        return value.toString();
    }
}
