-- Crates (saved lists of tracks, made by hand or from a query that stays live) and the library's shelves: the artist
-- each track is filed under (its album artist, else its first artist), and indexes for browsing by artist, album,
-- genre and year. Artists are stored joined by the unit separator U+001F, which the quotes below hold.
CREATE TABLE crate (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name VARCHAR(256) NOT NULL,
    query_text VARCHAR(2048),
    created_millis BIGINT NOT NULL,
    changed_millis BIGINT NOT NULL
);

CREATE TABLE crate_entry (
    crate_id BIGINT NOT NULL REFERENCES crate (id) ON DELETE CASCADE,
    track_id BIGINT NOT NULL REFERENCES track (id) ON DELETE CASCADE,
    place INT NOT NULL,
    PRIMARY KEY (crate_id, track_id)
);
CREATE INDEX crate_entry_place ON crate_entry (crate_id, place);

ALTER TABLE track ADD COLUMN shelf_artist VARCHAR(2048);
UPDATE track SET shelf_artist = CASE
    WHEN album_artist IS NOT NULL AND album_artist <> '' THEN album_artist
    WHEN LOCATE('', artists) > 0 THEN SUBSTR(artists, 1, LOCATE('', artists) - 1)
    WHEN artists <> '' THEN artists
    ELSE NULL END;
CREATE INDEX track_shelf_album ON track (album, shelf_artist);
CREATE INDEX track_shelf_artist ON track (shelf_artist);
CREATE INDEX track_genre ON track (genre);
CREATE INDEX track_release_year ON track (release_year);
