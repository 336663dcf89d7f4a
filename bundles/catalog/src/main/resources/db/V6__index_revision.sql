-- Which changes of each track the search index has made durable: a track's revision counts its changes, and
-- index_stale stays true from a change until the index has committed that revision. Every track starts stale, so the
-- first start after this migration indexes the library once more.
ALTER TABLE track ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
ALTER TABLE track ADD COLUMN index_stale BOOLEAN NOT NULL DEFAULT TRUE;
CREATE INDEX track_index_stale ON track (index_stale);
