-- Rotations of cadres to a grassroots unit (Tây Ninh plan 51-KH/TĐTN-TCKT) with their
-- eligibility checks, overrides and six-monthly evaluations; the member training programme
-- (registrations in five areas, self-evaluations, final scores). Rule thresholds and lists
-- live in rule_setting so that another province changes data, not code.

-- One row per setting; value is JSON. scope 'rotation' or 'member_programme'.
CREATE TABLE rule_setting (
    id          TEXT PRIMARY KEY,
    office_id   TEXT NOT NULL REFERENCES office(id),
    scope       TEXT NOT NULL,
    key         TEXT NOT NULL,
    value       TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX rule_setting_key ON rule_setting(scope, key) WHERE deleted = 0;

CREATE TABLE rotation_plan (
    id             TEXT PRIMARY KEY,
    office_id      TEXT NOT NULL REFERENCES office(id),
    year           INTEGER NOT NULL,
    quota          INTEGER NOT NULL,
    planned_start  TEXT,
    decision_no    TEXT NOT NULL DEFAULT '',
    note           TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX rotation_plan_year ON rotation_plan(year) WHERE deleted = 0;

-- eligibility holds the check made when the rotation was proposed (JSON, see
-- domain/eligibility.py), so it stays visible even when the person's data change later.
CREATE TABLE rotation (
    id              TEXT PRIMARY KEY,
    office_id       TEXT NOT NULL REFERENCES office(id),
    plan_id         TEXT NOT NULL REFERENCES rotation_plan(id),
    person_id       TEXT NOT NULL REFERENCES person(id),
    group_code      TEXT NOT NULL DEFAULT '',
    host_unit_id    TEXT REFERENCES unit(id),
    host_unit_name  TEXT NOT NULL DEFAULT '',
    host_position   TEXT NOT NULL DEFAULT '',
    planned_start   TEXT NOT NULL,
    planned_end     TEXT NOT NULL,
    actual_start    TEXT,
    actual_end      TEXT,
    decision_no     TEXT NOT NULL DEFAULT '',
    decision_date   TEXT,
    status          TEXT NOT NULL DEFAULT 'proposed'
                    CHECK (status IN ('proposed', 'approved', 'active', 'completed', 'cancelled')),
    status_reason   TEXT NOT NULL DEFAULT '',
    eligible        INTEGER NOT NULL DEFAULT 0,
    eligibility     TEXT NOT NULL DEFAULT '{}',
    note            TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX rotation_plan_idx ON rotation(plan_id, deleted, status);
CREATE INDEX rotation_person ON rotation(person_id, deleted);

-- A Standing Committee decision that lets a rotation go ahead although a rule refused it.
CREATE TABLE rotation_override (
    id             TEXT PRIMARY KEY,
    office_id      TEXT NOT NULL REFERENCES office(id),
    rotation_id    TEXT NOT NULL REFERENCES rotation(id),
    kind           TEXT NOT NULL CHECK (kind IN ('eligibility', 'quota', 'duration')),
    decision_no    TEXT NOT NULL,
    decision_date  TEXT NOT NULL,
    reason         TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX rotation_override_rotation ON rotation_override(rotation_id, deleted);

CREATE TABLE rotation_event (
    id           TEXT PRIMARY KEY,
    office_id    TEXT NOT NULL REFERENCES office(id),
    rotation_id  TEXT NOT NULL REFERENCES rotation(id),
    kind         TEXT NOT NULL CHECK (kind IN ('extension', 'early_end')),
    event_date   TEXT NOT NULL,
    old_end      TEXT NOT NULL,
    new_end      TEXT NOT NULL,
    reason       TEXT NOT NULL,
    decision_no  TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX rotation_event_rotation ON rotation_event(rotation_id, deleted);

-- One scheduled evaluation: the cadre's written report and the host unit's evaluation.
CREATE TABLE rotation_evaluation (
    id                 TEXT PRIMARY KEY,
    office_id          TEXT NOT NULL REFERENCES office(id),
    rotation_id        TEXT NOT NULL REFERENCES rotation(id),
    kind               TEXT NOT NULL CHECK (kind IN ('periodic', 'final')),
    seq                INTEGER NOT NULL,
    due_date           TEXT NOT NULL,
    period_start       TEXT NOT NULL,
    period_end         TEXT NOT NULL,
    report_received    TEXT,
    report_summary     TEXT NOT NULL DEFAULT '',
    host_level_id      TEXT REFERENCES rating_level(id),
    host_comments      TEXT NOT NULL DEFAULT '',
    evaluator          TEXT NOT NULL DEFAULT '',
    host_evaluated_on  TEXT,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    deleted            INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX rotation_evaluation_rotation ON rotation_evaluation(rotation_id, deleted, due_date);
CREATE INDEX rotation_evaluation_due ON rotation_evaluation(due_date, deleted);

-- The member training programme (Chương trình rèn luyện đoàn viên), one row per school or
-- calendar year. score_bands is a JSON copy of the classification thresholds in force when
-- the year was opened, so a later change of the settings does not reclassify past years.
CREATE TABLE member_programme_year (
    id                       TEXT PRIMARY KEY,
    office_id                TEXT NOT NULL REFERENCES office(id),
    name                     TEXT NOT NULL,
    start_year               INTEGER NOT NULL,
    registration_deadline    TEXT NOT NULL,
    evaluation_deadline      TEXT NOT NULL,
    evaluation_every_months  INTEGER NOT NULL DEFAULT 6,
    min_criteria             INTEGER NOT NULL DEFAULT 10,
    score_bands              TEXT NOT NULL,
    rating_year              INTEGER NOT NULL,
    status                   TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    ratings_applied_at       TEXT,
    created_at               TEXT NOT NULL,
    updated_at               TEXT NOT NULL,
    deleted                  INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX member_programme_year_start ON member_programme_year(start_year)
    WHERE deleted = 0;

-- The library of criteria a member picks from; area is a lookup code (kind 'programme_area').
CREATE TABLE member_criterion (
    id          TEXT PRIMARY KEY,
    office_id   TEXT NOT NULL REFERENCES office(id),
    area        TEXT NOT NULL,
    code        TEXT NOT NULL DEFAULT '',
    text        TEXT NOT NULL,
    sort_order  INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX member_criterion_area ON member_criterion(area, deleted, sort_order);

CREATE TABLE member_registration (
    id            TEXT PRIMARY KEY,
    office_id     TEXT NOT NULL REFERENCES office(id),
    year_id       TEXT NOT NULL REFERENCES member_programme_year(id),
    person_id     TEXT NOT NULL REFERENCES person(id),
    unit_id       TEXT REFERENCES unit(id),
    status        TEXT NOT NULL DEFAULT 'draft'
                  CHECK (status IN ('draft', 'submitted', 'approved', 'returned')),
    submitted_on  TEXT,
    decided_on    TEXT,
    decided_by    TEXT NOT NULL DEFAULT '',
    comment       TEXT NOT NULL DEFAULT '',
    score         REAL,
    score_note    TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX member_registration_once ON member_registration(year_id, person_id)
    WHERE deleted = 0;
CREATE INDEX member_registration_unit ON member_registration(year_id, unit_id, deleted);

CREATE TABLE member_registration_item (
    id               TEXT PRIMARY KEY,
    office_id        TEXT NOT NULL REFERENCES office(id),
    registration_id  TEXT NOT NULL REFERENCES member_registration(id),
    area             TEXT NOT NULL,
    criterion_id     TEXT REFERENCES member_criterion(id),
    text             TEXT NOT NULL,
    plan             TEXT NOT NULL,
    sort_order       INTEGER NOT NULL DEFAULT 0,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX member_registration_item_reg ON member_registration_item(registration_id, deleted);

-- A member's self-evaluation for one round (every N months, and the final one).
CREATE TABLE member_self_evaluation (
    id               TEXT PRIMARY KEY,
    office_id        TEXT NOT NULL REFERENCES office(id),
    registration_id  TEXT NOT NULL REFERENCES member_registration(id),
    round            INTEGER NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('periodic', 'final')),
    evaluated_on     TEXT NOT NULL,
    self_score       REAL,
    summary          TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted          INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX member_self_evaluation_once ON member_self_evaluation(registration_id, round)
    WHERE deleted = 0;
