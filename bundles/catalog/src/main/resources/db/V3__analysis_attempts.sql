-- Analysis attempts: each track being analysed, with the analysers due, recorded before its run and deleted after it.
-- Rows found at a start belong to a track whose analysis stopped the server: its runs are then failed, and its rows
-- kept with stopped_server set, so that no analyser queues it again until the user asks or its file changes.
CREATE TABLE analysis_attempt (
    track_id BIGINT NOT NULL REFERENCES track (id) ON DELETE CASCADE,
    analyser_id VARCHAR(64) NOT NULL,
    analyser_version VARCHAR(64) NOT NULL,
    started_millis BIGINT NOT NULL,
    stopped_server BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (track_id, analyser_id)
);
