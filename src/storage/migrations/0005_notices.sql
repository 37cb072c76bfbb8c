-- Notices: each person's inbox (rendered in both languages when created), the outbox of
-- messages to send on every channel, and how each person wants to be told.

CREATE TABLE notices (
    id @ID@,
    user_id BIGINT NOT NULL REFERENCES users (id),
    event TEXT NOT NULL,
    subject_zh TEXT NOT NULL,
    body_zh TEXT NOT NULL,
    subject_en TEXT NOT NULL,
    body_en TEXT NOT NULL,
    case_id TEXT,
    license_number TEXT,
    created_at BIGINT NOT NULL,
    read_at BIGINT,
    -- One notice per person and happening: a retried change or a re-run sweep adds none.
    dedup_key TEXT NOT NULL UNIQUE
);
CREATE INDEX notices_user ON notices (user_id, id);
CREATE INDEX notices_unread ON notices (user_id) WHERE read_at IS NULL;

CREATE TABLE outbox (
    id @ID@,
    notice_id BIGINT NOT NULL REFERENCES notices (id),
    channel TEXT NOT NULL CHECK (channel IN ('inbox', 'email', 'sms', 'wechat')),
    address TEXT NOT NULL,
    language TEXT NOT NULL,
    -- Sent with every attempt, so a gateway can drop a repeat (at-least-once delivery).
    idempotency_key TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'delivered', 'failed')),
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT,
    last_error TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    sent_at BIGINT,
    delivered_at BIGINT
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'queued';
CREATE INDEX outbox_status ON outbox (status, id);

CREATE TABLE user_contacts (
    user_id BIGINT PRIMARY KEY REFERENCES users (id),
    email TEXT,
    mobile TEXT,
    channels TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT 'zh-CN'
);

-- The texts administrators changed (an event without a row uses the built-in text). Each edit
-- is a new version, recorded in the admin log.
CREATE TABLE notice_templates (
    event TEXT PRIMARY KEY,
    subject_zh TEXT NOT NULL,
    body_zh TEXT NOT NULL,
    subject_en TEXT NOT NULL,
    body_en TEXT NOT NULL,
    version BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    updated_by BIGINT REFERENCES users (id)
);
