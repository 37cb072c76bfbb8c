-- The service catalog. Each item version is a JSON document (docs/catalog-format.md, written by
-- codec/catalog_json) that never changes once written; catalog_items points at the current one.

CREATE TABLE catalog_document_types (
    code TEXT PRIMARY KEY,
    position BIGINT NOT NULL,
    document TEXT NOT NULL
);

CREATE TABLE catalog_bundles (
    code TEXT PRIMARY KEY,
    position BIGINT NOT NULL,
    document TEXT NOT NULL
);

CREATE TABLE catalog_items (
    code TEXT PRIMARY KEY,
    current_version BIGINT NOT NULL,
    active BIGINT NOT NULL,
    department TEXT NOT NULL,
    position BIGINT NOT NULL
);

CREATE TABLE catalog_item_versions (
    item_code TEXT NOT NULL,
    version BIGINT NOT NULL,
    document TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    created_by BIGINT REFERENCES users (id),
    PRIMARY KEY (item_code, version)
);
