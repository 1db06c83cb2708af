-- Plans (kế hoạch) with their yearly plans and targets (chỉ tiêu), the budget lines of a
-- class (dự toán / quyết toán by cost item), and the clerk's text of a periodic report.
-- Target figures are never stored: they are computed from people, classes and enrolments.

CREATE TABLE plan (
    id          TEXT PRIMARY KEY,
    office_id   TEXT NOT NULL REFERENCES office(id),
    number      TEXT NOT NULL DEFAULT '',    -- "293/KH-UBND"
    name        TEXT NOT NULL,
    issuer      TEXT NOT NULL DEFAULT '',    -- "UBND thành phố Hà Nội"
    start_date  TEXT NOT NULL,
    end_date    TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX plan_office ON plan(office_id);

-- The yearly plan (kế hoạch năm) inside a plan: its budget estimate in whole đồng.
CREATE TABLE plan_year (
    id               TEXT PRIMARY KEY,
    office_id        TEXT NOT NULL REFERENCES office(id),
    plan_id          TEXT NOT NULL REFERENCES plan(id),
    year             INTEGER NOT NULL,
    budget_estimate  INTEGER,
    note             TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted          INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX plan_year_once ON plan_year(plan_id, year) WHERE deleted = 0;
CREATE INDEX plan_year_office ON plan_year(office_id);

-- A target: kind coverage | share | count | budget (see domain/targets.py for the JSON
-- columns). period 'plan' counts over the plan's period (or start_date..end_date when
-- set), 'year' over the calendar year of the reporting date within it.
CREATE TABLE plan_target (
    id            TEXT PRIMARY KEY,
    office_id     TEXT NOT NULL REFERENCES office(id),
    plan_id       TEXT NOT NULL REFERENCES plan(id),
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('coverage', 'share', 'count', 'budget')),
    goal          REAL NOT NULL,
    at_most       INTEGER NOT NULL DEFAULT 0,  -- met when the value is at most the goal
    target_group  TEXT NOT NULL DEFAULT '[]',  -- JSON, domain/target_group.py
    programmes    TEXT NOT NULL DEFAULT '[]',  -- JSON list of programme ids
    attribute     TEXT NOT NULL DEFAULT '{}',  -- JSON, share targets
    measure       TEXT NOT NULL DEFAULT '',    -- count targets: classes | enrolments | completions
    period        TEXT NOT NULL DEFAULT 'plan' CHECK (period IN ('plan', 'year')),
    start_date    TEXT,
    end_date      TEXT,
    sort_order    INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX plan_target_plan ON plan_target(plan_id, deleted, sort_order);
CREATE INDEX plan_target_office ON plan_target(office_id);

-- Budget lines of a class. stage 'estimate' (dự toán) or 'actual' (quyết toán); item is
-- the cost item. Allowances are per participant per day: amount = people x days x rate.
-- training_class.budget_planned / budget_actual hold the sums of a class's lines.
CREATE TABLE class_budget_line (
    id           TEXT PRIMARY KEY,
    office_id    TEXT NOT NULL REFERENCES office(id),
    class_id     TEXT NOT NULL REFERENCES training_class(id),
    stage        TEXT NOT NULL CHECK (stage IN ('estimate', 'actual')),
    item         TEXT NOT NULL
                 CHECK (item IN ('lecturers', 'venue', 'materials', 'allowance', 'other')),
    description  TEXT NOT NULL DEFAULT '',
    people       INTEGER,
    days         INTEGER,
    rate         INTEGER,
    amount       INTEGER NOT NULL,
    sort_order   INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX class_budget_line_class ON class_budget_line(class_id, deleted, stage);
CREATE INDEX class_budget_line_office ON class_budget_line(office_id);

-- Each class's single planned and actual figure becomes one 'other' line, so nothing is
-- lost. The line's id is derived from the class id (its first two hex digits replaced), and
-- its times are the class's: a province that migrates its copy of an office's classes
-- makes exactly the lines the office makes, so the office's next bundle matches them.
INSERT INTO class_budget_line (id, office_id, class_id, stage, item, description, amount,
                               created_at, updated_at)
SELECT 'b0' || substr(id, 3), office_id, id, 'estimate', 'other', 'Tổng kinh phí dự toán',
       budget_planned, updated_at, updated_at
FROM training_class WHERE budget_planned IS NOT NULL;
INSERT INTO class_budget_line (id, office_id, class_id, stage, item, description, amount,
                               created_at, updated_at)
SELECT 'a0' || substr(id, 3), office_id, id, 'actual', 'other', 'Tổng kinh phí thực hiện',
       budget_actual, updated_at, updated_at
FROM training_class WHERE budget_actual IS NOT NULL;

-- Reports and targets count classes by their end date, and find a target group's people
-- from its conditions (working status, current post, planning) rather than by reading
-- every person.
CREATE INDEX class_end ON training_class(deleted, end_date);
CREATE INDEX person_working ON person(working_status) WHERE working_status IS NOT NULL;
CREATE INDEX position_current_code ON position_assignment(position_code)
    WHERE deleted = 0 AND end_date IS NULL;
CREATE INDEX planning_code ON planning(position_code) WHERE deleted = 0;

-- The clerk's text of a periodic report (sections II-IV, number, recipients), kept per
-- report so it can be edited and printed again. kind: six_month | annual | mid_term | final.
CREATE TABLE report_draft (
    id           TEXT PRIMARY KEY,
    office_id    TEXT NOT NULL REFERENCES office(id),
    kind         TEXT NOT NULL DEFAULT ''
                 CHECK (kind IN ('', 'six_month', 'annual', 'mid_term', 'final')),
    from_date    TEXT NOT NULL,
    to_date      TEXT NOT NULL,
    number       TEXT NOT NULL DEFAULT '',
    subject      TEXT NOT NULL DEFAULT '',
    assessment   TEXT NOT NULL DEFAULT '',
    directions   TEXT NOT NULL DEFAULT '',
    proposals    TEXT NOT NULL DEFAULT '',
    recipients   TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX report_draft_range ON report_draft(office_id, from_date, to_date, deleted);
