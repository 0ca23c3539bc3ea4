-- Training and qualification records per person (course, dates, evidence). Access follows
-- training: assignment checks them. Cases remember whether the victim is a child.
CREATE TABLE trainings (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL REFERENCES ws_organizations (id) ON DELETE CASCADE,
    course TEXT NOT NULL,
    completed_on TEXT NOT NULL,
    expires_on TEXT,
    evidence TEXT,
    recorded_by TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX trainings_user ON trainings (user_id);

ALTER TABLE cases ADD COLUMN child BIGINT NOT NULL DEFAULT 0;
