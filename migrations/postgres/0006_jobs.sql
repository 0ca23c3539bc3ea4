-- Background jobs (a database-backed schedule with a lease, so that of several nodes only one
-- runs a job at a time) and the outcome of closed cases.
CREATE TABLE jobs (
    name TEXT PRIMARY KEY,
    next_run_at TEXT NOT NULL,
    locked_until TEXT,
    last_result TEXT
);
INSERT INTO jobs (name, next_run_at) VALUES ('retention', '1970-01-01T00:00:00.000000Z');

ALTER TABLE cases ADD COLUMN outcome TEXT;
