-- Offices as a tree, this installation's keys, the keys of the offices it trusts, and the
-- bookkeeping of signed bundles (see sync/__init__.py). None of the sync_* tables travel
-- in a bundle: the registry of synchronised tables leaves out every table named sync_*.

-- The office above (for this installation: its enrolled parent; for an imported office:
-- the office whose bundle brought it).
ALTER TABLE office ADD COLUMN parent_id TEXT REFERENCES office(id);
CREATE INDEX office_parent ON office(parent_id);

-- This installation's own keys. secret holds the private keys sealed with a key derived
-- from the office passphrase (JSON: scrypt parameters, salt, nonce, ciphertext). Retired
-- rows stay: bundles encrypted to an old key can still be opened after a rotation.
CREATE TABLE sync_identity (
    id           INTEGER PRIMARY KEY,
    office_id    TEXT NOT NULL REFERENCES office(id),
    key_id       TEXT NOT NULL UNIQUE,
    sign_public  BLOB NOT NULL,
    enc_public   BLOB NOT NULL,
    secret       TEXT NOT NULL,
    identity     BLOB NOT NULL,  -- the signed identity file handed to other offices
    status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),
    created_at   TEXT NOT NULL,
    retired_at   TEXT
);
CREATE UNIQUE INDEX sync_identity_active ON sync_identity(status) WHERE status = 'active';

-- Keys of other offices, trusted after the clerk confirmed the fingerprint (or through a
-- rotation statement signed by the key it replaces).
CREATE TABLE sync_office_key (
    key_id       TEXT PRIMARY KEY,
    office_id    TEXT NOT NULL REFERENCES office(id),
    role         TEXT NOT NULL CHECK (role IN ('child', 'parent')),
    sign_public  BLOB NOT NULL,
    enc_public   BLOB NOT NULL,
    fingerprint  TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'rotated', 'revoked')),
    enrolled_at  TEXT NOT NULL,
    status_at    TEXT,
    status_note  TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX sync_office_key_active ON sync_office_key(office_id) WHERE status = 'active';
CREATE INDEX sync_office_key_office ON sync_office_key(office_id, status);

-- Bundles imported, per sending office. created is the sender's clock: shown, never used
-- for ordering.
CREATE TABLE sync_ledger (
    sender_id      TEXT NOT NULL REFERENCES office(id),
    sequence       INTEGER NOT NULL,
    bundle_id      TEXT NOT NULL,
    header_sha256  TEXT NOT NULL,
    created        TEXT NOT NULL,
    imported_at    TEXT NOT NULL,
    summary        TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (sender_id, sequence)
);

-- Bundles this office has made; the highest sequence is the counter, so the number is
-- saved (with the commit of this row) before the file is written.
CREATE TABLE sync_export (
    bundle_id      TEXT PRIMARY KEY,
    sequence       INTEGER NOT NULL UNIQUE,
    recipient_id   TEXT NOT NULL REFERENCES office(id),
    header_sha256  TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    file_name      TEXT NOT NULL DEFAULT '',
    size           INTEGER NOT NULL DEFAULT 0,
    summary        TEXT NOT NULL DEFAULT '{}',
    receipt_at     TEXT,  -- the receiving office's date, from its signed receipt
    receipt_by     TEXT REFERENCES office(id),
    receipt_imported_at TEXT
);

-- Things the clerk must see: the same bundle number with other content (a restored backup
-- or a stolen key), a key used after revocation.
CREATE TABLE sync_alert (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    office_id   TEXT REFERENCES office(id),
    kind        TEXT NOT NULL,
    message     TEXT NOT NULL,
    bundle_id   TEXT,
    sequence    INTEGER
);

-- A province holds the records of many offices: uniqueness of codes and years is per
-- office, otherwise two offices' rotation plans for the same year could not both arrive.
DROP INDEX IF EXISTS lookup_kind_code;
CREATE UNIQUE INDEX lookup_kind_code ON lookup(office_id, kind, code);
DROP INDEX IF EXISTS programme_code;
CREATE UNIQUE INDEX programme_code ON programme(office_id, code) WHERE deleted = 0;
DROP INDEX IF EXISTS rule_setting_key;
CREATE UNIQUE INDEX rule_setting_key ON rule_setting(office_id, scope, key) WHERE deleted = 0;
DROP INDEX IF EXISTS rotation_plan_year;
CREATE UNIQUE INDEX rotation_plan_year ON rotation_plan(office_id, year) WHERE deleted = 0;
DROP INDEX IF EXISTS member_programme_year_start;
CREATE UNIQUE INDEX member_programme_year_start ON member_programme_year(office_id, start_year)
    WHERE deleted = 0;

-- An import compares the sending office's rows with the snapshot: "rows of these offices"
-- must not scan every office's rows in a province.
CREATE INDEX IF NOT EXISTS lookup_office ON lookup(office_id);
CREATE INDEX IF NOT EXISTS rating_scale_office ON rating_scale(office_id);
CREATE INDEX IF NOT EXISTS rating_level_office ON rating_level(office_id);
CREATE INDEX IF NOT EXISTS unit_office ON unit(office_id);
CREATE INDEX IF NOT EXISTS position_assignment_office ON position_assignment(office_id);
CREATE INDEX IF NOT EXISTS planning_office ON planning(office_id);
CREATE INDEX IF NOT EXISTS rating_office ON rating(office_id);
CREATE INDEX IF NOT EXISTS programme_office ON programme(office_id);
CREATE INDEX IF NOT EXISTS training_class_office ON training_class(office_id);
CREATE INDEX IF NOT EXISTS class_session_office ON class_session(office_id);
CREATE INDEX IF NOT EXISTS enrolment_office ON enrolment(office_id);
CREATE INDEX IF NOT EXISTS attendance_status_office ON attendance_status(office_id);
CREATE INDEX IF NOT EXISTS attendance_office ON attendance(office_id);
CREATE INDEX IF NOT EXISTS rule_setting_office ON rule_setting(office_id);
CREATE INDEX IF NOT EXISTS rotation_plan_office ON rotation_plan(office_id);
CREATE INDEX IF NOT EXISTS rotation_office ON rotation(office_id);
CREATE INDEX IF NOT EXISTS rotation_override_office ON rotation_override(office_id);
CREATE INDEX IF NOT EXISTS rotation_event_office ON rotation_event(office_id);
CREATE INDEX IF NOT EXISTS rotation_evaluation_office ON rotation_evaluation(office_id);
CREATE INDEX IF NOT EXISTS member_programme_year_office ON member_programme_year(office_id);
CREATE INDEX IF NOT EXISTS member_criterion_office ON member_criterion(office_id);
CREATE INDEX IF NOT EXISTS member_registration_office ON member_registration(office_id);
CREATE INDEX IF NOT EXISTS member_registration_item_office
    ON member_registration_item(office_id);
CREATE INDEX IF NOT EXISTS member_self_evaluation_office ON member_self_evaluation(office_id);
