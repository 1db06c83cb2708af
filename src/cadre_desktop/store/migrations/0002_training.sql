-- Training: programmes with their target groups, classes, sessions, enrolment, attendance.

CREATE TABLE programme (
    id                  TEXT PRIMARY KEY,
    office_id           TEXT NOT NULL REFERENCES office(id),
    code                TEXT NOT NULL,
    name                TEXT NOT NULL,
    kind                TEXT NOT NULL DEFAULT 'professional'
                        CHECK (kind IN ('title', 'professional', 'skills')),
    level               TEXT NOT NULL DEFAULT '',
    target_group        TEXT NOT NULL DEFAULT '[]',  -- JSON, see domain/target_group.py
    target_description  TEXT NOT NULL DEFAULT '',
    default_hours       INTEGER NOT NULL DEFAULT 0,
    min_attendance_pct  INTEGER NOT NULL DEFAULT 80,
    pass_score          REAL,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    deleted             INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX programme_code ON programme(code) WHERE deleted = 0;

CREATE TABLE training_class (
    id              TEXT PRIMARY KEY,
    office_id       TEXT NOT NULL REFERENCES office(id),
    programme_id    TEXT NOT NULL REFERENCES programme(id),
    name            TEXT NOT NULL,
    year            INTEGER NOT NULL,
    organiser       TEXT NOT NULL DEFAULT '',
    venue           TEXT NOT NULL DEFAULT '',
    mode            TEXT NOT NULL DEFAULT 'in_person'
                    CHECK (mode IN ('in_person', 'online', 'mixed')),
    link            TEXT NOT NULL DEFAULT '',
    start_date      TEXT,
    end_date        TEXT,
    capacity        INTEGER,
    budget_planned  INTEGER,
    budget_actual   INTEGER,
    status          TEXT NOT NULL DEFAULT 'planned'
                    CHECK (status IN ('planned', 'open', 'running', 'finished', 'cancelled')),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX class_programme ON training_class(programme_id, deleted);
CREATE INDEX class_start ON training_class(start_date);

CREATE TABLE class_session (
    id                  TEXT PRIMARY KEY,
    office_id           TEXT NOT NULL REFERENCES office(id),
    class_id            TEXT NOT NULL REFERENCES training_class(id),
    date                TEXT NOT NULL,
    start_time          TEXT NOT NULL,
    end_time            TEXT NOT NULL,
    topic               TEXT NOT NULL DEFAULT '',
    lecturer_person_id  TEXT REFERENCES person(id),
    lecturer_name       TEXT NOT NULL DEFAULT '',
    room                TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    deleted             INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX session_class ON class_session(class_id, deleted, date, start_time);
CREATE INDEX session_date ON class_session(date, deleted);

CREATE TABLE enrolment (
    id                TEXT PRIMARY KEY,
    office_id         TEXT NOT NULL REFERENCES office(id),
    class_id          TEXT NOT NULL REFERENCES training_class(id),
    person_id         TEXT NOT NULL REFERENCES person(id),
    status            TEXT NOT NULL DEFAULT 'enrolled'
                      CHECK (status IN ('enrolled', 'waiting', 'withdrawn')),
    outside_reason    TEXT NOT NULL DEFAULT '',
    enrolled_on       TEXT NOT NULL,
    withdrawn_on      TEXT,
    withdraw_reason   TEXT NOT NULL DEFAULT '',
    short_code        TEXT NOT NULL,
    test_score        REAL,
    result            TEXT CHECK (result IN ('completed', 'not_completed')),
    certificate_no    TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    deleted           INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX enrolment_once ON enrolment(class_id, person_id) WHERE deleted = 0;
CREATE INDEX enrolment_person ON enrolment(person_id, deleted);

-- Attendance statuses are editable data; counts_present says whether a status counts
-- towards the attendance share needed to complete a class.
CREATE TABLE attendance_status (
    id              TEXT PRIMARY KEY,
    office_id       TEXT NOT NULL REFERENCES office(id),
    code            TEXT NOT NULL UNIQUE,
    short           TEXT NOT NULL UNIQUE,
    label           TEXT NOT NULL,
    counts_present  INTEGER NOT NULL,
    sort_order      INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted         INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE attendance (
    id             TEXT PRIMARY KEY,
    office_id      TEXT NOT NULL REFERENCES office(id),
    session_id     TEXT NOT NULL REFERENCES class_session(id),
    enrolment_id   TEXT NOT NULL REFERENCES enrolment(id),
    status_code    TEXT NOT NULL,
    remark         TEXT NOT NULL DEFAULT '',
    recorded_by    TEXT NOT NULL,
    recorded_at    TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX attendance_once ON attendance(session_id, enrolment_id) WHERE deleted = 0;
CREATE INDEX attendance_enrolment ON attendance(enrolment_id, deleted);
