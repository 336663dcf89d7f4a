-- Tracklists of mixes (bundle org.deckhand.tracklists): a tracklist, its entries with their matches, mashup parts.
CREATE TABLE tracklist (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title VARCHAR(1024),
    djs VARCHAR(2048) NOT NULL,
    mix_date DATE,
    genres VARCHAR(1024) NOT NULL,
    source VARCHAR(64) NOT NULL,
    address VARCHAR(1000),
    fetched_millis BIGINT NOT NULL,
    imported_millis BIGINT NOT NULL,
    recording_track_id BIGINT,
    search_text CLOB(1M) NOT NULL
);
CREATE INDEX tracklist_address ON tracklist (address);
CREATE INDEX tracklist_recording ON tracklist (recording_track_id);

CREATE TABLE tracklist_entry (
    tracklist_id BIGINT NOT NULL REFERENCES tracklist (id) ON DELETE CASCADE,
    position INT NOT NULL,
    kind VARCHAR(16) NOT NULL,
    cue_seconds DOUBLE,
    artist VARCHAR(1024),
    title VARCHAR(1024),
    remix VARCHAR(1024),
    label VARCHAR(512),
    duration_seconds DOUBLE,
    with_previous BOOLEAN NOT NULL,
    dj_part VARCHAR(512),
    match_state VARCHAR(16) NOT NULL,
    match_track_id BIGINT,
    match_confidence DOUBLE NOT NULL,
    match_confirmed BOOLEAN NOT NULL,
    match_candidates VARCHAR(1024) NOT NULL,
    PRIMARY KEY (tracklist_id, position)
);

CREATE TABLE tracklist_mashup_part (
    tracklist_id BIGINT NOT NULL,
    position INT NOT NULL,
    part INT NOT NULL,
    artist VARCHAR(1024),
    title VARCHAR(1024),
    remix VARCHAR(1024),
    label VARCHAR(512),
    PRIMARY KEY (tracklist_id, position, part),
    FOREIGN KEY (tracklist_id, position) REFERENCES tracklist_entry (tracklist_id, position) ON DELETE CASCADE
);
