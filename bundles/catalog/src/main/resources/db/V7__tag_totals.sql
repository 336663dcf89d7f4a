-- The track and disc totals and the compilation flag of a track's tags, for the renamer's $tracktotal, $disctotal and
-- $comp. NULL where the file does not say, and for tracks read before this version until their tags are read again.
ALTER TABLE track ADD COLUMN track_total INT;
ALTER TABLE track ADD COLUMN disc_total INT;
ALTER TABLE track ADD COLUMN compilation BOOLEAN;
