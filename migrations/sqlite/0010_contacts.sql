-- The contact log of a case: every attempt to reach the victim or contact from them, with the
-- channel, direction and outcome in clear (to check them against the safe-contact profile and
-- to count them) and what was said sealed.
CREATE TABLE case_contacts (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL,
    happened_at TEXT NOT NULL,
    channel TEXT NOT NULL,
    direction TEXT NOT NULL,
    outcome TEXT NOT NULL,
    summary_enc TEXT,
    created_by TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX case_contacts_case ON case_contacts (case_id, happened_at);
