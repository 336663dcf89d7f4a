package org.deckhand.renamer.internal;

import java.io.IOException;
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
 * folder. Two passes over the catalog: one for the albums ({@code %aunique}), one for the targets; what it holds is
 * the moves, not the tracks.
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
     * @param request what to plan
     * @return the plan
     * @throws QuerySyntaxException if the query or a rule's query is malformed
     * @throws IllegalArgumentException if the target folder is not one of the music folders
     */
    Plan plan(Request request) throws QuerySyntaxException {
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
        AlbumIndex albums = new AlbumIndex();
        Map<Path, Integer> tracksPerFolder = new HashMap<>();
        catalog.forEach(track -> {
            if (track.missingSince() == null) {
                albums.add(TrackFields.of(track, albums));
                tracksPerFolder.merge(track.track().file().path().getParent(), 1, Integer::sum);
            }
        });
        PathSanitiser sanitiser = new PathSanitiser(request.profile());
        Taken taken = new Taken();
        List<PlannedMove> moves = new ArrayList<>();
        List<Batch.PlanError> errors = new ArrayList<>();
        Map<Path, FolderMove> folders = new LinkedHashMap<>();
        long[] counts = new long[4];
        catalog.forEach(track -> {
            if (track.missingSince() != null || selected != null && !selected.get((int) track.id())) {
                return;
            }
            counts[0]++;
            Path source = track.track().file().path();
            int ruleIndex = ruleFor(track.id(), ruleMatches);
            FolderMove folder = folders.computeIfAbsent(source.getParent(), f -> new FolderMove());
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
                moves.add(new PlannedMove(track.id(), source, target.get(), reason));
                folder.track(source, target.get());
            } catch (InvalidTargetException | TemplateRenderException e) {
                errors.add(new Batch.PlanError(track.id(), source, e.getMessage()));
                folder.stays = true;
            }
        });
        for (Map.Entry<Path, FolderMove> entry : folders.entrySet()) {
            FolderMove folder = entry.getValue();
            if (!folder.stays && folder.target != null && folder.seen == tracksPerFolder.get(entry.getKey())) {
                sidecars(entry.getKey(), folder, taken, request.maxPathBytes(), sanitiser, moves);
            }
        }
        return new Plan(moves, errors, counts[0], counts[1], counts[2], counts[3]);
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
            PathSanitiser sanitiser, List<PlannedMove> moves) {
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path file : entries.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (!SIDECAR.matcher(name).matches()) {
                    continue;
                }
                int dot = name.lastIndexOf('.');
                String base = name.substring(0, dot);
                String newBase = move.renamedBases.getOrDefault(base, base);
                TargetName target = sanitiser.sanitise(newBase, name.substring(dot + 1));
                Optional<Path> claimed = claim(target, move.target, file, taken, maxPathBytes);
                claimed.ifPresent(path -> moves.add(new PlannedMove(null, file, path,
                        "sidecar of the album in " + folder)));
            }
        } catch (IOException | InvalidTargetException e) {
            // The sidecars stay where they are: the album's tracks move without them.
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
                    } catch (IOException e) {
                        keys.add(null);
                    }
                }
                return keys;
            });
            return names.contains(null) || names.contains(PathSanitiser.collisionKey(
                    target.getFileName().toString()));
        }
    }

    /** Where one source folder's tracks go. */
    private static final class FolderMove {
        int seen;
        boolean stays;
        Path target;
        final Map<String, String> renamedBases = new HashMap<>();

        void track(Path source, Path to) {
            if (target == null) {
                target = to.getParent();
            } else if (!target.equals(to.getParent())) {
                stays = true;
            }
            renamedBases.put(base(source), base(to));
        }

        private static String base(Path file) {
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            return dot > 0 ? name.substring(0, dot) : name;
        }
    }
}
