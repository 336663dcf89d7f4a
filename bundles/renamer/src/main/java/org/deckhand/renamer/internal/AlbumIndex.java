package org.deckhand.renamer.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The library's albums, for beets' {@code %aunique}: an album is the tracks in one folder that share album artist
 * and album, and its field values are those of its first track. Built in one pass over the catalog, before any
 * template is rendered; it holds one small map per album, not per track, of only the fields the templates'
 * {@code %aunique} calls compare, their values shared between albums. Not thread-safe while built; read-only after.
 *
 * <p>beets' rule ("aunique" in its path-format reference): albums that share the identifier fields' values get a
 * disambiguation: the value of the first disambiguator field whose values are distinct across all of them, in
 * brackets; when no field is, their order number ({@code [1]}, {@code [2]}). An empty value adds nothing.
 */
final class AlbumIndex {

    private final Map<String, Album> albums = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> answers = new HashMap<>();
    private final Set<String> kept;
    private final Map<String, String> sharedValues = new HashMap<>();

    /** An index that keeps every field of each album. */
    AlbumIndex() {
        this(null);
    }

    /**
     * @param kept the fields to keep of each album (those {@link Template#albumFields()} names); {@code null} for
     *     every field
     */
    AlbumIndex(Set<String> kept) {
        this.kept = kept == null ? null : Set.copyOf(kept);
    }

    /**
     * @param fields a track's fields; its album is taken in when it is the first track seen of it
     */
    void add(TrackFields fields) {
        String key = fields.albumKey();
        if (key != null && (kept == null || !kept.isEmpty()) && !albums.containsKey(key)) {
            Map<String, String> values = new HashMap<>();
            fields.values().forEach((name, value) -> {
                if (kept == null || kept.contains(name)) {
                    values.put(name, sharedValues.computeIfAbsent(value, v -> v));
                }
            });
            albums.put(key, new Album(Map.copyOf(values)));
        }
    }

    /**
     * @param albumKey a track's {@link TrackFields#albumKey()}
     * @param identifiers the fields that name an album, space-separated
     * @param disambiguators the fields to tell apart by, space-separated
     * @param brackets two characters, or empty for none
     * @return the disambiguation with its leading space, or empty
     */
    String disambiguation(String albumKey, String identifiers, String disambiguators, String brackets) {
        String spec = identifiers + "\u0000" + disambiguators + "\u0000" + brackets;
        return answers.computeIfAbsent(spec, s -> compute(identifiers, disambiguators, brackets))
                .getOrDefault(albumKey, "");
    }

    private Map<String, String> compute(String identifiers, String disambiguators, String brackets) {
        List<String> idFields = words(identifiers);
        List<String> tryFields = words(disambiguators);
        Map<List<String>, List<Map.Entry<String, Album>>> groups = new HashMap<>();
        for (Map.Entry<String, Album> album : albums.entrySet()) {
            List<String> id = idFields.stream().map(f -> album.getValue().values().getOrDefault(f, "")).toList();
            groups.computeIfAbsent(id, i -> new ArrayList<>()).add(album);
        }
        String open = brackets.length() >= 2 ? brackets.substring(0, 1) : "";
        String close = brackets.length() >= 2 ? brackets.substring(brackets.length() - 1) : "";
        Map<String, String> result = new HashMap<>();
        for (List<Map.Entry<String, Album>> group : groups.values()) {
            if (group.size() < 2) {
                continue;
            }
            String field = tryFields.stream().filter(f -> distinct(group, f)).findFirst().orElse(null);
            for (int i = 0; i < group.size(); i++) {
                String value = field == null ? Integer.toString(i + 1)
                        : group.get(i).getValue().values().getOrDefault(field, "");
                if (!value.isEmpty()) {
                    result.put(group.get(i).getKey(), " " + open + value.replaceAll("[/\\\\]", "_") + close);
                }
            }
        }
        return result;
    }

    private static boolean distinct(List<Map.Entry<String, Album>> group, String field) {
        Set<String> seen = new HashSet<>();
        return group.stream().allMatch(a -> seen.add(a.getValue().values().getOrDefault(field, "")));
    }

    private static List<String> words(String fields) {
        return Arrays.stream(fields.strip().split("\\s+")).filter(w -> !w.isEmpty())
                .collect(Collectors.toList());
    }

    /** An album: its first track's field values. */
    private record Album(Map<String, String> values) {
    }
}
