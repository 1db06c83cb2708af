-- The province at scale (see sync/__init__.py): the level of this installation's office,
-- a local log of the synchronised rows changed since the last bundle the office above
-- acknowledged (so that the next bundle carries only those), and what each bundle made or
-- imported was: a full snapshot, a delta on top of an earlier bundle, or the lists a
-- province issues down to an office.

-- 'province': the top office (nothing above it to send to); 'office': any other. NULL in
-- databases made before the level was asked for (services infer it from the enrolled keys).
ALTER TABLE office ADD COLUMN level TEXT CHECK (level IN ('province', 'office'));

-- One row per synchronised row changed (inserted, updated or soft-deleted) while this
-- office has an office above it; triggers made by the program for every synchronised
-- table (store/sync_changes.py) keep it. A change moves its row to a new, higher seq
-- (AUTOINCREMENT never hands a number out twice), so "seq above the mark of the
-- acknowledged bundle" is exactly what changed since. Rows up to the newest acknowledged
-- mark are pruned when its receipt arrives.
CREATE TABLE sync_change (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    table_name  TEXT NOT NULL,
    row_id      TEXT NOT NULL,
    UNIQUE (table_name, row_id)
);

-- kind: 'full', 'delta' (the changes since bundle base_sequence) or 'issued' (lists sent
-- down to a child office). change_mark: the highest sync_change.seq the bundle covers.
ALTER TABLE sync_export ADD COLUMN kind TEXT NOT NULL DEFAULT 'full'
    CHECK (kind IN ('full', 'delta', 'issued'));
ALTER TABLE sync_export ADD COLUMN base_sequence INTEGER;
ALTER TABLE sync_export ADD COLUMN change_mark INTEGER;

ALTER TABLE sync_ledger ADD COLUMN kind TEXT NOT NULL DEFAULT 'full'
    CHECK (kind IN ('full', 'delta', 'issued'));
ALTER TABLE sync_ledger ADD COLUMN base_sequence INTEGER;
