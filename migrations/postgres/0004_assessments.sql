-- Individual needs assessments (versioned: a re-assessment is a new row, earlier ones stay)
-- and case notes; their content is sealed like the case fields.
CREATE TABLE case_assessments (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL,
    version BIGINT NOT NULL,
    answers_enc TEXT NOT NULL,
    created_by TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (case_id, version)
);

CREATE TABLE case_notes (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL,
    body_enc TEXT NOT NULL,
    created_by TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX case_notes_case ON case_notes (case_id, created_at);
