package org.deckhand.renamer.internal;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a rendered template into a {@link TargetName} valid on the file systems of a {@link NamingProfile}. Every
 * name is put in Unicode NFC and cut to {@value #MAX_COMPONENT_BYTES} bytes of UTF-8 (ext4, Btrfs and ZFS allow 255
 * bytes; NTFS, exFAT and FAT32 255 UTF-16 units, which 255 bytes never exceed), at a grapheme boundary so that no
 * accent or emoji is split, keeping the extension. Thread-safe.
 *
 * <p>Sources: Microsoft, "Naming Files, Paths, and Namespaces" (reserved characters and names, trailing dots and
 * spaces); POSIX.1-2017 section 3.170 (file name).
 */
final class PathSanitiser {

    /** The longest name of a file or folder, in bytes of UTF-8. */
    static final int MAX_COMPONENT_BYTES = 255;

    private static final Pattern PORTABLE_FORBIDDEN = Pattern.compile("[<>:\"/\\\\|?*\\x00-\\x1f\\x7f]");
    private static final Pattern POSIX_FORBIDDEN = Pattern.compile("[/\\x00-\\x1f\\x7f]");
    private static final Pattern PORTABLE_TRAILING = Pattern.compile("[. ]+$");
    private static final Pattern LEADING_SPACE = Pattern.compile("^\\s+");
    private static final Pattern TRAILING_SPACE = Pattern.compile("\\s+$");
    /** An extended grapheme cluster (Unicode UAX #29): a letter with its accents, an emoji ZWJ sequence. */
    private static final Pattern GRAPHEME = Pattern.compile("\\X");
    private static final Set<String> RESERVED = reservedNames();

    private final NamingProfile profile;

    /**
     * @param profile the file systems the names must be valid on
     */
    PathSanitiser(NamingProfile profile) {
        this.profile = profile;
    }

    /**
     * @param rendered a rendered template, whose {@code /} separate folder names
     * @param extension the file's extension without its dot, or empty
     * @return the target
     * @throws InvalidTargetException if a name is empty, or is {@code .} or {@code ..}, before or after sanitising
     */
    TargetName sanitise(String rendered, String extension) throws InvalidTargetException {
        String[] parts = rendered.split("/", -1);
        List<String> folders = new ArrayList<>();
        for (int i = 0; i < parts.length - 1; i++) {
            folders.add(name(parts[i], "folder name " + (i + 1), MAX_COMPONENT_BYTES));
        }
        String ext = extension.isEmpty() ? "" : component(extension);
        int room = MAX_COMPONENT_BYTES - (ext.isEmpty() ? 0 : ext.getBytes(StandardCharsets.UTF_8).length + 1);
        String base = name(parts[parts.length - 1], "file name", room);
        return new TargetName(folders, base, ext);
    }

    /**
     * The key under which SMB, macOS and Windows see a path as one file: NFC and case folded.
     *
     * @param path a path as text
     * @return its key
     */
    static String collisionKey(String path) {
        return Normalizer.normalize(path, Normalizer.Form.NFC).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /**
     * Cuts text to a number of bytes of UTF-8 at a grapheme-cluster boundary, then strips what would end the name
     * badly (trailing spaces, and on the portable profile trailing dots).
     *
     * @param text a name, in NFC
     * @param maxBytes the most bytes it may take
     * @return the longest prefix that fits
     */
    static String cut(String text, int maxBytes) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return text;
        }
        Matcher graphemes = GRAPHEME.matcher(text);
        int end = 0;
        int bytes = 0;
        while (graphemes.find()) {
            int size = graphemes.group().getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            end = graphemes.end();
        }
        return PORTABLE_TRAILING.matcher(text.substring(0, end)).replaceAll("");
    }

    private String name(String raw, String what, int maxBytes) throws InvalidTargetException {
        String stripped = raw.strip();
        if (stripped.equals(".") || stripped.equals("..")) {
            throw new InvalidTargetException("the template gives '" + stripped + "' as the " + what
                    + ", which would leave the folder");
        }
        String name = cut(component(raw), maxBytes);
        if (name.isEmpty()) {
            throw new InvalidTargetException("the template gives an empty " + what);
        }
        return name;
    }

    private String component(String raw) {
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        name = (profile == NamingProfile.PORTABLE ? PORTABLE_FORBIDDEN : POSIX_FORBIDDEN).matcher(name)
                .replaceAll("_");
        name = LEADING_SPACE.matcher(name).replaceAll("");
        name = (profile == NamingProfile.PORTABLE ? PORTABLE_TRAILING : TRAILING_SPACE).matcher(name)
                .replaceAll("");
        if (name.startsWith(".")) {
            name = "_" + name.substring(1);
        }
        if (profile == NamingProfile.PORTABLE) {
            int dot = name.indexOf('.');
            String stem = (dot < 0 ? name : name.substring(0, dot)).strip().toUpperCase(Locale.ROOT);
            if (RESERVED.contains(stem)) {
                name = "_" + name;
            }
        }
        return name;
    }

    private static Set<String> reservedNames() {
        List<String> names = new ArrayList<>(List.of("CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"));
        for (String device : List.of("COM", "LPT")) {
            for (String digit : List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³")) {
                names.add(device + digit);
            }
        }
        return Set.copyOf(names);
    }
}
