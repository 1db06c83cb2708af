"""The province's roll-up, traced to people: each office below with its last bundle and
its figure for each target of the province's plan (rollup_fixture says who trained
where), the province as a whole, and the same from `report offices` as JSON, PDF and
.xlsx (text never a formula)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest

from bundle_helpers import PASS, fast_scrypt
from cadre_desktop.services import bundles, rollup
from cadre_desktop.services.roster import PersonForm, save_person
from cli_run import run
from pdf_read import page_texts
from rollup_fixture import ON, Province, province

__all__ = ["fast_scrypt", "province"]

GIA_LOC, TAN_HUNG = "Đoàn phường Gia Lộc", "Đoàn xã Tân Hưng"


def cells(found: rollup.Rollup, name: str) -> dict[str, rollup.RollupCell]:
    row = next(r for r in found.rows if r.office.name == name)
    return {t.name: c for t, c in zip(found.targets, row.cells, strict=True)}


def test_each_office_is_counted_on_its_own_people(province: Province) -> None:
    found = rollup.office_rollup(province.db, on=ON)
    assert found.plan is not None and found.plan.id == province.plan_id
    assert [r.office.name for r in found.rows] == [GIA_LOC, TAN_HUNG]
    gia_loc, tan_hung = cells(found, GIA_LOC), cells(found, TAN_HUNG)
    # An and Bình of Cường completed the province's programme; Dung of Dung and Hoa.
    coverage = "60% được bồi dưỡng"
    assert (gia_loc[coverage].numerator, gia_loc[coverage].denominator) == (2, 3)
    assert (gia_loc[coverage].text, gia_loc[coverage].behind) == ("66,7% (2/3)", False)
    assert (tan_hung[coverage].numerator, tan_hung[coverage].denominator) == (1, 2)
    assert (tan_hung[coverage].text, tan_hung[coverage].behind) == ("50% (1/2)", True)
    # A class each; the goal of 3 classes is the plan's, not an office's: no flag.
    assert (gia_loc["3 lớp"].text, gia_loc["3 lớp"].behind) == ("1 lớp", None)
    assert [r.behind for r in found.rows] == [0, 1] and found.behind == 1
    total = dict(zip([t.name for t in found.targets], found.total, strict=True))
    assert (total[coverage].text, total[coverage].behind) == ("60% (3/5)", False)
    assert (total["3 lớp"].text, total["3 lớp"].behind) == ("2 lớp", True)


def test_each_office_shows_its_last_bundle(province: Province) -> None:
    found = rollup.office_rollup(province.db, on=ON)
    by_name = {r.office.name: r.status for r in found.rows}
    assert (by_name[GIA_LOC].last_sequence, by_name[GIA_LOC].last_kind) == (1, "full")
    assert (by_name[TAN_HUNG].last_sequence, by_name[TAN_HUNG].last_kind) == (2, "delta")
    imported = by_name[GIA_LOC].last_imported_at
    assert imported is not None
    assert by_name[GIA_LOC].days_since == (ON - dt.date.fromisoformat(imported[:10])).days
    assert not any(s.overdue for s in by_name.values())
    late = rollup.office_rollup(province.db, on=ON.replace(year=ON.year + 1))
    assert late.overdue == 2 and rollup.bundle_state(late.rows[0].status).startswith("Quá hạn")


def test_a_new_person_at_an_office_counts_once_their_bundle_is_in(province: Province) -> None:
    b = province.offices["B"].db
    save_person(b, PersonForm({"full_name": "Võ Văn Khang", "birth": "1999"}))
    before = cells(rollup.office_rollup(province.db, on=ON), TAN_HUNG)["60% được bồi dưỡng"]
    assert before.denominator == 2  # not sent yet
    sent = bundles.export_to_file(b, province.folder / "b3.cadre", PASS)
    assert (sent.kind, sent.base_sequence) == ("delta", 1)  # bundle 1 was acknowledged
    bundles.import_file(province.db, sent.path, PASS)
    after = cells(rollup.office_rollup(province.db, on=ON), TAN_HUNG)["60% được bồi dưỡng"]
    assert (after.numerator, after.denominator, after.text) == (1, 3, "33,3% (1/3)")


def test_report_offices_prints_json_pdf_and_a_spreadsheet(
        province: Province, capsys: pytest.CaptureFixture[str], qapp: object) -> None:
    db_path = str(province.offices["P"].path)
    province.db.close()
    code, out, err = run(["report", "offices", "--db", db_path, "--on", ON.isoformat(),
                          "--json"], capsys)
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == {"on", "overdue_days", "plan", "targets", "offices", "total"}
    assert data["plan"]["id"] == province.plan_id and data["on"] == ON.isoformat()
    rows = {o["name"]: o for o in data["offices"]}
    assert set(rows) == {GIA_LOC, TAN_HUNG}
    assert rows[TAN_HUNG]["code"] == "DX-TH" and rows[TAN_HUNG]["last_bundle_kind"] == "delta"
    coverage = province.targets["coverage"]
    figure = next(t for t in rows[TAN_HUNG]["targets"] if t["id"] == coverage)
    assert figure == {"id": coverage, "numerator": 1, "denominator": 2, "value": 0.5,
                      "goal": 0.6, "behind": True}

    pdf = province.folder / "tong-hop.pdf"
    code, _, err = run(["report", "offices", "--db", db_path, "--on", ON.isoformat(),
                        "--plan", province.plan_id, "-o", str(pdf)], capsys)
    assert code == 0 and "Đã in 1 trang" in err, err
    text = " ".join(page_texts(pdf))
    assert "TỔNG HỢP TÌNH HÌNH CÁC ĐƠN VỊ CẤP DƯỚI" in text
    assert GIA_LOC in text and TAN_HUNG in text and "DX-TH" not in text
    # On paper the figure takes a line a part, so a narrow column never breaks it.
    assert "50% 1/2 chưa đạt" in " ".join(text.split())
    assert "Tổng số: 2 đơn vị (quá hạn gửi gói: 0; chưa đạt chỉ tiêu: 1)" in text

    xlsx = province.folder / "tong-hop.xlsx"
    code, _, err = run(["report", "offices", "--db", db_path, "--on", ON.isoformat(), "-o",
                        str(xlsx)], capsys)
    assert code == 0, err
    sheet = openpyxl.load_workbook(xlsx).active
    assert sheet is not None
    lines = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    offices = [row for row in lines if row and isinstance(row[0], int)]
    assert [row[1] for row in offices] == [GIA_LOC, TAN_HUNG]
    assert offices[1][2] == 2 and offices[1][5] == "Thay đổi"
    # The figures are numbers the province can sort and add: a share with a percent
    # format, counts as integers; the verdict beside them.
    rows = list(sheet.iter_rows())
    heading = next(row for row in rows if row[0].value == "STT")
    columns = {str(c.value): i for i, c in enumerate(heading) if c.value}
    share = next(i for h, i in columns.items() if h.endswith("(Tỷ lệ)"))
    tan_hung = next(row for row in rows if row[1].value == TAN_HUNG)
    assert [c.value for c in tan_hung[share:share + 4]] == [0.5, 1, 2, "chưa đạt"]
    assert tan_hung[share].number_format == "0.0%" and tan_hung[share].data_type == "n"
    assert [type(c.value) for c in tan_hung[share + 1:share + 3]] == [int, int]
    classes = next(i for h, i in columns.items() if h.endswith("(Số lớp)"))
    assert tan_hung[classes].value == 1 and isinstance(tan_hung[classes].value, int)
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_report_offices_refuses_an_unknown_plan_and_a_bad_file(
        province: Province, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db_path = str(province.offices["P"].path)
    code, _, err = run(["report", "offices", "--db", db_path, "--plan", "khong-co"], capsys)
    assert code == 1 and "Traceback" not in err and err.strip()
    code, _, err = run(["report", "offices", "--db", db_path, "-o",
                        str(tmp_path / "x.docx")], capsys)
    assert code == 1 and ".pdf" in err
    code, out, err = run(["report", "offices", "--db", db_path, "--on", ON.isoformat()],
                         capsys)
    assert code == 0 and out == ""
    assert f"- {TAN_HUNG}: gói số 2" in err and "50% (1/2) (chưa đạt)" in err

