"""Receipts, and three offices in a chain (commune → district → province)."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from bundle_helpers import (
    PASS,
    Office,
    craft,
    digest,
    fast_scrypt,
    link,
    new_office,
    offices,
    resign,
    template,
)
from cadre_desktop.domain.errors import UserError
from cadre_desktop.services import bundles, office_status
from cadre_desktop.services import offices as office_service
from cadre_desktop.store.sync_log import LedgerEntry
from cadre_desktop.sync.receipts import build_receipt, import_receipt
from cadre_desktop.sync.strict import BundleRefused
from cadre_desktop.sync.transaction import import_bundle

__all__ = ["fast_scrypt", "offices", "template"]


def _exported(a: Office, p: Office, tmp_path: Path) -> tuple[bundles.ExportResult, Path]:
    path = tmp_path / "a.cadre"
    return bundles.export_to_file(a.db, path, PASS), path


def test_a_receipt_goes_back_and_is_shown(offices: dict[str, Office], tmp_path: Path) -> None:
    a, p = offices["A"], offices["P"]
    exported, path = _exported(a, p, tmp_path)
    assert bundles.sent_bundles(a.db)[0].status_text == "Chưa có biên nhận"
    report = bundles.import_file(p.db, path, PASS)
    receipt_path = tmp_path / "receipt.cadre"
    bundles.save_receipt(report, receipt_path)
    result = bundles.import_receipt_file(a.db, receipt_path)
    assert (result.status, result.sequence, result.bundle_id) == (
        "recorded", exported.sequence, exported.bundle_id)
    sent = bundles.sent_bundles(a.db)[0]
    today = dt.datetime.now(dt.UTC).date().strftime("%d/%m/%Y")
    assert sent.status_text == f"Tỉnh đoàn Tây Ninh đã nhận ngày {today}"
    assert bundles.import_receipt_file(a.db, receipt_path).status == "already-recorded"


def test_a_receipt_is_issued_again_for_an_already_imported_bundle(
        offices: dict[str, Office], tmp_path: Path) -> None:
    a, p = offices["A"], offices["P"]
    _, path = _exported(a, p, tmp_path)
    bundles.import_file(p.db, path, PASS)
    again = bundles.import_file(p.db, path, PASS)
    assert again.status == "already-imported" and again.receipt is not None
    assert import_receipt(a.db, again.receipt).status == "recorded"
    assert import_receipt(a.db, bundles.receipt_for(p.db, PASS, "DP-GL")).status == \
        "already-recorded"


def _refused(office: Office, data: bytes, message: str) -> None:
    before = digest(office.db)
    with pytest.raises(BundleRefused, match=re.escape(message)):
        import_receipt(office.db, data)
    assert digest(office.db) == before


def test_bad_receipts_are_refused(offices: dict[str, Office], tmp_path: Path) -> None:
    a, p, b = offices["A"], offices["P"], offices["B"]
    exported, path = _exported(a, p, tmp_path)
    report = bundles.import_file(p.db, path, PASS)
    assert report.receipt is not None
    entry = LedgerEntry(a.id, exported.sequence, exported.bundle_id, "0" * 64, "x", "2025-01-01",
                        {})
    _refused(a, build_receipt(p.keys(), p.ref, entry), "không khớp với gói số 1")
    unknown = LedgerEntry(a.id, 1, str(uuid.uuid4()), "0" * 64, "x", "2025-01-01", {})
    _refused(a, build_receipt(p.keys(), p.ref, unknown), "không do đơn vị này tạo ra")
    _refused(a, build_receipt(b.keys(), b.ref, entry), "khóa chưa đăng ký")
    _refused(a, report.receipt[:-1] + b"x", "Chữ ký không hợp lệ")

    forged = report.receipt.replace(b'"imported_at":"2', b'"imported_at":"3')
    assert forged != report.receipt
    _refused(a, forged, "Chữ ký không hợp lệ")
    _refused(a, resign(report.receipt, b.keys(), lambda h: None), "khóa chưa đăng ký")
    with pytest.raises(BundleRefused, match="gửi cho một đơn vị khác"):
        import_receipt(p.db, build_receipt(a.keys(), a.ref, entry))


@pytest.fixture
def chain(tmp_path: Path, fast_scrypt: None) -> Iterator[dict[str, Office]]:
    result = {
        "P": Office(new_office(tmp_path / "P.sqlite3", "P"), tmp_path / "P.sqlite3"),
        "D": Office(new_office(tmp_path / "D.sqlite3", "D", members=100, seed=31),
                    tmp_path / "D.sqlite3"),
        "C": Office(new_office(tmp_path / "C.sqlite3", "C", members=100, seed=32),
                    tmp_path / "C.sqlite3"),
    }
    link(result["D"].db, result["C"].db)
    link(result["P"].db, result["D"].db)
    yield result
    for office in result.values():
        office.db.close()


def _send(sender: Office, receiver: Office, folder: Path, name: str) -> bundles.ImportReport:
    path = folder / name
    bundles.export_to_file(sender.db, path, PASS)
    report = bundles.import_file(receiver.db, path, PASS)
    assert report.receipt is not None
    assert import_receipt(sender.db, report.receipt).status == "recorded"
    return report


def _people(office: Office, owner: str) -> int:
    return int(office.db.conn.execute(
        "SELECT COUNT(*) FROM person WHERE office_id = ? AND deleted = 0", (owner,)).fetchone()[0])


def test_three_offices_in_a_chain(chain: dict[str, Office], tmp_path: Path) -> None:
    p, d, c = chain["P"], chain["D"], chain["C"]
    assert _send(c, d, tmp_path, "c1.cadre").tables["person"].inserted == 100
    report = _send(d, p, tmp_path, "d1.cadre")
    assert report.tables["person"].inserted == 200
    assert report.tables["office"].inserted == 1  # the commune, new to the province
    assert (_people(p, c.id), _people(p, d.id)) == (100, 100)
    parent = p.db.conn.execute("SELECT parent_id FROM office WHERE id = ?", (c.id,)).fetchone()
    assert parent[0] == d.id

    statuses = {s.office.code: s for s in office_status.list_offices(p.db)}
    assert statuses["D"].relation == "child" and statuses["D"].last_sequence == 1
    assert statuses["C"].relation == "below" and statuses["C"].counts["people"] == 100
    assert statuses["D"].counts["people"] == 100 and not statuses["D"].overdue
    later = dt.date.today() + dt.timedelta(days=200)
    assert office_status.list_offices(p.db, later)[1].overdue

    person = c.db.conn.execute("SELECT id FROM person WHERE deleted = 0 LIMIT 1").fetchone()[0]
    with c.db.write("ghi chú") as tx:
        tx.update("person", person, {"note": "đã chuyển công tác"})
    first_up = _send(c, d, tmp_path, "c2.cadre")
    assert (first_up.kind, first_up.tables["person"].updated) == ("delta", 1)
    # The district logged the change it imported: its own delta carries it up.
    second = _send(d, p, tmp_path, "d2.cadre")
    assert (second.sequence, second.kind, second.base_sequence) == (2, "delta", 1)
    assert second.tables["person"].to_json() == {"inserted": 0, "updated": 1, "deleted": 0,
                                                 "unchanged": 0}
    note = p.db.conn.execute("SELECT note FROM person WHERE id = ?", (person,)).fetchone()[0]
    assert note == "đã chuyển công tác"
    clause, params = office_status.scope_clause(p.db, d.id)
    assert p.db.conn.execute(f"SELECT COUNT(*) FROM person WHERE {clause}",
                             params).fetchone()[0] == 200
    clause, params = office_status.scope_clause(p.db, d.id, include_below=False)
    assert p.db.conn.execute(f"SELECT COUNT(*) FROM person WHERE {clause}",
                             params).fetchone()[0] == 100


def test_a_grandchild_cannot_send_straight_to_the_province(chain: dict[str, Office],
                                                           tmp_path: Path) -> None:
    p, d, c = chain["P"], chain["D"], chain["C"]
    _send(c, d, tmp_path, "c1.cadre")
    _send(d, p, tmp_path, "d1.cadre")
    before = digest(p.db)
    with pytest.raises(BundleRefused, match="khóa chưa đăng ký"):
        import_bundle(p.db, craft(c, p), PASS)
    assert digest(p.db) == before


def test_a_commune_moved_under_the_province_leaves_the_district(chain: dict[str, Office],
                                                                tmp_path: Path) -> None:
    """From 1/7/2025 communes report straight to the province: once the province enrols
    the commune itself, the district's bundles may no longer carry it."""
    p, d, c = chain["P"], chain["D"], chain["C"]
    _send(c, d, tmp_path, "c1.cadre")
    _send(d, p, tmp_path, "d1.cadre")
    info = office_service.identity_info(c.db)
    assert info is not None
    result = office_service.enrol(p.db, office_service.identity_file(c.db), "child",
                                  info.fingerprint)
    assert "trước đây thuộc Đơn vị D (D)" in result.warnings[0]
    before = digest(p.db)
    bundles.export_to_file(d.db, tmp_path / "d2.cadre", PASS)
    with pytest.raises(BundleRefused, match="không thuộc Đơn vị D"):
        bundles.import_file(p.db, tmp_path / "d2.cadre", PASS)
    assert digest(p.db) == before
    with pytest.raises(UserError, match=r"khóa chưa đăng ký|đơn vị cấp trên"):
        bundles.import_file(c.db, tmp_path / "d2.cadre", PASS)
