package org.deckhand.notifier.internal.digest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.deckhand.api.notify.Field;
import org.deckhand.api.notify.Kind;
import org.deckhand.api.notify.Level;
import org.deckhand.api.notify.Message;

/**
 * The notices of one kind gathered over one window, kept as counts (so that a burst of 100,000 events takes a few
 * kilobytes), and the one message they become: "2,048 tracks added: 1,310 FLAC, 738 MP3; 3 tracks gone", the first
 * few names of each group, and a link to the console. Its running summary is written as JSON
 * ({@link #summary()}) and read back ({@link #fromSummary}), so that an open window survives a crash. Not
 * thread-safe.
 */
final class Digest {

    /** How many names of each group a digest lists. */
    static final int NAMES_LISTED = 5;

    /** How many entries of a group's breakdown its title lists before "N other". */
    static final int BREAKDOWN_LISTED = 4;

    /** The notices of one group: their count, breakdown and first names. */
    private static final class Group {
        final String one;
        final String many;
        long count;
        final Map<String, Long> breakdown = new LinkedHashMap<>();
        final List<String> names = new ArrayList<>();

        Group(String one, String many) {
            this.one = one;
            this.many = many;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Kind kind;
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private Notice first;
    private long total;
    private Level level = Level.INFO;

    /** @param kind the kind of every notice it gathers */
    Digest(Kind kind) {
        this.kind = kind;
    }

    /** @param notice a notice of this digest's kind */
    void add(Notice notice) {
        if (first == null) {
            first = notice;
        }
        total++;
        if (notice.level().compareTo(level) > 0) {
            level = notice.level();
        }
        Group group = groups.computeIfAbsent(notice.many(), many -> new Group(notice.one(), many));
        group.count++;
        notice.breakdown().ifPresent(key -> group.breakdown.merge(key, 1L, Long::sum));
        notice.item().filter(name -> group.names.size() < NAMES_LISTED).ifPresent(group.names::add);
    }

    /**
     * @return what it gathered, as JSON: {@code total}, {@code level}, {@code first} (the first notice, whole) and
     *     {@code groups} (each with {@code one}, {@code many}, {@code count}, {@code breakdown}, {@code names})
     */
    String summary() {
        ObjectNode root = JSON.createObjectNode();
        root.put("total", total);
        root.put("level", level.name());
        ObjectNode notice = root.putObject("first");
        notice.put("kind", first.kind().name()).put("level", first.level().name()).put("one", first.one())
                .put("many", first.many()).put("breakdown", first.breakdown().orElse(null))
                .put("item", first.item().orElse(null)).put("title", first.title()).put("text", first.text())
                .put("consolePath", first.consolePath());
        ArrayNode list = root.putArray("groups");
        for (Group group : groups.values()) {
            ObjectNode node = list.addObject().put("one", group.one).put("many", group.many).put("count", group.count);
            ObjectNode breakdown = node.putObject("breakdown");
            group.breakdown.forEach(breakdown::put);
            ArrayNode names = node.putArray("names");
            group.names.forEach(names::add);
        }
        return root.toString();
    }

    /**
     * @param kind the window's kind
     * @param summary what {@link #summary()} wrote
     * @return the digest again, as it was when the summary was written
     * @throws IllegalArgumentException if the summary is not one
     */
    static Digest fromSummary(Kind kind, String summary) {
        JsonNode root;
        try {
            root = JSON.readTree(summary);
        } catch (IOException e) {
            throw new IllegalArgumentException("A stored digest window of " + kind + " is damaged: " + e.getMessage());
        }
        JsonNode notice = root.path("first");
        if (!root.path("total").canConvertToLong() || !notice.isObject()) {
            throw new IllegalArgumentException("A stored digest window of " + kind + " is damaged: no total or first");
        }
        Digest digest = new Digest(kind);
        digest.total = root.path("total").asLong();
        digest.level = Level.valueOf(root.path("level").asText());
        digest.first = new Notice(Kind.valueOf(notice.path("kind").asText()), Level.valueOf(notice.path("level")
                .asText()), notice.path("one").asText(), notice.path("many").asText(), text(notice, "breakdown"),
                text(notice, "item"), notice.path("title").asText(), notice.path("text").asText(),
                notice.path("consolePath").asText());
        for (JsonNode node : root.path("groups")) {
            Group group = new Group(node.path("one").asText(), node.path("many").asText());
            group.count = node.path("count").asLong();
            node.path("breakdown").fields().forEachRemaining(entry -> group.breakdown.put(entry.getKey(),
                    entry.getValue().asLong()));
            node.path("names").forEach(name -> group.names.add(name.asText()));
            digest.groups.put(group.many, group);
        }
        return digest;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** @return how many notices it gathered */
    long size() {
        return total;
    }

    /**
     * @param console the console's address, such as {@code http://nas:8080/}
     * @param now when the window closed
     * @return the message: the notice itself when it gathered only one
     */
    Message message(URI console, Instant now) {
        if (total == 1) {
            return new Message(UUID.randomUUID().toString(), kind, first.level(), first.title(), first.text(),
                    List.of(), Optional.of(link(console, first.consolePath())), Optional.empty(), now, 1);
        }
        List<String> titles = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        for (Group group : groups.values()) {
            titles.add(EventMapper.count(group.count) + " " + (group.count == 1 ? group.one : group.many)
                    + breakdown(group));
            fields.add(new Field(capitalised(group.many), EventMapper.count(group.count)));
            if (!group.names.isEmpty()) {
                long more = group.count - group.names.size();
                lines.add(capitalised(group.many) + ": " + String.join(", ", group.names)
                        + (more > 0 ? " and " + EventMapper.count(more) + " more" : ""));
            }
        }
        return new Message(UUID.randomUUID().toString(), kind, level, String.join("; ", titles),
                String.join("\n", lines), fields, Optional.of(link(console, defaultPath(kind))), Optional.empty(),
                now, (int) Math.min(Integer.MAX_VALUE, total));
    }

    private static String breakdown(Group group) {
        if (group.breakdown.isEmpty()) {
            return "";
        }
        List<Map.Entry<String, Long>> sorted = group.breakdown.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toList());
        List<String> parts = new ArrayList<>();
        long other = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (i < BREAKDOWN_LISTED) {
                parts.add(EventMapper.count(sorted.get(i).getValue()) + " " + sorted.get(i).getKey());
            } else {
                other += sorted.get(i).getValue();
            }
        }
        if (other > 0) {
            parts.add(EventMapper.count(other) + " other");
        }
        return ": " + String.join(", ", parts);
    }

    /**
     * @param kind a kind
     * @return the console page that shows that kind's news
     */
    static String defaultPath(Kind kind) {
        return switch (kind) {
            case LIBRARY, RENAMER -> "/library";
            case ANALYSIS -> "/queue";
            case PLUGINS -> "/plugins";
            case TRACKLISTS -> "/tracklists";
            case MIXER, HEALTH, SECURITY -> "/";
        };
    }

    private static URI link(URI console, String path) {
        String base = console.toString().replaceAll("/+$", "");
        return URI.create(base + path);
    }

    private static String capitalised(String phrase) {
        return Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1);
    }
}
