-- The directory: HSDS organizations and services stored as documents (Harbour's profile
-- included), with the columns Harbour filters on. `version` orders every change so that each
-- node can update its search index from the database (see docs/ARCHITECTURE.md).
CREATE TABLE directory_state (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO directory_state (id, version) VALUES (1, 0);

CREATE TABLE organizations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    doc TEXT NOT NULL,
    seed_key TEXT UNIQUE,
    seed_hash TEXT,
    edited BIGINT NOT NULL DEFAULT 0,
    version BIGINT NOT NULL,
    modified_at TEXT NOT NULL
);

CREATE INDEX organizations_version ON organizations (version);

CREATE TABLE services (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    doc TEXT NOT NULL,
    -- the document as it may leave the server: confidential locations redacted, last_modified set
    public_doc TEXT NOT NULL,
    version BIGINT NOT NULL,
    modified_at TEXT NOT NULL
);
CREATE INDEX services_organization ON services (organization_id);
CREATE INDEX services_version ON services (version);

CREATE TABLE service_tombstones (
    id TEXT PRIMARY KEY,
    version BIGINT NOT NULL
);
CREATE INDEX service_tombstones_version ON service_tombstones (version);

CREATE TABLE taxonomies (
    id TEXT PRIMARY KEY,
    doc TEXT NOT NULL
);

CREATE TABLE taxonomy_terms (
    id TEXT PRIMARY KEY,
    taxonomy_id TEXT NOT NULL REFERENCES taxonomies (id) ON DELETE CASCADE,
    doc TEXT NOT NULL
);
