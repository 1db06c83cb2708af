"""Adversarial bundles, content level: a valid signature over bad content is still refused
with its message and the receiving database unchanged; the ledger; the dry run."""

from __future__ import annotations

import re
import zlib
from typing import Any

import pytest

from bundle_helpers import (
    PASS,
    Office,
    craft,
    digest,
    dump,
    fast_scrypt,
    offices,
    plain_with,
    replace_row,
    section_rows,
    snapshot_of,
    template,
)
from cadre_desktop.store import sync_log
from cadre_desktop.sync.importer import ImportOptions
from cadre_desktop.sync.payload import Section, Snapshot
from cadre_desktop.sync.strict import BundleRefused, Limits
from cadre_desktop.sync.transaction import import_bundle

__all__ = ["fast_scrypt", "offices", "template"]


def refused(receiver: Office, data: bytes, message: str, **options: Any) -> None:
    before = digest(receiver.db)
    with pytest.raises(BundleRefused, match=re.escape(message)):
        import_bundle(receiver.db, data, PASS, ImportOptions(**options))
    assert digest(receiver.db) == before


def edited(offices: dict[str, Office], edit: Any, **kw: Any) -> bytes:
    return craft(offices["A"], offices["P"], edit=edit, **kw)


# --- bounded work -----------------------------------------------------------------------

def test_a_decompression_bomb_is_refused(offices: dict[str, Office]) -> None:
    bomb = zlib.compress(b"0" * 50_000_000, 9)
    refused(offices["P"], craft(offices["A"], offices["P"], compressed=bomb, raw_length=1000),
            "vượt quá kích thước đã khai báo")
    refused(offices["P"], craft(offices["A"], offices["P"], compressed=bomb,
                                raw_length=50_000_000),
            "vượt giới hạn", limits=Limits(max_raw=10_000_000))


def test_a_declared_length_beyond_the_cap_is_refused_before_decompressing(
        offices: dict[str, Office]) -> None:
    data = craft(offices["A"], offices["P"], compressed=zlib.compress(b"x"), raw_length=2**40)
    refused(offices["P"], data, "sau giải nén, vượt giới hạn")


def test_too_many_records_are_refused(offices: dict[str, Office]) -> None:
    refused(offices["P"], craft(offices["A"], offices["P"]), "vượt giới hạn 50",
            limits=Limits(max_records=50))


def test_broken_compressed_data_is_refused(offices: dict[str, Office]) -> None:
    data = craft(offices["A"], offices["P"], compressed=b"not zlib at all", raw_length=10)
    refused(offices["P"], data, "Dữ liệu nén bị hỏng")


# --- strict parsing -----------------------------------------------------------------------

def test_duplicate_json_keys_are_refused(offices: dict[str, Office]) -> None:
    plain = plain_with(snapshot_of(offices["A"]),
                       manifest_edit=lambda m: m.replace(b'{"format":2,',
                                                         b'{"format":2,"format":2,'))
    refused(offices["P"], craft(offices["A"], offices["P"], plain=plain), "khóa trùng lặp 'format'")


@pytest.mark.parametrize(("token", "message"), [(b"NaN", "NaN"), (b"Infinity", "Infinity"),
                                               (b"1e999", "vô cực")])
def test_nan_and_infinity_are_refused(offices: dict[str, Office], token: bytes,
                                      message: str) -> None:
    def poison(name: str, lines: list[bytes]) -> list[bytes]:
        if name == "person":
            lines[0] = lines[0].replace(b",null,", b"," + token + b",", 1)
        return lines

    plain = plain_with(snapshot_of(offices["A"]), poison)
    refused(offices["P"], craft(offices["A"], offices["P"], plain=plain), message)


def test_invalid_utf8_is_refused(offices: dict[str, Office]) -> None:
    def poison(name: str, lines: list[bytes]) -> list[bytes]:
        if name == "person":
            lines[3] = lines[3].replace("Đ".encode(), b"\xff\xfe", 1).replace(b'"', b'"\xc3(', 1)
        return lines

    plain = plain_with(snapshot_of(offices["A"]), poison)
    refused(offices["P"], craft(offices["A"], offices["P"], plain=plain),
            "không phải văn bản UTF-8 hợp lệ")


def test_a_nested_value_in_a_record_is_refused(offices: dict[str, Office]) -> None:
    def poison(name: str, lines: list[bytes]) -> list[bytes]:
        if name == "person":
            lines[0] = lines[0].replace(b",null,", b',{"a":[1]},', 1)
        return lines

    plain = plain_with(snapshot_of(offices["A"]), poison)
    refused(offices["P"], craft(offices["A"], offices["P"], plain=plain), "lồng nhau")


def test_a_record_with_trailing_data_is_refused(offices: dict[str, Office]) -> None:
    def poison(name: str, lines: list[bytes]) -> list[bytes]:
        if name == "unit":
            lines[0] = lines[0] + b' ["x"]'
        return lines

    plain = plain_with(snapshot_of(offices["A"]), poison)
    refused(offices["P"], craft(offices["A"], offices["P"], plain=plain), "dữ liệu thừa")


def test_a_section_hash_that_lies_is_refused(offices: dict[str, Office]) -> None:
    def lie(plain: bytes) -> bytes:
        return plain.replace("Nguyễn".encode(), "Nguyên".encode(), 1)

    refused(offices["P"], craft(offices["A"], offices["P"], edit_plain=lie),
            "không khớp với mục lục gói")


@pytest.mark.parametrize(("value", "message"), [
    ("Nguyễn\u202eVăn", "U+202E"),
    ("Trần\u2067Thị", "U+2067"),
    ("Lê\x07Văn", "U+0007"),
    ("Lê\nVăn", "xuống dòng"),
    ("Lê\x9bVăn", "U+009B"),
])
def test_control_and_bidi_characters_in_names_are_refused(offices: dict[str, Office],
                                                          value: str, message: str) -> None:
    def poison(snap: Snapshot) -> None:
        replace_row(snap, "person", 5, family_middle=value)

    refused(offices["P"], edited(offices, poison), message)


def test_a_line_break_in_a_note_is_allowed(offices: dict[str, Office]) -> None:
    def note(snap: Snapshot) -> None:
        replace_row(snap, "person", 5, note="dòng một\ndòng hai")

    assert import_bundle(offices["P"].db, edited(offices, note), PASS).status == "imported"


# --- authorisation ------------------------------------------------------------------------

@pytest.mark.parametrize("owner", ["B", "P"])
def test_records_of_a_foreign_office_are_refused(offices: dict[str, Office], owner: str) -> None:
    def steal(snap: Snapshot) -> None:
        replace_row(snap, "person", 0, office_id=offices[owner].id)

    refused(offices["P"], edited(offices, steal), "có bản ghi của một đơn vị khác")


def test_claiming_an_office_enrolled_elsewhere_is_refused(offices: dict[str, Office]) -> None:
    b = offices["B"]

    def annex(snap: Snapshot) -> None:
        snap.offices.rows.append((b.id, "DX-TH", "Đoàn xã Tân Hưng", offices["A"].id, "x", "x"))
        replace_row(snap, "person", 0, office_id=b.id)

    refused(offices["P"], edited(offices, annex), "không thuộc Đoàn phường Gia Lộc (DP-GL) ở "
            "đây")


def test_claiming_the_receiving_office_is_refused(offices: dict[str, Office]) -> None:
    p = offices["P"]

    def annex(snap: Snapshot) -> None:
        snap.offices.rows.append((p.id, "TD-TN", "Tỉnh đoàn", offices["A"].id, "x", "x"))

    refused(p, edited(offices, annex), "là đơn vị này hoặc cấp trên của nó")


def test_an_office_outside_the_senders_tree_is_refused(offices: dict[str, Office]) -> None:
    def loose(snap: Snapshot) -> None:
        snap.offices.rows.append(("0" * 8 + "-0000-4000-8000-" + "0" * 12, "X", "X", None, "x",
                                  "x"))

    refused(offices["P"], edited(offices, loose), "không nằm dưới đơn vị gửi")


def test_a_record_id_owned_by_another_office_here_is_refused(offices: dict[str, Office]) -> None:
    p, b = offices["P"], offices["B"]
    assert import_bundle(p.db, craft(b, p), PASS).status == "imported"
    b_person = section_rows(snapshot_of(b), "person")[0][0]

    def collide(snap: Snapshot) -> None:
        people = snap.section("person")
        assert people is not None
        people.rows.append((b_person, *people.rows[0][1:]))

    refused(p, edited(offices, collide), "đã có ở đây và thuộc Đoàn xã Tân Hưng (DX-TH)")


def test_dangling_references_are_refused(offices: dict[str, Office]) -> None:
    def dangle(snap: Snapshot) -> None:
        replace_row(snap, "person", 0, unit_id="12345678-1234-4234-8234-123456789abc")

    refused(offices["P"], edited(offices, dangle), "cột unit_id: tham chiếu tới bản ghi không "
            "tồn tại trong bảng unit")


def test_duplicate_ids_are_refused(offices: dict[str, Office]) -> None:
    def twice(snap: Snapshot) -> None:
        section = snap.section("person")
        assert section is not None
        section.rows.append(section.rows[0])

    refused(offices["P"], edited(offices, twice), "mã bản ghi trùng nhau")


def test_an_unknown_table_or_column_is_refused(offices: dict[str, Office]) -> None:
    def table(snap: Snapshot) -> None:
        snap.tables.append(Section("secret_notes", ("id", "office_id", "updated_at", "deleted"),
                                   []))

    refused(offices["P"], edited(offices, table), "'secret_notes' mà chương trình này không")

    def column(snap: Snapshot) -> None:
        unit = snap.section("unit")
        assert unit is not None
        unit.columns = (*unit.columns, "is_self")
        unit.rows = [(*row, 1) for row in unit.rows]

    refused(offices["P"], edited(offices, column), "cột không hợp lệ (is_self)")


def test_a_constraint_violation_rolls_the_whole_import_back(offices: dict[str, Office]) -> None:
    def bad(snap: Snapshot) -> None:
        replace_row(snap, "person", 50, gender="X")

    refused(offices["P"], edited(offices, bad), "vi phạm ràng buộc")


def test_a_malformed_id_is_refused(offices: dict[str, Office]) -> None:
    def bad(snap: Snapshot) -> None:
        replace_row(snap, "unit", 0, id="../../etc/passwd")

    refused(offices["P"], edited(offices, bad), "mã bản ghi không đúng dạng")


# --- the ledger ---------------------------------------------------------------------------

def test_the_same_bundle_twice_is_already_imported(offices: dict[str, Office]) -> None:
    p = offices["P"]
    data = craft(offices["A"], p)
    assert import_bundle(p.db, data, PASS).status == "imported"
    before = digest(p.db)
    report = import_bundle(p.db, data, PASS)
    assert report.status == "already-imported" and report.tables == {}
    assert digest(p.db) == before


def test_an_older_sequence_is_refused(offices: dict[str, Office]) -> None:
    a, p = offices["A"], offices["P"]
    old = craft(a, p, sequence=1)
    assert import_bundle(p.db, craft(a, p, sequence=2), PASS).status == "imported"
    refused(p, old, "Gói số 1 của Đoàn phường Gia Lộc (DP-GL) cũ hơn gói số 2")


def test_the_same_sequence_with_other_content_is_refused_and_flagged(
        offices: dict[str, Office]) -> None:
    a, p = offices["A"], offices["P"]
    assert import_bundle(p.db, craft(a, p, sequence=1), PASS).status == "imported"

    def change(snap: Snapshot) -> None:
        replace_row(snap, "person", 0, note="khác")

    other = craft(a, p, sequence=1, edit=change)
    local = {"sync_alert", "txn", "audit"}
    before = {t: digest_of(p, t) for t in tables(p) if t not in local}
    with pytest.raises(BundleRefused, match=r"đã được nhập ngày .* với nội dung khác"):
        import_bundle(p.db, other, PASS)
    assert {t: digest_of(p, t) for t in tables(p) if t not in local} == before
    alerts = sync_log.alerts(p.db)
    assert [(x.kind, x.sequence, x.office_id) for x in alerts] == [("sequence-conflict", 1, a.id)]


def tables(office: Office) -> list[str]:
    return [r[0] for r in office.db.conn.execute("SELECT name FROM sqlite_master "
                                                 "WHERE type = 'table'")]


def digest_of(office: Office, table: str) -> list[Any]:
    return sorted(office.db.conn.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)


def test_a_gap_is_accepted_with_a_warning(offices: dict[str, Office]) -> None:
    report = import_bundle(offices["P"].db, craft(offices["A"], offices["P"], sequence=3), PASS)
    assert report.status == "imported"
    assert report.warnings == ["Chưa nhận được gói các số 1–2 của Đoàn phường Gia Lộc (DP-GL); "
                               "gói này là bản đầy đủ nên thay thế cho các gói còn thiếu."]


# --- mass deletion and the dry run -----------------------------------------------------------

def _drop_most_people(snap: Snapshot) -> None:
    people = snap.section("person")
    assert people is not None
    keep = {row[0] for row in people.rows[:10]}
    people.rows = people.rows[:10]
    for section in snap.tables:
        if "person_id" in section.columns:
            index = section.columns.index("person_id")
            section.rows = [r for r in section.rows if r[index] in keep]
    kept_enrolments = {r[0] for r in section_rows(snap, "enrolment")}
    attendance = snap.section("attendance")
    assert attendance is not None
    index = attendance.columns.index("enrolment_id")
    attendance.rows = [r for r in attendance.rows if r[index] in kept_enrolments]
    registrations = {r[0] for r in section_rows(snap, "member_registration")}
    for name in ("member_registration_item", "member_self_evaluation"):
        items = snap.section(name)
        assert items is not None
        index = items.columns.index("registration_id")
        items.rows = [r for r in items.rows if r[index] in registrations]
    rotations = {r[0] for r in section_rows(snap, "rotation")}
    for name in ("rotation_override", "rotation_event", "rotation_evaluation"):
        events = snap.section(name)
        assert events is not None
        index = events.columns.index("rotation_id")
        events.rows = [r for r in events.rows if r[index] in rotations]
    sessions = snap.section("class_session")
    assert sessions is not None
    index = sessions.columns.index("lecturer_person_id")
    sessions.rows = [(*r[:index], None, *r[index + 1:]) for r in sessions.rows]


def test_a_snapshot_deleting_most_rows_needs_confirmation(offices: dict[str, Office]) -> None:
    a, p = offices["A"], offices["P"]
    assert import_bundle(p.db, craft(a, p, sequence=1), PASS).status == "imported"
    data = craft(a, p, sequence=2, edit=_drop_most_people)
    preview = import_bundle(p.db, data, PASS, ImportOptions(dry_run=True))
    assert preview.needs_confirmation and preview.tables["person"].deleted == 90
    assert "sẽ xóa" in preview.warnings[-1]
    refused(p, data, "Cần xác nhận xóa hàng loạt")
    report = import_bundle(p.db, data, PASS, ImportOptions(confirm_mass_delete=True))
    assert report.status == "imported" and report.tables["person"].deleted == 90
    live = p.db.conn.execute("SELECT COUNT(*) FROM person WHERE office_id = ? AND deleted = 0",
                             (a.id,)).fetchone()[0]
    assert live == 10


def test_a_dry_run_leaves_the_database_byte_for_byte_unchanged(offices: dict[str, Office]) -> None:
    a, p = offices["A"], offices["P"]
    assert import_bundle(p.db, craft(a, p, sequence=1), PASS).status == "imported"

    def change(snap: Snapshot) -> None:
        replace_row(snap, "person", 0, note="đã sửa")
        replace_row(snap, "person", 1, deleted=1)
        snap.tables[[s.name for s in snap.tables].index("rating")].rows.pop()

    data = craft(a, p, sequence=2, edit=change)
    before = dump(p.db)
    report = import_bundle(p.db, data, PASS, ImportOptions(dry_run=True))
    assert dump(p.db) == before
    assert report.status == "dry-run" and report.receipt is None
    assert (report.tables["person"].updated, report.tables["person"].deleted) == (1, 1)
    assert report.tables["rating"].deleted == 1
    assert report.tables["person"].unchanged == 98
    real = import_bundle(p.db, data, PASS)
    assert real.tables == report.tables and real.status == "imported"
