-- The first schema: tracks with their file, tags and audio facts; analysis results; problem files.
CREATE TABLE track (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    path VARCHAR(4096) NOT NULL,
    path_key CHAR(64) NOT NULL,
    size_bytes BIGINT NOT NULL,
    modified_millis BIGINT NOT NULL,
    format VARCHAR(16) NOT NULL,
    fast_fingerprint VARCHAR(64),
    sha256 CHAR(64),
    added_millis BIGINT NOT NULL,
    missing_since_millis BIGINT,
    title VARCHAR(2048),
    artists VARCHAR(4096) NOT NULL,
    album VARCHAR(2048),
    album_artist VARCHAR(2048),
    track_number INT,
    disc_number INT,
    release_year INT,
    genre VARCHAR(512),
    label VARCHAR(512),
    isrc VARCHAR(32),
    comment_text VARCHAR(8192),
    tag_bpm DOUBLE,
    tag_key VARCHAR(32),
    codec VARCHAR(16) NOT NULL,
    duration_seconds DOUBLE,
    bitrate_kbps INT NOT NULL,
    sample_rate_hz INT NOT NULL,
    bits_per_sample INT NOT NULL,
    channels INT NOT NULL,
    lossless BOOLEAN NOT NULL,
    rg_track_gain_db DOUBLE,
    rg_track_peak DOUBLE,
    rg_album_gain_db DOUBLE,
    rg_album_peak DOUBLE,
    has_artwork BOOLEAN NOT NULL,
    warnings VARCHAR(8192) NOT NULL
);
CREATE UNIQUE INDEX track_path_key ON track (path_key);
CREATE INDEX track_sha256 ON track (sha256);
CREATE INDEX track_missing_since ON track (missing_since_millis);

CREATE TABLE analysis_value (
    track_id BIGINT NOT NULL REFERENCES track (id) ON DELETE CASCADE,
    analyser_id VARCHAR(64) NOT NULL,
    analyser_version VARCHAR(64) NOT NULL,
    field VARCHAR(64) NOT NULL,
    number_value DOUBLE,
    integer_value BIGINT,
    text_value VARCHAR(8192),
    boolean_value BOOLEAN,
    PRIMARY KEY (track_id, analyser_id, field)
);

CREATE TABLE problem (
    path_key CHAR(64) NOT NULL PRIMARY KEY,
    path VARCHAR(4096) NOT NULL,
    reason VARCHAR(2048) NOT NULL,
    seen_millis BIGINT NOT NULL
);
