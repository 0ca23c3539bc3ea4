-- Support plan (needs → actions with an owner and a due date) and the consent ledger.
CREATE TABLE case_actions (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL,
    domain TEXT NOT NULL,
    action_enc TEXT NOT NULL,
    owner TEXT REFERENCES users (id) ON DELETE SET NULL,
    due_on TEXT,
    done_at TEXT,
    created_by TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX case_actions_owner ON case_actions (owner, done_at, due_on);

CREATE TABLE consents (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL,
    purpose TEXT NOT NULL,
    scope_enc TEXT,
    given_on TEXT NOT NULL,
    recorded_by TEXT,
    withdrawn_on TEXT,
    created_at TEXT NOT NULL
);
