-- The workspace for support organisations: organisations, people, their keys, cases and the
-- hash-chained audit log. Fields that identify or describe a victim are stored only as
-- ciphertext (`*_enc`, see docs/SECURITY.md); `name_index` is a keyed hash for exact search.
CREATE TABLE ws_organizations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    country TEXT NOT NULL,
    directory_organization_id TEXT,
    retention_months BIGINT,
    created_at TEXT NOT NULL
);

-- Data keys per organisation, wrapped by the master key. Old keys stay until nothing is
-- encrypted with them any more; deleting one crypto-shreds what it protected.
CREATE TABLE org_keys (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES ws_organizations (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    wrapped TEXT NOT NULL,
    master_key_id TEXT NOT NULL,
    active BIGINT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX org_keys_org ON org_keys (organization_id, purpose, active);

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE memberships (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL REFERENCES ws_organizations (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, organization_id, role)
);

CREATE TABLE invitations (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    organization_id TEXT REFERENCES ws_organizations (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    email TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES ws_organizations (id) ON DELETE CASCADE,
    reference TEXT NOT NULL UNIQUE,
    pseudonym_enc TEXT NOT NULL,
    name_enc TEXT,
    contact_enc TEXT,
    safe_contact_enc TEXT,
    narrative_enc TEXT,
    name_index TEXT,
    pseudonym_index TEXT NOT NULL,
    crime_kind TEXT,
    crime_country TEXT,
    status TEXT NOT NULL,
    assigned_to TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    closed_at TEXT
);
CREATE INDEX cases_org ON cases (organization_id, status);
CREATE INDEX cases_name_index ON cases (organization_id, name_index);
CREATE INDEX cases_pseudonym_index ON cases (organization_id, pseudonym_index);

-- Append-only, hash-chained: hash = SHA-256(prev_hash | seq | at | actor | organization |
-- action | target_kind | target_id | detail). The head row holds the last seq and hash, so a
-- removed tail is detected too. Written in the same transaction as what it records.
CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT,
    organization_id TEXT,
    action TEXT NOT NULL,
    target_kind TEXT,
    target_id TEXT,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_org ON audit_log (organization_id, seq);

CREATE TABLE audit_head (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    seq BIGINT NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
