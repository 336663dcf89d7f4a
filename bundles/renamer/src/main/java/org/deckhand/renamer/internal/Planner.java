package org.deckhand.renamer.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.deckhand.api.catalog.Catalog;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.search.QuerySyntaxException;
import org.deckhand.api.search.SearchPage;
import org.deckhand.api.search.SearchRequest;
import org.deckhand.api.search.TrackIndex;

/**
 * Works out a batch without touching anything: each track's target by the first path rule whose query matches it,
 * sanitised, below its own music folder or the one asked for; collisions (two tracks to one name, or a name taken
 * on disk, case and Unicode normalisation ignored, as SMB and macOS see names) get {@code " (2)"}, {@code " (3)"}...;
 * sidecar files (cover art, CUE sheets, lyrics, rip logs, NFO) follow an album folder whose tracks all move to one
 * folder. Two passes over the catalog: one for the albums ({@code %aunique}), one for the targets; it holds neither
 * the tracks nor the moves, which go to a {@link Sink} as they are worked out.
 */
final class Planner {

    private static final int PAGE = 1000;
    private static final Pattern SIDECAR = Pattern.compile(
            "(?i)(.*\\.(cue|lrc|log|nfo)|(cover|folder|front|back|albumart|album)\\.(jpe?g|png|gif|webp))");

    private final Catalog catalog;
    private final TrackIndex index;
    private final List<Path> musicFolders;

    /**
     * @param catalog the tracks
     * @param index finds the tracks a query matches
     * @param musicFolders the music folders, absolute
     */
    Planner(Catalog catalog, TrackIndex index, List<Path> musicFolders) {
        this.catalog = catalog;
        this.index = index;
        this.musicFolders = List.copyOf(musicFolders);
    }

    /**
     * What to plan.
     *
     * @param query which tracks, in Deckhand's search language; empty or null for every track
     * @param rules the path rules
     * @param profile the names' profile
     * @param maxPathBytes the longest whole target path, in bytes of UTF-8
     * @param targetFolder the music folder to move every track into, or {@code null} for each track's own
     */
    record Request(String query, PathRules rules, NamingProfile profile, int maxPathBytes, Path targetFolder) {
    }

    /**
     * Where a plan's moves and errors go as they are worked out, so that the planner need not hold them.
     */
    interface Sink {
        /**
         * @param move the next move: tracks first, in id order, then sidecar files
         * @throws IOException if it cannot be kept
         */
        void move(PlannedMove move) throws IOException;

        /**
         * @param error the next track that gets no move
         * @throws IOException if it cannot be kept
         */
        void error(Batch.PlanError error) throws IOException;
    }

    /**
     * A plan's counts.
     *
     * @param considered how many tracks the plan looked at (those the query selects, or the whole library)
     * @param unchanged how many of them are already where their rule puts them
     * @param unmatched how many match no rule and stay
     * @param conflicts how many moves got a numbered name because another track or file has their name
     */
    record Counts(long considered, long unchanged, long unmatched, long conflicts) {
    }

    /**
     * @param request what to plan
     * @return the plan, held whole
     * @throws QuerySyntaxException if the query or a rule's query is malformed
     * @throws IllegalArgumentException if the target folder is not one of the music folders
     */
    Plan plan(Request request) throws QuerySyntaxException {
        List<PlannedMove> moves = new ArrayList<>();
        List<Batch.PlanError> errors = new ArrayList<>();
        try {
            Counts counts = plan(request, new Sink() {
                @Override
                public void move(PlannedMove move) {
                    moves.add(move);
                }

                @Override
                public void error(Batch.PlanError error) {
                    errors.add(error);
                }
            });
            return new Plan(moves, errors, counts.considered(), counts.unchanged(), counts.unmatched(),
                    counts.conflicts());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Plans, handing each move and error to the sink as it is worked out. What the planner itself holds is bounded
     * by the albums (for {@code %aunique}, only the fields it compares), the folders, and one collision key per
     * target; the moves are the sink's.
     *
     * @param request what to plan
     * @param sink takes the moves and errors
     * @return the counts
     * @throws QuerySyntaxException if the query or a rule's query is malformed
     * @throws IllegalArgumentException if the target folder is not one of the music folders
     * @throws IOException if the sink fails
     */
    Counts plan(Request request, Sink sink) throws QuerySyntaxException, IOException {
        if (request.targetFolder() != null && !musicFolders.contains(request.targetFolder())) {
            throw new IllegalArgumentException("the target folder " + request.targetFolder()
                    + " is not one of the music folders " + musicFolders + "; files are only moved within them");
        }
        BitSet selected = blank(request.query()) ? null : matching(request.query());
        List<BitSet> ruleMatches = new ArrayList<>();
        for (PathRules.Rule rule : request.rules().rules()) {
            ruleMatches.add(rule.query() == null ? null : matching(rule.query()));
        }
        List<String> reasons = request.rules().rules().stream().map(rule -> "rule '" + rule.written() + "'").toList();
        AlbumIndex albums = new AlbumIndex(albumFields(request.rules()));
        Map<Path, Integer> tracksPerFolder = new HashMap<>();
        catalog.forEach(track -> {
            if (track.missingSince() == null) {
                albums.add(TrackFields.of(track, albums));
                tracksPerFolder.merge(track.track().file().path().getParent(), 1, Integer::sum);
            }
        });
        PathSanitiser sanitiser = new PathSanitiser(request.profile());
        Taken taken = new Taken();
        Map<Path, FolderMove> folders = new LinkedHashMap<>();
        long[] counts = new long[4];
        try {
            catalog.forEach(track -> {
                if (track.missingSince() != null || selected != null && !selected.get((int) track.id())) {
                    return;
                }
                counts[0]++;
                Path source = track.track().file().path();
                int ruleIndex = ruleFor(track.id(), ruleMatches);
                FolderMove folder = folders.computeIfAbsent(source.getParent(), FolderMove::new);
                folder.seen++;
                if (ruleIndex < 0) {
                    counts[2]++;
                    folder.stays = true;
                    return;
                }
                PathRules.Rule rule = request.rules().rules().get(ruleIndex);
                try {
                    Path root = request.targetFolder() != null ? request.targetFolder() : rootOf(source);
                    String rendered = rule.template().render(TrackFields.of(track, albums));
                    TargetName name = sanitiser.sanitise(rendered, extension(source));
                    Optional<Path> target = claim(name, root, source, taken, request.maxPathBytes());
                    if (target.isEmpty()) {
                        counts[1]++;
                        folder.stays = true;
                        return;
                    }
                    String reason = reasons.get(ruleIndex);
                    if (!target.get().getFileName().toString().equals(name.fileName(1))) {
                        counts[3]++;
                        reason += "; numbered: " + name.resolve(root, 1).getFileName() + " is taken";
                    }
                    sink.move(new PlannedMove(track.id(), source, target.get(), reason));
                    folder.track(source, target.get());
                } catch (InvalidTargetException | TemplateRenderException e) {
                    error(sink, new Batch.PlanError(track.id(), source, e.getMessage()));
                    folder.stays = true;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (Map.Entry<Path, FolderMove> entry : folders.entrySet()) {
            FolderMove folder = entry.getValue();
            if (!folder.stays && folder.target != null && folder.seen == tracksPerFolder.get(entry.getKey())) {
                sidecars(entry.getKey(), folder, taken, request.maxPathBytes(), sanitiser, sink);
            }
        }
        return new Counts(counts[0], counts[1], counts[2], counts[3]);
    }

    private static void error(Sink sink, Batch.PlanError error) {
        try {
            sink.error(error);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fields the rules' {@code %aunique} calls compare; {@code null} when only rendering tells. */
    private static Set<String> albumFields(PathRules rules) {
        Set<String> fields = new HashSet<>();
        for (PathRules.Rule rule : rules.rules()) {
            Set<String> named = rule.template().albumFields();
            if (named == null) {
                return null;
            }
            fields.addAll(named);
        }
        return fields;
    }

    /**
     * @return the track's target, numbered when the name is taken; empty when the track is already there
     * @throws InvalidTargetException if the whole path is too long
     */
    private static Optional<Path> claim(TargetName name, Path root, Path source, Taken taken, int maxPathBytes)
            throws InvalidTargetException {
        String sourceKey = PathSanitiser.collisionKey(source.toString());
        for (int number = 1; ; number++) {
            Path target = name.resolve(root, number);
            int bytes = target.toString().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > maxPathBytes) {
                throw new InvalidTargetException("the target " + target + " is " + bytes + " bytes long, more than "
                        + "the limit of " + maxPathBytes + " (maxPathBytes)");
            }
            String key = PathSanitiser.collisionKey(target.toString());
            if (target.equals(source)) {
                taken.claimed.add(key);
                return Optional.empty();
            }
            if (key.equals(sourceKey) && taken.claimed.add(key)) {
                return Optional.of(target);
            }
            if (!taken.claimed.contains(key) && !taken.onDisk(target)) {
                taken.claimed.add(key);
                return Optional.of(target);
            }
        }
    }

    private static void sidecars(Path folder, FolderMove move, Taken taken, int maxPathBytes,
            PathSanitiser sanitiser, Sink sink) throws IOException {
        List<Path> files;
        try (Stream<Path> entries = Files.list(folder)) {
            files = entries.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return;
        }
        try {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (!SIDECAR.matcher(name).matches()) {
                    continue;
                }
                int dot = name.lastIndexOf('.');
                String base = name.substring(0, dot);
                String newBase = move.renamedBases.getOrDefault(base, base);
                TargetName target = sanitiser.sanitise(newBase, name.substring(dot + 1));
                Optional<Path> claimed = claim(target, move.target, file, taken, maxPathBytes);
                if (claimed.isPresent()) {
                    sink.move(new PlannedMove(null, file, claimed.get(), "sidecar of the album in " + folder));
                }
            }
        } catch (InvalidTargetException e) {
            // The sidecars stay where they are (as when the folder cannot be listed): the album's tracks move
            // without them.
        }
    }

    private BitSet matching(String query) throws QuerySyntaxException {
        BitSet ids = new BitSet();
        String cursor = null;
        do {
            SearchPage page = index.search(new SearchRequest(query, null, cursor, PAGE));
            page.trackIds().forEach(id -> ids.set((int) (long) id));
            cursor = page.nextCursor();
        } while (cursor != null);
        return ids;
    }

    private static int ruleFor(long trackId, List<BitSet> ruleMatches) {
        for (int i = 0; i < ruleMatches.size(); i++) {
            if (ruleMatches.get(i) == null || ruleMatches.get(i).get((int) trackId)) {
                return i;
            }
        }
        return -1;
    }

    private Path rootOf(Path source) throws InvalidTargetException {
        return musicFolders.stream().filter(source::startsWith).findFirst().orElseThrow(
                () -> new InvalidTargetException(source + " is in none of the music folders " + musicFolders));
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot + 1) : "";
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** The names claimed so far, and those on disk, by collision key; each folder is listed once. */
    private static final class Taken {
        final Set<String> claimed = new HashSet<>();
        final Map<Path, Set<String>> listed = new HashMap<>();

        boolean onDisk(Path target) {
            Set<String> names = listed.computeIfAbsent(target.getParent(), folder -> {
                Set<String> keys = new HashSet<>();
                if (Files.isDirectory(folder)) {
                    try (Stream<Path> entries = Files.list(folder)) {
                        entries.forEach(e -> keys.add(PathSanitiser.collisionKey(e.getFileName().toString())));
                    } catch (IOException | UncheckedIOException e) {
                        keys.add(null);
                    }
                }
                return keys;
            });
            return names.contains(null) || names.contains(PathSanitiser.collisionKey(
                    target.getFileName().toString()));
        }
    }

    /**
     * Where one source folder's tracks go. It keeps the new names of only those tracks that a sidecar is named
     * like ({@code 01 Song.lrc} beside {@code 01 Song.flac}), which a listing of the folder tells when it is first
     * seen.
     */
    private static final class FolderMove {
        int seen;
        boolean stays;
        Path target;
        final Set<String> sidecarBases = new HashSet<>();
        final Map<String, String> renamedBases = new HashMap<>();

        FolderMove(Path folder) {
            try (Stream<Path> entries = Files.list(folder)) {
                entries.map(e -> e.getFileName().toString()).filter(n -> SIDECAR.matcher(n).matches())
                        .forEach(n -> sidecarBases.add(n.substring(0, n.lastIndexOf('.'))));
            } catch (IOException | UncheckedIOException e) {
                // Not listed (or gone while listed): no sidecar is known, and the sidecar pass lists it again if the
                // album moves.
            }
        }

        void track(Path source, Path to) {
            if (target == null) {
                target = to.getParent();
            } else if (!target.equals(to.getParent())) {
                stays = true;
            }
            String base = base(source);
            if (sidecarBases.contains(base)) {
                renamedBases.put(base, base(to));
            }
        }

        private static String base(Path file) {
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            return dot > 0 ? name.substring(0, dot) : name;
        }
    }
}
