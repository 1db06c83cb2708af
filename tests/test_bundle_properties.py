"""Properties (hypothesis): a corrupted bundle is never accepted; export → import → export
gives the same content."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bundle_helpers import (
    PASS,
    Office,
    craft,
    digest,
    fast_scrypt,
    link,
    new_office,
    offices,
    template,
)
from cadre_desktop.domain.errors import UserError
from cadre_desktop.services import bundles
from cadre_desktop.services.roster import PersonForm, save_person
from cadre_desktop.store import units
from cadre_desktop.sync import crypto
from cadre_desktop.sync.exporter import collect_snapshot
from cadre_desktop.sync.keys import unlock
from cadre_desktop.sync.payload import Snapshot
from cadre_desktop.sync.payload_read import TextRules, read_all
from cadre_desktop.sync.registry import synchronised_tables
from cadre_desktop.sync.strict import DEFAULT_LIMITS
from cadre_desktop.sync.transaction import import_bundle
from cadre_desktop.sync.verify import open_signed

__all__ = ["fast_scrypt", "offices", "template"]

_corruption = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 10**9), st.integers(1, 255)),
    st.tuples(st.just("cut"), st.integers(0, 10**9), st.just(0)),
    st.tuples(st.just("insert"), st.integers(0, 10**9), st.binary(min_size=1, max_size=16)),
    st.tuples(st.just("delete"), st.integers(0, 10**9), st.integers(1, 64)),
    st.tuples(st.just("overwrite"), st.integers(0, 10**9), st.binary(min_size=1, max_size=64)),
)


def corrupt(data: bytes, how: tuple[str, int, Any]) -> bytes:
    kind, where, what = how
    if not data:
        return bytes(what) if kind in ("insert", "overwrite") else data
    at = where % len(data)
    if kind == "flip":
        return data[:at] + bytes([data[at] ^ what]) + data[at + 1:]
    if kind == "cut":
        return data[:at]
    if kind == "insert":
        return data[:at] + bytes(what) + data[at:]
    if kind == "delete":
        return data[:at] + data[at + int(what):]
    changed = data[:at] + bytes(what) + data[at + len(what):]
    return changed if changed != data else data[:at] + bytes([data[at] ^ 1]) + data[at + 1:]


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=st.lists(_corruption, min_size=1, max_size=3))
def test_random_corruption_is_never_accepted(offices: dict[str, Office],
                                             changes: list[tuple[str, int, Any]]) -> None:
    p = offices["P"]
    valid = _valid_bundle(offices)
    data = valid
    for change in changes:
        data = corrupt(data, change)
    if data == valid:
        return
    before = digest(p.db)
    with pytest.raises(UserError):
        import_bundle(p.db, data, PASS)
    assert digest(p.db) == before


_BUNDLES: dict[str, bytes] = {}


def _valid_bundle(offices: dict[str, Office]) -> bytes:
    key = str(offices["P"].path)
    if key not in _BUNDLES:
        _BUNDLES.clear()
        _BUNDLES[key] = craft(offices["A"], offices["P"])
    return _BUNDLES[key]


# --- export → import → export -----------------------------------------------------------

_letters = ("aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợ"
            "ùủũúụừửữứựỳỷỹýỵ")
_word = st.text(alphabet=_letters, min_size=1, max_size=7).map(str.capitalize)
_person = st.fixed_dictionaries({
    "family_middle": st.lists(_word, min_size=1, max_size=3).map(" ".join),
    "given_name": _word,
    "gender": st.sampled_from(["Nam", "Nữ", None]),
    "birth": st.one_of(st.none(), st.integers(1960, 2008).map(str),
                       st.dates().filter(lambda d: 1960 <= d.year <= 2008)
                       .map(lambda d: d.strftime("%d/%m/%Y"))),
    "note": st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cf")), max_size=40),
})


def read_bundle(receiver: Office, data: bytes) -> Snapshot:
    """What the receiving office finds inside a bundle, without importing it."""
    verified = open_signed(receiver.db, data, DEFAULT_LIMITS)
    head = verified.header
    keys = unlock(receiver.db, PASS, head.recipient_key_id.hex())  # type: ignore[union-attr]
    compressed = crypto.decrypt(keys.enc_private, head.ephemeral,  # type: ignore[union-attr]
                                verified.frame.payload, head.aad)  # type: ignore[union-attr]
    assert compressed is not None
    rules = {t.name: TextRules(t.single_line, t.machine, t.identifiers)
             for t in synchronised_tables(receiver.db)}
    return read_all(compressed, head.payload.raw_length, DEFAULT_LIMITS, rules)


def _only(snapshot: Snapshot, office_ids: set[str]) -> dict[str, list[tuple[Any, ...]]]:
    result = {"office": sorted((r[0], *r[1:3]) for r in snapshot.offices.rows
                               if r[0] in office_ids)}
    for section in snapshot.tables:
        owner = section.columns.index("office_id")
        result[section.name] = sorted(r for r in section.rows if r[owner] in office_ids)
    return result


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=st.lists(_person, min_size=1, max_size=8), deleted=st.integers(0, 3))
def test_export_import_export_gives_the_same_content(
        tmp_path_factory: pytest.TempPathFactory, fast_scrypt: None,
        people: list[dict[str, Any]], deleted: int) -> None:
    folder = tmp_path_factory.mktemp("roundtrip")
    dbs = {k: new_office(folder / f"{k}.sqlite3", k) for k in ("G", "P", "C")}
    try:
        link(dbs["G"], dbs["P"])
        link(dbs["P"], dbs["C"])
        c, p, g = (Office(dbs[k], folder / f"{k}.sqlite3") for k in ("C", "P", "G"))
        with c.db.write("units") as tx:
            root = units.create_unit(tx, "Đoàn xã Thử", None)
            branch = units.create_unit(tx, "Chi đoàn Ấp 1", root)
        ids = [save_person(c.db, PersonForm({**raw, "unit_id": branch.id})).person_id
               for raw in people]
        with c.db.write("xóa") as tx:
            for person_id in ids[:deleted]:
                tx.soft_delete("person", person_id)
        first = bundles.export_to_file(c.db, folder / "c.cadre", PASS)
        sent = read_bundle(p, (folder / "c.cadre").read_bytes())
        assert import_bundle(p.db, (folder / "c.cadre").read_bytes(), PASS).status == "imported"
        bundles.export_to_file(p.db, folder / "p.cadre", PASS)
        passed_on = read_bundle(g, (folder / "p.cadre").read_bytes())
        assert first.counts["person"] == len(people)
        assert _only(passed_on, {c.id}) == _only(sent, {c.id})
        assert _only(collect_snapshot(p.db, c.id), {c.id}) == _only(sent, {c.id})
    finally:
        for db in dbs.values():
            db.close()


def test_a_path_in_the_file_never_touches_the_file_system(offices: dict[str, Office],
                                                          tmp_path: Path) -> None:
    """Nothing from the file is used as a path: importing writes no file at all."""
    before = sorted(p.name for p in tmp_path.iterdir())
    import_bundle(offices["P"].db, _valid_bundle(offices), PASS)
    after = sorted(p.name for p in tmp_path.iterdir())
    assert [n for n in after if not n.endswith(("-wal", "-shm"))] == \
        [n for n in before if not n.endswith(("-wal", "-shm"))]
