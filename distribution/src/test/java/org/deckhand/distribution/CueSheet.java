package org.deckhand.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a CUE sheet says, read as a CD burner or a splitter reads it: the audio file it names and the start of each
 * track ({@code INDEX 01 mm:ss:ff}, 75 frames a second); and what {@code cueprint} (cuetools) finds wrong with it.
 *
 * @param file the file its {@code FILE} line names, or null when it has none
 * @param indexSeconds each track's {@code INDEX 01}, in seconds, in the order of the sheet
 */
record CueSheet(String file, List<Double> indexSeconds) {

    private static final Pattern FILE = Pattern.compile("(?m)^\\s*FILE\\s+\"([^\"]*)\"");
    private static final Pattern INDEX = Pattern.compile("(?m)^\\s*INDEX\\s+01\\s+(\\d+):(\\d\\d):(\\d\\d)\\s*$");

    /**
     * @param text the sheet
     * @return what it says
     */
    static CueSheet parse(String text) {
        Matcher file = FILE.matcher(text);
        List<Double> indexes = new ArrayList<>();
        Matcher index = INDEX.matcher(text);
        while (index.find()) {
            indexes.add(Integer.parseInt(index.group(1)) * 60 + Integer.parseInt(index.group(2))
                    + Integer.parseInt(index.group(3)) / 75.0);
        }
        return new CueSheet(file.find() ? file.group(1) : null, List.copyOf(indexes));
    }

    /**
     * Runs {@code cueprint}, which exits with 0 even on a syntax error but then writes to its standard error.
     *
     * @param sheet the sheet's file
     * @return what cueprint wrote to its standard error, empty for a valid sheet
     * @throws IOException if cueprint cannot run
     */
    static String cueprintErrors(Path sheet) throws IOException {
        Process cueprint = new ProcessBuilder("cueprint", sheet.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String errors = new String(cueprint.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            int status = cueprint.waitFor();
            return status == 0 ? errors : errors + " (cueprint exited with " + status + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while cueprint read " + sheet, e);
        }
    }
}
