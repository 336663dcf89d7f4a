package org.deckhand.renamer.internal;

import java.nio.file.Path;

/**
 * A move the planner proposes.
 *
 * @param trackId the track whose file it is, or {@code null} for a sidecar (cover art, CUE sheet...)
 * @param source the file now, absolute
 * @param target where it goes, absolute
 * @param reason why it gets this name: {@code template} or what made it differ (a collision)
 */
record PlannedMove(Long trackId, Path source, Path target, String reason) {
}
