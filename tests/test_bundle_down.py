"""Bundles down: the province sends a child office its programme catalogue and shared lists
(and, by naming their tables, anything else it issues), signed by the province and
encrypted for that office; the office imports it only from its enrolled parent, keeps the
items read-only as issued by the province, and returns a receipt. Records a child owns
are read-only at the province."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bundle_helpers import (
    PASS,
    Office,
    craft,
    digest,
    fast_scrypt,
    offices,
    snapshot_of,
    template,
)
from cadre_desktop.domain.errors import ReadOnlyRecord
from cadre_desktop.services import bundles, lists, office_role, roster, training
from cadre_desktop.store import offices as office_store
from cadre_desktop.store.db import new_id, open_database
from cadre_desktop.store.programmes import ProgrammeInput, list_programmes
from cadre_desktop.sync import issued
from cadre_desktop.sync.exporter import collect_snapshot
from cadre_desktop.sync.header import ISSUED
from cadre_desktop.sync.payload import OFFICE_COLUMNS, OFFICE_SECTION, Section, Snapshot
from cadre_desktop.sync.registry import synchronised_tables
from cadre_desktop.sync.strict import BundleRefused

__all__ = ["fast_scrypt", "offices", "template"]

PROVINCE = "Tỉnh đoàn Tây Ninh"


def send_down(p: Office, code: str, tmp_path: Path) -> bundles.ExportResult:
    number = len(list(tmp_path.glob("down-*.cadre"))) + 1
    return bundles.export_to_file(p.db, tmp_path / f"down-{number}.cadre", PASS, to=code)


def refused(receiver: Office, data: bytes, message: str) -> None:
    before = digest(receiver.db)
    with pytest.raises(BundleRefused, match=re.escape(message)):
        from cadre_desktop.sync.transaction import import_bundle

        import_bundle(receiver.db, data, PASS)
    assert digest(receiver.db) == before


def test_the_province_sends_its_lists_down_and_gets_a_receipt(offices: dict[str, Office],
                                                              tmp_path: Path) -> None:
    p, a = offices["P"], offices["A"]
    programme_id = training.save_programme(p.db, ProgrammeInput(
        name="Bồi dưỡng Bí thư cơ sở của tỉnh", kind="title", default_hours=40))
    position = lists.add(p.db, "position", "Phó Bí thư phụ trách địa bàn")
    sent = send_down(p, "DP-GL", tmp_path)
    assert (sent.kind, sent.recipient) == ("issued", "Đoàn phường Gia Lộc")
    assert sent.counts["programme"] == 1 and sent.counts["lookup"] == 1
    assert set(sent.counts) == {"office", *issued.ISSUED_TABLES}

    report = bundles.import_file(a.db, sent.path, PASS)
    assert (report.kind, report.status) == ("issued", "imported")
    assert report.tables["programme"].inserted == 1
    shown = {x.id: x for x in list_programmes(a.db)}
    assert shown[programme_id].issued_by == PROVINCE
    assert [i.issued_by for i in lists.items(a.db, "position") if i.id == position.id] == [
        PROVINCE]
    assert all(x.issued_by is None for x in list_programmes(p.db))

    before = digest(a.db)
    message = f"Mục này do {PROVINCE} (cấp trên) ban hành: ở đây chỉ xem"
    with pytest.raises(ReadOnlyRecord, match=re.escape(message)):
        training.save_programme(a.db, ProgrammeInput(name="Đổi tên ở phường"), programme_id)
    with pytest.raises(ReadOnlyRecord, match=re.escape(message)):
        training.delete_programme(a.db, programme_id)
    with pytest.raises(ReadOnlyRecord, match=re.escape(message)):
        lists.rename(a.db, position.id, "Đổi tên")
    assert digest(a.db) == before
    assert office_role.read_only_reason(a.db, "programme", programme_id) == message.replace(
        ": ở đây chỉ xem", ": ở đây chỉ xem, không sửa hay xóa được.")

    receipt = tmp_path / "receipt.cadre"
    bundles.save_receipt(report, receipt)
    result = bundles.import_receipt_file(p.db, receipt)
    assert (result.status, result.received_by.name) == ("recorded", "Đoàn phường Gia Lộc")
    newest = bundles.sent_bundles(p.db)[0]
    assert (newest.kind, newest.recipient, newest.received_by) == (
        "issued", "Đoàn phường Gia Lộc", "Đoàn phường Gia Lộc")

    # What the province withdraws is withdrawn below with its next bundle.
    training.delete_programme(p.db, programme_id)
    again = bundles.import_file(a.db, send_down(p, "DP-GL", tmp_path).path, PASS)
    assert again.tables["programme"].to_json() == {"inserted": 0, "updated": 0, "deleted": 1,
                                                   "unchanged": 0}
    assert programme_id not in {x.id for x in list_programmes(a.db)}
    assert bundles.import_file(a.db, sent.path, PASS).status != "imported"


def test_the_office_sends_up_its_own_rows_only(offices: dict[str, Office],
                                              tmp_path: Path) -> None:
    p, a = offices["P"], offices["A"]
    programme_id = training.save_programme(p.db, ProgrammeInput(name="Chương trình của tỉnh"))
    bundles.import_file(a.db, send_down(p, "DP-GL", tmp_path).path, PASS)
    up = bundles.export_to_file(a.db, tmp_path / "up.cadre", PASS)
    assert programme_id not in {r[0] for r in snapshot_of(a).tables[
        [s.name for s in snapshot_of(a).tables].index("programme")].rows}
    assert bundles.import_file(p.db, up.path, PASS).status == "imported"
    owner = p.db.conn.execute("SELECT office_id FROM programme WHERE id = ?",
                              (programme_id,)).fetchone()[0]
    assert owner == p.id


def test_a_bundle_down_is_taken_only_from_the_enrolled_parent(offices: dict[str, Office],
                                                              tmp_path: Path) -> None:
    p, a = offices["P"], offices["A"]
    # A child cannot send lists "down" to its province.
    refused(p, craft(a, p, content=ISSUED), "chỉ nhận từ đơn vị cấp trên đã đăng ký")
    # The province's bundle for another office is not this office's.
    for_b = send_down(p, "DX-TH", tmp_path).path.read_bytes()
    refused(a, for_b, "gửi cho một đơn vị khác")
    # A full snapshot from the parent is not accepted either.
    refused(a, craft(p, a), "là đơn vị cấp trên")
    with pytest.raises(Exception, match="không phải đơn vị cấp dưới đã đăng ký"):
        send_down(a, "TD-TN", tmp_path)


def _issued_snapshot(p: Office, extra: Section | None = None) -> Snapshot:
    rows = office_store.office_records(p.db, [p.id])
    tables = [s for s in collect_snapshot(p.db, p.id).tables if s.name in issued.ISSUED_TABLES]
    return Snapshot(Section(OFFICE_SECTION, OFFICE_COLUMNS, rows),
                    tables + ([extra] if extra else []))


def test_a_bundle_down_carries_issued_lists_only(offices: dict[str, Office]) -> None:
    p, a = offices["P"], offices["A"]
    people = Section("person", ("id", "office_id", "updated_at", "deleted"), [])
    refused(a, craft(p, a, snapshot=_issued_snapshot(p, people), content=ISSUED),
            "có bảng 'person', không phải danh mục do cấp trên ban hành")

    def claim_the_office(snap: Snapshot) -> None:
        first = snap.offices.rows[0]
        snap.offices.rows = [(*first[:3], a.id, *first[4:]),
                             (a.id, "DP-GL", "Đoàn phường Gia Lộc", None, "x", "x")]

    refused(a, craft(p, a, snapshot=_issued_snapshot(p), edit=claim_the_office,
                     content=ISSUED), "là đơn vị này hoặc cấp dưới của nó")


def test_a_childs_record_edited_at_the_province_is_refused(offices: dict[str, Office],
                                                          tmp_path: Path) -> None:
    p, a = offices["P"], offices["A"]
    up = bundles.export_to_file(a.db, tmp_path / "up.cadre", PASS)
    bundles.import_file(p.db, up.path, PASS)
    person_id = p.db.conn.execute("SELECT id FROM person WHERE office_id = ? LIMIT 1",
                                  (a.id,)).fetchone()[0]
    before = digest(p.db)
    message = "Bản ghi này thuộc Đoàn phường Gia Lộc (đơn vị cấp dưới)"
    with pytest.raises(ReadOnlyRecord, match=re.escape(message)):
        roster.save_person(p.db, roster.PersonForm({"full_name": "Nguyễn Văn Sửa"}), person_id)
    with pytest.raises(ReadOnlyRecord, match=re.escape(message)):
        roster.delete_people(p.db, [person_id])
    with pytest.raises(ReadOnlyRecord, match=re.escape(message)), p.db.write("Sửa hộ") as tx:
        tx.update("person", person_id, {"note": "tỉnh sửa"})
    with pytest.raises(ReadOnlyRecord, match=re.escape(message)), p.db.write("Thêm hộ") as tx:
        tx.insert("rating", {"id": new_id(), "office_id": a.id, "person_id": person_id,
                             "year": 2020, "level_id": "x"})
    assert digest(p.db) == before
    reason = office_role.read_only_reason(p.db, "person", person_id)
    assert reason is not None and reason.startswith(message)
    assert office_role.read_only_reason(a.db, "person", person_id) is None


def test_a_table_named_in_the_issued_list_travels_down(offices: dict[str, Office],
                                                      tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The extension point for plans and targets: a new table is sent down by naming it."""
    p, a = offices["P"], offices["A"]
    for office in (p, a):
        office.db.conn.executescript(
            "CREATE TABLE plan_demo (id TEXT PRIMARY KEY, office_id TEXT NOT NULL "
            "REFERENCES office(id), name TEXT NOT NULL, created_at TEXT NOT NULL, "
            "updated_at TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0); "
            "CREATE INDEX plan_demo_office ON plan_demo(office_id);")
        office.db.close()
        office.db = open_database(office.path)  # opening makes the change-log triggers
    monkeypatch.setattr(issued, "ISSUED_TABLES", (*issued.ISSUED_TABLES, "plan_demo"))
    plan_id = new_id()
    with p.db.write("Kế hoạch của tỉnh") as tx:
        tx.insert("plan_demo", {"id": plan_id, "name": "Kế hoạch 2023-2027"})
    sent = send_down(p, "DP-GL", tmp_path)
    assert sent.counts["plan_demo"] == 1
    report = bundles.import_file(a.db, sent.path, PASS)
    assert report.tables["plan_demo"].inserted == 1
    with pytest.raises(ReadOnlyRecord), a.db.write("Sửa kế hoạch") as tx:
        tx.update("plan_demo", plan_id, {"name": "Sửa"})


def test_every_issued_table_is_a_synchronised_table(offices: dict[str, Office]) -> None:
    names = {t.name for t in synchronised_tables(offices["P"].db)}
    assert set(issued.ISSUED_TABLES) <= names
    assert [t.name for t in issued.issued_tables(offices["P"].db)] == [
        n for n in [t.name for t in synchronised_tables(offices["P"].db)]
        if n in issued.ISSUED_TABLES]


def test_the_provinces_plan_goes_down_and_the_office_reports_on_its_own_people(
        offices: dict[str, Office], tmp_path: Path) -> None:
    import datetime as dt

    from cadre_desktop.domain.targets import TargetInput
    from cadre_desktop.services import plans, targets
    from cadre_desktop.store.plans import PlanInput

    p, a = offices["P"], offices["A"]
    plan_id = plans.save_plan(p.db, PlanInput(
        "Kế hoạch bồi dưỡng cán bộ Đoàn giai đoạn 2023 - 2027", dt.date(2023, 1, 1),
        dt.date(2027, 12, 31), number="15-KH/TĐTN", issuer="Ban Thường vụ Tỉnh đoàn"))
    plans.set_year(p.db, plan_id, 2026, 120_000_000)
    target_id = plans.save_target(p.db, plan_id, TargetInput(
        "Số lớp bồi dưỡng mở trong năm", "count", 4, measure="classes", period="year"))
    sent = send_down(p, "DP-GL", tmp_path)
    assert sent.counts["plan"] == 1 and sent.counts["plan_target"] == 1
    report = bundles.import_file(a.db, sent.path, PASS)
    assert report.tables["plan_target"].inserted == 1

    shown = {plan.id for plan in plans.list_plans(a.db)}
    assert plan_id in shown
    figures = {f.id: f for f in targets.list_figures(a.db, plan_id, dt.date(2026, 6, 30))}
    assert target_id in figures and figures[target_id].goal == 4
    before = digest(a.db)
    with pytest.raises(ReadOnlyRecord):  # the province's plan is read-only at the office
        plans.save_plan(a.db, PlanInput("Đổi tên ở phường", dt.date(2023, 1, 1),
                                        dt.date(2027, 12, 31)), plan_id)
    assert digest(a.db) == before
