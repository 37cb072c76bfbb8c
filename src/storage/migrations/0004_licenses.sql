-- E-licenses: the issuing departments' signing keys (secrets sealed with the master key), the
-- number sequences, the licenses with every version kept, their audited events, use copies, and
-- the link from a case's result in the vault to its license.

-- A department is "<org unit code>-<department code>" (e.g. 440700-amr): the code its keys are
-- published under and the issuer.department_code its licenses carry.
CREATE TABLE signing_keys (
    key_id TEXT PRIMARY KEY,
    department_code TEXT NOT NULL,
    public_key TEXT NOT NULL,
    sealed_secret_key TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    retired_at BIGINT
);
-- One active key per department: two servers creating the first key at once cannot both win.
CREATE UNIQUE INDEX signing_keys_active ON signing_keys (department_code) WHERE retired_at IS NULL;

CREATE TABLE license_sequences (
    type_code TEXT NOT NULL,
    issuer_code TEXT NOT NULL,
    next_sequence BIGINT NOT NULL,
    PRIMARY KEY (type_code, issuer_code)
);

CREATE TABLE licenses (
    number TEXT PRIMARY KEY,
    series TEXT NOT NULL,
    version BIGINT NOT NULL,
    previous TEXT REFERENCES licenses (number),
    superseded_by TEXT,
    holder_id TEXT NOT NULL,
    holder_user_id BIGINT,
    type_code TEXT NOT NULL,
    issuer_department TEXT NOT NULL,
    issuer_name_zh TEXT NOT NULL,
    issuer_name_en TEXT NOT NULL,
    issued_on TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    valid_until TEXT,
    state TEXT NOT NULL,
    source_case TEXT,
    payload TEXT NOT NULL,
    key_id TEXT NOT NULL REFERENCES signing_keys (key_id),
    signature TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
-- A case issues one license (its first version); renewals and changes carry no case.
CREATE UNIQUE INDEX licenses_source_case ON licenses (source_case) WHERE version = 1;
CREATE INDEX licenses_holder ON licenses (holder_id);
CREATE INDEX licenses_issuer ON licenses (issuer_department);

CREATE TABLE license_events (
    id @ID@,
    number TEXT NOT NULL REFERENCES licenses (number),
    type TEXT NOT NULL,
    actor BIGINT,
    reason TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX license_events_number ON license_events (number, id);

CREATE TABLE license_copies (
    id TEXT PRIMARY KEY,
    number TEXT NOT NULL REFERENCES licenses (number),
    purpose TEXT NOT NULL,
    made_on TEXT NOT NULL,
    valid_until TEXT NOT NULL,
    made_by BIGINT,
    text TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX license_copies_number ON license_copies (number);

ALTER TABLE vault_documents ADD COLUMN license_number TEXT;
CREATE INDEX vault_documents_license ON vault_documents (license_number);
