-- The typed copies of the built-in analysers' core fields go: nothing read them, as every reader takes the same
-- values from analysis_value through MusicFacts (which also falls back on the tags), and writing them cost an UPDATE
-- of the track row for every analysis.
ALTER TABLE track DROP COLUMN bpm;
ALTER TABLE track DROP COLUMN bpm_confidence;
ALTER TABLE track DROP COLUMN first_downbeat_seconds;
ALTER TABLE track DROP COLUMN beat_period_seconds;
ALTER TABLE track DROP COLUMN musical_key;
ALTER TABLE track DROP COLUMN camelot;
ALTER TABLE track DROP COLUMN energy;
ALTER TABLE track DROP COLUMN integrated_lufs;
ALTER TABLE track DROP COLUMN true_peak_dbtp;
ALTER TABLE track DROP COLUMN replay_gain_db;
