-- Cases, their review tasks and their append-only, hash-chained history; the material vault;
-- who read which case; idempotency keys.

CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY,
    size BIGINT NOT NULL,
    data @BLOB@ NOT NULL
);

CREATE TABLE files (
    id TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL REFERENCES blobs (sha256),
    size BIGINT NOT NULL,
    content_type TEXT NOT NULL,
    name TEXT NOT NULL,
    uploaded_by BIGINT REFERENCES users (id),
    created_at BIGINT NOT NULL
);

CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    item_code TEXT NOT NULL,
    item_version BIGINT NOT NULL,
    status TEXT NOT NULL,
    applicant_type TEXT NOT NULL,
    applicant_id TEXT NOT NULL,
    applicant_name TEXT NOT NULL,
    submitted_by BIGINT NOT NULL REFERENCES users (id),
    service_point_id BIGINT NOT NULL REFERENCES service_points (id),
    handling_unit_id BIGINT NOT NULL REFERENCES org_units (id),
    channel TEXT NOT NULL,
    submitted_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    next_check_at BIGINT,
    warning TEXT NOT NULL,
    revision BIGINT NOT NULL,
    document TEXT NOT NULL
);
CREATE INDEX cases_next_check ON cases (next_check_at) WHERE next_check_at IS NOT NULL;
CREATE INDEX cases_applicant ON cases (applicant_id, submitted_at);
CREATE INDEX cases_unit ON cases (handling_unit_id, submitted_at);
CREATE INDEX cases_submitter ON cases (submitted_by, submitted_at);

CREATE TABLE case_tasks (
    id @ID@,
    case_id TEXT NOT NULL REFERENCES cases (id),
    stage BIGINT NOT NULL,
    department_id BIGINT NOT NULL REFERENCES departments (id),
    department_code TEXT NOT NULL,
    status TEXT NOT NULL,
    claimed_by BIGINT,
    decided_by BIGINT,
    opinion TEXT NOT NULL,
    requested TEXT NOT NULL,
    started_on TEXT NOT NULL,
    deadline TEXT NOT NULL,
    deadline_provisional BIGINT NOT NULL,
    decided_at BIGINT,
    warning TEXT NOT NULL
);
CREATE INDEX case_tasks_inbox ON case_tasks (department_id, status, deadline);
CREATE INDEX case_tasks_case ON case_tasks (case_id);

CREATE TABLE case_events (
    case_id TEXT NOT NULL REFERENCES cases (id),
    seq BIGINT NOT NULL,
    at BIGINT NOT NULL,
    actor BIGINT,
    channel TEXT NOT NULL,
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (case_id, seq)
);

-- The history is append-only: the database refuses to change or remove an event. (Whoever can
-- drop these triggers can alter rows, but not without breaking the hash chain.)
-- @sqlite-only
CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
-- @end
-- @postgres-only
CREATE FUNCTION case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'case_events is append-only'; END $$;
CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE ON case_events
FOR EACH ROW EXECUTE FUNCTION case_events_append_only();
-- @end

CREATE TABLE case_files (
    case_id TEXT NOT NULL REFERENCES cases (id),
    file_id TEXT NOT NULL REFERENCES files (id),
    PRIMARY KEY (case_id, file_id)
);
CREATE INDEX case_files_file ON case_files (file_id);

CREATE TABLE case_reads (
    id @ID@,
    case_id TEXT NOT NULL,
    user_id BIGINT NOT NULL,
    at BIGINT NOT NULL,
    purpose TEXT NOT NULL
);
CREATE INDEX case_reads_case ON case_reads (case_id);

CREATE TABLE vault_documents (
    id @ID@,
    holder TEXT NOT NULL,
    document_type TEXT NOT NULL,
    file_id TEXT REFERENCES files (id),
    source TEXT NOT NULL,
    source_case TEXT,
    valid_from TEXT NOT NULL,
    valid_until TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX vault_documents_holder ON vault_documents (holder, document_type);

CREATE TABLE idempotency_keys (
    user_id BIGINT NOT NULL,
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status BIGINT,
    content_type TEXT,
    body TEXT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, key)
);
