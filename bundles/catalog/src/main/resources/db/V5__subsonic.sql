-- What the owner says while listening, for the Subsonic API: stars, ratings and plays by item, playlists, play queue.
CREATE TABLE annotation (
    item_key VARCHAR(64) NOT NULL PRIMARY KEY,
    starred_millis BIGINT,
    rating INT NOT NULL DEFAULT 0,
    play_count BIGINT NOT NULL DEFAULT 0,
    last_played_millis BIGINT
);

CREATE TABLE playlist (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name VARCHAR(1024) NOT NULL,
    description VARCHAR(4096),
    owner_name VARCHAR(256) NOT NULL,
    is_public BOOLEAN NOT NULL,
    created_millis BIGINT NOT NULL,
    changed_millis BIGINT NOT NULL
);

CREATE TABLE playlist_entry (
    playlist_id BIGINT NOT NULL REFERENCES playlist (id) ON DELETE CASCADE,
    place INT NOT NULL,
    track_id BIGINT NOT NULL REFERENCES track (id) ON DELETE CASCADE,
    PRIMARY KEY (playlist_id, place)
);

CREATE TABLE play_queue (
    place INT NOT NULL PRIMARY KEY,
    track_id BIGINT NOT NULL REFERENCES track (id) ON DELETE CASCADE
);

CREATE TABLE play_queue_state (
    id INT NOT NULL PRIMARY KEY,
    current_track_id BIGINT,
    position_millis BIGINT NOT NULL,
    changed_millis BIGINT NOT NULL,
    changed_by VARCHAR(256) NOT NULL
);
