-- The roster sorted by unit reads each unit's people in official order straight off an
-- index (no sort of the whole list), search included: the folded name is in the index.
CREATE INDEX person_unit_list ON person(unit_id, deleted, name_key, id, search_fold);
CREATE INDEX unit_order ON unit(name_fold, id);
-- person_unit (unit_id, deleted) is a prefix of person_unit_list: one index is enough.
DROP INDEX person_unit;
