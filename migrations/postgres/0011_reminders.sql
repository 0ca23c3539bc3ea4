-- Reminders by e-mail: a daily job, and each person's language (the one their browser asked
-- for when they last signed in), so that the reminder is written in it.
INSERT INTO jobs (name, next_run_at) VALUES ('reminders', '1970-01-01T00:00:00.000000Z');
ALTER TABLE users ADD COLUMN locale TEXT;
