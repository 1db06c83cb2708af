"""What the roster page and the command line do with people, in one place."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from cadre_desktop.domain import person as person_rules
from cadre_desktop.domain.errors import InvalidInput
from cadre_desktop.domain.progress import NO_PROGRESS, Progress
from cadre_desktop.store import people, roster_query, undo
from cadre_desktop.store.db import Database
from cadre_desktop.store.handle import Handle
from cadre_desktop.store.people import PersonDetail
from cadre_desktop.store.roster_query import RosterFilter, RosterRow, RosterSort

__all__ = [
    "FieldErrors", "PersonDetail", "PersonForm", "RosterFilter", "RosterRow", "RosterSort",
    "SaveResult", "check", "delete_people", "find_by_citizen_id", "get_person", "ids_for_keys",
    "list_keys", "list_rows", "next_undo_label", "restore_people", "save_person", "search",
    "undo_last",
]

# The first chunk of a list's keys is small so that its first rows show at once; the
# rest come in larger chunks (each is a signal to the GUI thread).
FIRST_CHUNK = 256
CHUNK = 50_000


@dataclass
class PersonForm:
    """Everything the person editor edits: the person's own fields (raw, as typed)
    plus current position, planning and ratings."""

    raw: dict[str, Any]
    position_code: str | None = None
    planning_code: str | None = None
    planning_term: str = ""
    ratings: dict[int, str | None] = field(default_factory=dict)  # year -> level id


@dataclass
class SaveResult:
    person_id: str
    warnings: list[str]


class FieldErrors(InvalidInput):
    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


def check(form: PersonForm) -> person_rules.Validation:
    return person_rules.validate(form.raw)


def save_person(db: Database, form: PersonForm, person_id: str | None = None) -> SaveResult:
    """Create (person_id None) or update a person in one undoable action."""
    result = check(form)
    if result.person is None:
        raise FieldErrors(result.errors)
    person = result.person
    label = f"Sửa {person.full_name}" if person_id else f"Thêm {person.full_name}"
    with db.write(label) as tx:
        holder = (people.citizen_id_holder(tx, person.citizen_id, person_id)
                  if person.citizen_id else None)
        if holder is not None:  # checked in the same transaction as the write
            raise FieldErrors({"citizen_id": f"Số CCCD {person.citizen_id} đã có ở "
                                             f"{holder[1]}: mỗi người một số CCCD"})
        if person_id is None:
            person_id = people.create_person(tx, person)
        else:
            people.update_person(tx, person_id, person)
        people.set_current_position(tx, person_id, form.position_code, person.unit_id)
        people.set_planning(tx, person_id, form.planning_code, form.planning_term)
        for year, level_id in sorted(form.ratings.items()):
            people.set_rating(tx, person_id, year, level_id)
    return SaveResult(person_id, result.warnings)


def delete_people(db: Database, ids: Iterable[str]) -> int:
    ids = list(ids)
    with db.write(f"Xóa {len(ids)} người") as tx:
        return sum(people.delete_person(tx, i) for i in ids)


def restore_people(db: Database, ids: Iterable[str]) -> int:
    ids = list(ids)
    with db.write(f"Khôi phục {len(ids)} người") as tx:
        return sum(people.restore_person(tx, i) for i in ids)


def undo_last(db: Database) -> str | None:
    return undo.undo_last(db)


def next_undo_label(db: Database) -> str | None:
    found = undo.last_undoable(db)
    return found[1] if found else None


def get_person(db: Handle, person_id: str) -> PersonDetail | None:
    """Everything the person editor shows of one person."""
    return people.get_person(db, person_id)


def find_by_citizen_id(db: Handle, citizen_id: str) -> str | None:
    """The person holding this ID number, if any (the editor warns of a duplicate)."""
    return people.find_by_citizen_id(db, citizen_id)


def list_keys(db: Handle, flt: RosterFilter, sort: RosterSort,
              progress: Progress = NO_PROGRESS) -> Iterator[list[int]]:
    """The roster's keys in list order, in chunks (the first one small)."""
    found = roster_query.keys(db, flt, sort)
    size = FIRST_CHUNK
    while chunk := list(islice(found, size)):
        yield chunk
        progress.check()
        size = CHUNK


def list_rows(db: Handle, keys: Sequence[int]) -> list[RosterRow]:
    """The shown columns of the people with these keys, in the keys' order."""
    return roster_query.rows(db, keys)


def ids_for_keys(db: Handle, keys: Sequence[int]) -> list[str]:
    """The people's record ids (a selection of rows to act on)."""
    return roster_query.ids_of(db, keys)


def search(db: Handle, query: str, limit: int = 50) -> list[dict[str, Any]]:
    """The command line's `roster search`: official order, at most `limit` people."""
    return roster_query.search(db, query, limit)
