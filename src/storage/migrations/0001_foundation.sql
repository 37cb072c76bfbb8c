-- Foundation: the org tree, accounts and sessions, the working-day calendar, the admin log.
-- Instants are integer milliseconds since the Unix epoch (UTC); dates are 'YYYY-MM-DD' text;
-- flags are 0/1 integers.

CREATE TABLE org_units (
    id @ID@,
    parent_id BIGINT REFERENCES org_units (id),
    level TEXT NOT NULL CHECK (level IN ('city', 'district', 'town', 'village')),
    code TEXT NOT NULL UNIQUE,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX org_units_parent ON org_units (parent_id);

CREATE TABLE service_points (
    id @ID@,
    org_unit_id BIGINT NOT NULL REFERENCES org_units (id),
    kind TEXT NOT NULL
        CHECK (kind IN ('service_centre', 'town_centre', 'village_point', 'bank_branch', 'kiosk')),
    code TEXT NOT NULL UNIQUE,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    address TEXT NOT NULL DEFAULT '',
    active BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL
);
CREATE INDEX service_points_unit ON service_points (org_unit_id);

CREATE TABLE departments (
    id @ID@,
    org_unit_id BIGINT NOT NULL REFERENCES org_units (id),
    code TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (org_unit_id, code)
);

CREATE TABLE users (
    id @ID@,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    org_unit_id BIGINT REFERENCES org_units (id),
    department_id BIGINT REFERENCES departments (id),
    id_number TEXT,
    credit_code TEXT,
    disabled BIGINT NOT NULL DEFAULT 0,
    must_change_password BIGINT NOT NULL DEFAULT 0,
    failed_logins BIGINT NOT NULL DEFAULT 0,
    locked_until BIGINT,
    password_changed_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX users_id_number ON users (id_number) WHERE id_number IS NOT NULL;
CREATE UNIQUE INDEX users_credit_code ON users (credit_code) WHERE credit_code IS NOT NULL;

CREATE TABLE user_roles (
    user_id BIGINT NOT NULL REFERENCES users (id),
    role TEXT NOT NULL,
    PRIMARY KEY (user_id, role)
);
CREATE INDEX user_roles_role ON user_roles (role);

-- Only a hash of each session token is stored: a copy of the database opens no sessions.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    client TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE calendar_notices (
    year BIGINT PRIMARY KEY,
    loaded_by BIGINT REFERENCES users (id),
    loaded_at BIGINT NOT NULL
);

CREATE TABLE calendar_notice_days (
    year BIGINT NOT NULL REFERENCES calendar_notices (year) ON DELETE CASCADE,
    day TEXT NOT NULL,
    off BIGINT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (year, day)
);

CREATE TABLE calendar_overrides (
    day TEXT PRIMARY KEY,
    working BIGINT NOT NULL,
    name TEXT NOT NULL,
    updated_by BIGINT REFERENCES users (id),
    updated_at BIGINT NOT NULL
);

-- Who changed what in accounts, the org tree and the calendar, and every sign-in attempt.
CREATE TABLE admin_log (
    id @ID@,
    at BIGINT NOT NULL,
    actor_id BIGINT REFERENCES users (id),
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX admin_log_at ON admin_log (at);
