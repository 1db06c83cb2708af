-- One live person per ID number (Số CCCD) among this office's own people.
--
-- The roster import checks ID numbers and writes in one immediate transaction; this
-- guard backs it against every other path (two programs at once, the editor, a bug).
-- It is a pair of triggers rather than a UNIQUE index because it must hold for this
-- office's own people only: a province also holds its child offices' people, whose
-- bundles apply inserts before deletions (a child that deleted a person and entered
-- them again would otherwise be refused), and whose own program answers for them.
-- The index makes the check (and the import's look-up) a single seek.
CREATE INDEX person_office_citizen ON person(office_id, citizen_id)
    WHERE deleted = 0 AND citizen_id IS NOT NULL;

-- A database written before this guard may already hold duplicates. Nothing is lost and
-- nothing is merged: the earliest-entered holder keeps the number; each later holder's
-- number moves into their note and into citizen_id_conflict, in one audited, non-undoable
-- action, so the clerk can find them (search still finds the old number) and settle them.
CREATE TABLE citizen_id_conflict (
    person_id   TEXT NOT NULL REFERENCES person(id),
    citizen_id  TEXT NOT NULL,
    kept_by     TEXT NOT NULL REFERENCES person(id),
    found_at    TEXT NOT NULL
);

CREATE TEMP TABLE _duplicate AS
SELECT p.id AS person_id, p.citizen_id AS citizen_id,
       (SELECT k.id FROM person k
         WHERE k.office_id = p.office_id AND k.citizen_id = p.citizen_id AND k.deleted = 0
         ORDER BY k.created_at, k.rowid LIMIT 1) AS kept_by
  FROM person p
 WHERE p.deleted = 0 AND p.citizen_id IS NOT NULL
   AND p.office_id IN (SELECT id FROM office WHERE is_self = 1);
DELETE FROM _duplicate WHERE person_id = kept_by;

INSERT INTO txn (at, clerk, label, undoable)
SELECT strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now'), 'cadre-desktop',
       'Nâng cấp: tách ' || COUNT(*) || ' số CCCD trùng', 0
  FROM _duplicate HAVING COUNT(*) > 0;
INSERT INTO audit (txn_id, action, table_name, record_id, old_values, new_values)
SELECT (SELECT MAX(id) FROM txn), 'update', 'person', d.person_id,
       json_object('citizen_id', d.citizen_id, 'note', p.note),
       json_object('citizen_id', NULL, 'note',
                   trim(p.note || ' Số CCCD ' || d.citizen_id
                        || ' trùng với người khác, đã tách khi nâng cấp.'))
  FROM _duplicate d JOIN person p ON p.id = d.person_id;
INSERT INTO citizen_id_conflict (person_id, citizen_id, kept_by, found_at)
SELECT person_id, citizen_id, kept_by, strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')
  FROM _duplicate;
UPDATE person
   SET note = trim(note || ' Số CCCD ' || citizen_id
                   || ' trùng với người khác, đã tách khi nâng cấp.'),
       citizen_id = NULL,
       updated_at = strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')
 WHERE id IN (SELECT person_id FROM _duplicate);
DROP TABLE _duplicate;

CREATE TRIGGER person_citizen_unique_insert BEFORE INSERT ON person
WHEN NEW.deleted = 0 AND NEW.citizen_id IS NOT NULL
 AND NEW.office_id IN (SELECT id FROM office WHERE is_self = 1)
 AND EXISTS (SELECT 1 FROM person p WHERE p.office_id = NEW.office_id
             AND p.citizen_id = NEW.citizen_id AND p.deleted = 0)
BEGIN
    SELECT RAISE(ABORT, 'duplicate live citizen_id in this office');
END;

CREATE TRIGGER person_citizen_unique_update
BEFORE UPDATE OF citizen_id, deleted, office_id ON person
WHEN NEW.deleted = 0 AND NEW.citizen_id IS NOT NULL
 AND NEW.office_id IN (SELECT id FROM office WHERE is_self = 1)
 AND EXISTS (SELECT 1 FROM person p WHERE p.office_id = NEW.office_id
             AND p.citizen_id = NEW.citizen_id AND p.deleted = 0 AND p.id <> NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'duplicate live citizen_id in this office');
END;
