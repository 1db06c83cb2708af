-- Offices, settings, editable lists, the organisation tree, people and their history,
-- and the audit trail. Every synchronised record has a UUID primary key, its owning
-- office, created/updated times and a soft-delete flag.

CREATE TABLE office (
    id          TEXT PRIMARY KEY,
    code        TEXT NOT NULL DEFAULT '',
    name        TEXT NOT NULL DEFAULT '',
    is_self     INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX office_self ON office(is_self) WHERE is_self = 1;

CREATE TABLE setting (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

-- Editable lists: positions, working status, party status, theory level, education, unit levels.
CREATE TABLE lookup (
    id          TEXT PRIMARY KEY,
    office_id   TEXT NOT NULL REFERENCES office(id),
    kind        TEXT NOT NULL,
    code        TEXT NOT NULL,
    label       TEXT NOT NULL,
    sort_order  INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX lookup_kind_code ON lookup(kind, code);

CREATE TABLE rating_scale (
    id          TEXT PRIMARY KEY,
    office_id   TEXT NOT NULL REFERENCES office(id),
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    from_year   INTEGER NOT NULL,
    to_year     INTEGER,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE rating_level (
    id          TEXT PRIMARY KEY,
    office_id   TEXT NOT NULL REFERENCES office(id),
    scale_id    TEXT NOT NULL REFERENCES rating_scale(id),
    code        TEXT NOT NULL,
    label       TEXT NOT NULL,
    rank        INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,
    UNIQUE (scale_id, code)
);

CREATE TABLE unit (
    id           TEXT PRIMARY KEY,
    office_id    TEXT NOT NULL REFERENCES office(id),
    parent_id    TEXT REFERENCES unit(id),
    name         TEXT NOT NULL,
    name_fold    TEXT NOT NULL,
    level_label  TEXT NOT NULL DEFAULT '',
    valid_from   TEXT,
    valid_to     TEXT,
    status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'dissolved', 'merged')),
    merged_into  TEXT REFERENCES unit(id),
    path         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX unit_parent ON unit(parent_id);
CREATE INDEX unit_path ON unit(path);
CREATE INDEX unit_name_fold ON unit(name_fold);

CREATE TABLE person (
    id                  TEXT PRIMARY KEY,
    office_id           TEXT NOT NULL REFERENCES office(id),
    unit_id             TEXT REFERENCES unit(id),
    family_middle       TEXT NOT NULL DEFAULT '',
    given_name          TEXT NOT NULL,
    full_name           TEXT NOT NULL,
    search_fold         TEXT NOT NULL,
    name_key            TEXT NOT NULL,
    gender              TEXT CHECK (gender IN ('M', 'F')),
    birth_date          TEXT,
    ethnicity           TEXT NOT NULL DEFAULT '',
    citizen_id          TEXT,
    phone               TEXT,
    join_date           TEXT,
    working_status      TEXT,
    permanent_staff     INTEGER,
    party_status        TEXT,
    theory_level        TEXT,
    education           TEXT,
    discipline_until    TEXT,
    no_rotation_until   TEXT,
    note                TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    deleted             INTEGER NOT NULL DEFAULT 0
);
-- Covering index for the roster: the name order and the search text in one scan, so that
-- filtering 100,000 people never touches the table rows.
CREATE INDEX person_list ON person(deleted, name_key, id, search_fold);
CREATE INDEX person_birth ON person(deleted, birth_date, name_key);
CREATE INDEX person_unit ON person(unit_id, deleted);
CREATE INDEX person_citizen ON person(citizen_id) WHERE citizen_id IS NOT NULL;
CREATE INDEX person_office ON person(office_id);

CREATE TABLE position_assignment (
    id             TEXT PRIMARY KEY,
    office_id      TEXT NOT NULL REFERENCES office(id),
    person_id      TEXT NOT NULL REFERENCES person(id),
    position_code  TEXT NOT NULL,
    unit_id        TEXT REFERENCES unit(id),
    start_date     TEXT,
    end_date       TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX position_person ON position_assignment(person_id, deleted, end_date);

CREATE TABLE planning (
    id             TEXT PRIMARY KEY,
    office_id      TEXT NOT NULL REFERENCES office(id),
    person_id      TEXT NOT NULL REFERENCES person(id),
    position_code  TEXT NOT NULL,
    term           TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX planning_person ON planning(person_id, deleted);

CREATE TABLE rating (
    id          TEXT PRIMARY KEY,
    office_id   TEXT NOT NULL REFERENCES office(id),
    person_id   TEXT NOT NULL REFERENCES person(id),
    year        INTEGER NOT NULL,
    level_id    TEXT NOT NULL REFERENCES rating_level(id),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX rating_person_year ON rating(person_id, year) WHERE deleted = 0;

-- One row per change made through the store; entries of one user action share txn_id.
CREATE TABLE txn (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    clerk      TEXT NOT NULL,
    label      TEXT NOT NULL,
    undo_of    INTEGER REFERENCES txn(id),
    undone_by  INTEGER REFERENCES txn(id),
    undoable   INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE audit (
    id          INTEGER PRIMARY KEY,
    txn_id      INTEGER NOT NULL REFERENCES txn(id),
    action      TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'restore', 'note')),
    table_name  TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    old_values  TEXT,
    new_values  TEXT
);
CREATE INDEX audit_txn ON audit(txn_id);
CREATE INDEX audit_record ON audit(table_name, record_id);
