-- Analysis: array and binary values, the outcome of every analyser run, the queue, typed columns for core results.
ALTER TABLE analysis_value ADD COLUMN bytes_value BLOB(16M);
ALTER TABLE analysis_value ADD COLUMN bytes_type VARCHAR(16);

CREATE TABLE analyser_run (
    track_id BIGINT NOT NULL REFERENCES track (id) ON DELETE CASCADE,
    analyser_id VARCHAR(64) NOT NULL,
    analyser_version VARCHAR(64) NOT NULL,
    failure VARCHAR(2048),
    finished_millis BIGINT NOT NULL,
    PRIMARY KEY (track_id, analyser_id)
);
CREATE INDEX analyser_run_failed ON analyser_run (failure, finished_millis);

CREATE TABLE analysis_queue (
    track_id BIGINT NOT NULL PRIMARY KEY REFERENCES track (id) ON DELETE CASCADE,
    priority INT NOT NULL,
    requested_millis BIGINT NOT NULL,
    queued_order BIGINT GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX analysis_queue_order ON analysis_queue (priority DESC, queued_order DESC);

ALTER TABLE track ADD COLUMN bpm DOUBLE;
ALTER TABLE track ADD COLUMN bpm_confidence DOUBLE;
ALTER TABLE track ADD COLUMN first_downbeat_seconds DOUBLE;
ALTER TABLE track ADD COLUMN beat_period_seconds DOUBLE;
ALTER TABLE track ADD COLUMN musical_key VARCHAR(16);
ALTER TABLE track ADD COLUMN camelot VARCHAR(3);
ALTER TABLE track ADD COLUMN energy INT;
ALTER TABLE track ADD COLUMN integrated_lufs DOUBLE;
ALTER TABLE track ADD COLUMN true_peak_dbtp DOUBLE;
ALTER TABLE track ADD COLUMN replay_gain_db DOUBLE;
