"""The command-line contract for plans, targets and reports (design/cli.md): the JSON keys,
the figures traced to plan_fixture, files written, bad input refused with nothing changed,
and reading commands leaving the database file as it was."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from cadre_desktop.domain.person import PersonInput
from cadre_desktop.services.training import delete_programme
from cadre_desktop.store import offices, units
from cadre_desktop.store.db import open_database
from cadre_desktop.store.people import create_person
from cli_run import run
from plan_fixture import Office, filled
from training_roster import programme_id

__all__ = ["filled"]

LIST_KEYS = {"id", "plan_id", "name", "kind", "goal", "numerator", "denominator", "value",
             "met"}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_plan_list_and_show(filled: tuple[Path, Office],
                            capsys: pytest.CaptureFixture[str]) -> None:
    path, office = filled
    code, out, _ = run(["plan", "list", "--db", str(path), "--json"], capsys)
    assert code == 0
    (plan,) = json.loads(out)
    assert {k: plan[k] for k in ("id", "number", "name", "start", "end", "targets")} == {
        "id": office.plan_id, "number": "12-KH/TĐTN",
        "name": "Kế hoạch bồi dưỡng cán bộ Đoàn 2025 - 2026", "start": "2025-01-01",
        "end": "2026-12-31", "targets": 6}
    code, out, _ = run(["plan", "show", office.plan_id, "--db", str(path), "--json"], capsys)
    shown = json.loads(out)
    assert shown["budget_estimate"] == 32_000_000 and shown["budget_actual"] == 21_000_000
    assert [(y["year"], y["budget_estimate"], y["budget_actual"], y["classes"])
            for y in shown["years"]] == [(2025, 12_000_000, 14_000_000, 2),
                                         (2026, 20_000_000, 7_000_000, 2)]


def test_target_list(filled: tuple[Path, Office], capsys: pytest.CaptureFixture[str]) -> None:
    path, office = filled
    before = digest(path)
    code, out, _ = run(["target", "list", "--db", str(path), "--on", "2025-12-31", "--json"],
                       capsys)
    assert code == 0 and digest(path) == before
    rows = {r["id"]: r for r in json.loads(out)}
    assert all(set(r) >= LIST_KEYS for r in rows.values())
    assert all("by_office" not in r for r in rows.values())  # one office only
    coverage = rows[office.targets["coverage"]]
    assert {k: coverage[k] for k in LIST_KEYS} == {
        "id": office.targets["coverage"], "plan_id": office.plan_id,
        "name": "100% cán bộ chuyên trách được bồi dưỡng", "kind": "coverage", "goal": 1.0,
        "numerator": 2, "denominator": 3, "value": 2 / 3, "met": False}
    classes = rows[office.targets["classes"]]
    assert (classes["kind"], classes["goal"], classes["numerator"], classes["denominator"],
            classes["value"], classes["met"]) == ("count", 4, 2, None, 2, False)
    budget = rows[office.targets["budget"]]
    assert (budget["numerator"], budget["denominator"], budget["met"], budget["at_most"]) == \
        (14_000_000, 12_000_000, False, True)
    code, out, _ = run(["target", "list", "--db", str(path), "--plan", office.plan_id,
                        "--on", "2026-12-31", "--json"], capsys)
    assert json.loads(out)[0]["met"] is True


def test_target_show(filled: tuple[Path, Office], capsys: pytest.CaptureFixture[str]) -> None:
    path, office = filled
    code, out, _ = run(["target", "show", office.targets["coverage"], "--db", str(path),
                        "--on", "2025-12-31", "--json"], capsys)
    assert code == 0
    shown = json.loads(out)
    assert LIST_KEYS | {"from", "to", "programs", "by_unit", "people"} <= set(shown)
    assert (shown["from"], shown["to"]) == ("2025-01-01", "2025-12-31")
    db = open_database(path, read_only=True)
    assert shown["programs"] == [programme_id(db, "bd_co_ban")]
    db.close()
    assert sorted((u["unit"], u["numerator"], u["denominator"]) for u in shown["by_unit"]) == [
        ("Tỉnh đoàn Bình Thuận", 1, 1), ("Đoàn xã Hòa Thắng", 1, 2)]
    assert [(p["full_name"], p["unit"], p["met"]) for p in shown["people"]] == [
        ("Nguyễn Văn An", "Đoàn xã Hòa Thắng", True),
        ("Lê Văn Cường", "Tỉnh đoàn Bình Thuận", True),
        ("Bùi Thị Hoa", "Đoàn xã Hòa Thắng", False)]
    assert {p["person_id"] for p in shown["people"]} == {
        office.person("An"), office.person("Cường"), office.person("Hoa")}
    code, out, _ = run(["target", "show", office.targets["classes"], "--db", str(path),
                        "--on", "2025-12-31", "--json"], capsys)
    counted = json.loads(out)
    assert "people" not in counted and counted["numerator"] == 2
    assert [(c["class_id"], c["end"]) for c in counted["classes"]] == [
        (office.classes["A"], "2025-03-07"), (office.classes["C"], "2025-05-09")]


def test_report_training_json(filled: tuple[Path, Office],
                              capsys: pytest.CaptureFixture[str]) -> None:
    path, office = filled
    before = digest(path)
    code, out, _ = run(["report", "training", "--db", str(path), "--from", "2025-01-01",
                        "--to", "2025-12-31", "--json"], capsys)
    assert code == 0 and digest(path) == before
    report = json.loads(out)
    assert {k: report[k] for k in ("from", "to", "classes", "enrolments", "completions",
                                   "budget_planned", "budget_actual")} == {
        "from": "2025-01-01", "to": "2025-12-31", "classes": 2, "enrolments": 6,
        "completions": 4, "budget_planned": 16_500_000, "budget_actual": 14_000_000}
    db = open_database(path, read_only=True)
    co_ban, kiem = programme_id(db, "bd_co_ban"), programme_id(db, "bd_kiem_nhiem")
    db.close()
    assert sorted(({k: p[k] for k in ("program_id", "classes", "enrolments", "completions")}
                   for p in report["by_program"]), key=lambda p: p["program_id"]) == sorted(
        [{"program_id": co_ban, "classes": 1, "enrolments": 3, "completions": 2},
         {"program_id": kiem, "classes": 1, "enrolments": 3, "completions": 2}],
        key=lambda p: p["program_id"])
    targets = {t["id"]: t for t in report["targets"]}
    assert set(targets) == set(office.targets.values())
    assert {k: targets[office.targets["coverage"]][k] for k in ("value", "goal", "met")} == \
        {"value": 2 / 3, "goal": 1.0, "met": False}
    assert targets[office.targets["lượt"]]["value"] == 3


def test_report_files_and_the_draft(filled: tuple[Path, Office], tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    path, office = filled
    text = tmp_path / "danh-gia.txt"
    text.write_text("Các lớp đúng kế hoạch.\nCòn một cán bộ chuyên trách chưa học.\n", "utf-8")
    code, out, _ = run(["report", "draft", "--db", str(path), "--from", "2025-01-01", "--to",
                        "2025-12-31", "--number", "15", "--assessment", str(text), "--json"],
                       capsys)
    assert code == 0 and json.loads(out)["number"] == "15"
    pdf, xlsx = tmp_path / "bc.pdf", tmp_path / "bc.xlsx"
    for out_file in (pdf, xlsx):
        code, _, err = run(["report", "training", "--db", str(path), "--from", "2025-01-01",
                            "--to", "2025-12-31", "-o", str(out_file)], capsys)
        assert code == 0 and out_file.exists(), err
    assert pdf.read_bytes().startswith(b"%PDF")
    assert load_workbook(xlsx)["Tổng hợp"]["B5"].value == 2  # Số lớp
    target_pdf = tmp_path / "ct.pdf"
    code, _, err = run(["print", "target", "--db", str(path), "--target",
                        office.targets["coverage"], "-o", str(target_pdf), "--date",
                        "2025-12-31"], capsys)
    assert code == 0 and "1 trang" in err
    code, _, _ = run(["target", "export", office.targets["coverage"], "--db", str(path),
                      "-o", str(tmp_path / "ct.xlsx"), "--on", "2025-12-31"], capsys)
    assert code == 0
    names = [r[1] for r in load_workbook(tmp_path / "ct.xlsx")["Chưa đạt"].iter_rows(
        min_row=3, values_only=True)]
    assert names == ["Bùi Thị Hoa"]


def test_target_enrol(filled: tuple[Path, Office], capsys: pytest.CaptureFixture[str]) -> None:
    path, office = filled
    code, out, _ = run(["target", "enrol", office.targets["coverage"], "--db", str(path),
                        "--class", office.classes["O"], "--on", "2025-12-31", "--json"], capsys)
    assert code == 0
    result = json.loads(out)
    assert [p["full_name"] for p in result["enrolled"]] == ["Bùi Thị Hoa"]
    assert result["waiting"] == [] and result["refused"] == []


@pytest.mark.parametrize("args", [
    ["report", "training", "--from", "2025-12-31", "--to", "2025-01-01", "--json"],
    ["report", "draft", "--from", "2025-12-31", "--to", "2025-01-01", "--number", "3"],
    ["target", "show", "no-such-target", "--json"],
    ["plan", "show", "no-such-plan", "--json"],
    ["target", "list", "--plan", "no-such-plan", "--json"],
    ["target", "list", "--office", "NO-SUCH-OFFICE", "--json"],
    ["print", "target", "--target", "no-such-target", "-o", "{tmp}/x.pdf"],
    ["report", "training", "--from", "2025-01-01", "--to", "2025-12-31", "-o", "{tmp}/x.doc"],
])
def test_bad_input_exits_1_and_changes_nothing(
        filled: tuple[Path, Office], tmp_path: Path, capsys: pytest.CaptureFixture[str],
        args: list[str]) -> None:
    path, _ = filled
    before = digest(path)
    code, out, err = run([*(a.replace("{tmp}", str(tmp_path)) for a in args), "--db",
                          str(path)], capsys)
    assert code == 1 and out == "" and err.strip() and "Traceback" not in err
    assert digest(path) == before
    assert not (tmp_path / "x.pdf").exists()


def test_a_target_naming_a_deleted_programme_is_refused(
        filled: tuple[Path, Office], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    path, office = filled
    db = open_database(path)
    with db.write("finish") as tx:
        tx.update("training_class", office.classes["O"], {"status": "finished"})
    delete_programme(db, programme_id(db, "bd_co_ban"))
    db.close()
    before = digest(path)
    for args in (["target", "list", "--json"],
                 ["target", "show", office.targets["coverage"], "--json"],
                 ["report", "training", "--from", "2025-01-01", "--to", "2025-12-31",
                  "--json"],
                 ["print", "target", "--target", office.targets["coverage"], "-o",
                  str(tmp_path / "x.pdf")]):
        code, out, err = run([*args, "--db", str(path)], capsys)
        assert code == 1 and out == "" and "đã xóa" in err, args
    assert digest(path) == before and not (tmp_path / "x.pdf").exists()


def test_a_province_reports_per_office(filled: tuple[Path, Office],
                                       capsys: pytest.CaptureFixture[str]) -> None:
    """A province's database holds its child offices' people: targets count them too,
    per office, and --office narrows to one."""
    path, office = filled
    db = open_database(path)
    child = "99999999-9999-4999-8999-999999999999"
    with db.write("child office") as tx:
        offices.ensure_office(tx, child, "XA-MOI", "Đoàn xã Mới", db.office_id)
        root = units.create_unit(tx, "Đoàn xã Mới", None, "Đoàn xã/phường")
        tx.update("unit", root.id, {"office_id": child})
        for given in ("Tâm", "Trí"):
            pid = create_person(tx, PersonInput("Nguyễn Văn", given, "M", unit_id=root.id,
                                                working_status="chuyen_trach"))
            tx.update("person", pid, {"office_id": child})
    db.close()
    code, out, _ = run(["target", "list", "--db", str(path), "--on", "2025-12-31", "--json"],
                       capsys)
    rows = {r["id"]: r for r in json.loads(out)}
    coverage = rows[office.targets["coverage"]]
    assert (coverage["numerator"], coverage["denominator"]) == (2, 5)
    assert sorted((o["office"], o["numerator"], o["denominator"])
                  for o in coverage["by_office"]) == [("", 2, 3), ("XA-MOI", 0, 2)]
    code, out, _ = run(["target", "list", "--db", str(path), "--on", "2025-12-31",
                        "--office", "XA-MOI", "--json"], capsys)
    assert code == 0
    narrowed = {r["id"]: r for r in json.loads(out)}[office.targets["coverage"]]
    assert (narrowed["numerator"], narrowed["denominator"]) == (0, 2)
    assert narrowed["by_office"] == [{"office": "XA-MOI", "name": "Đoàn xã Mới",
                                      "numerator": 0, "denominator": 2}]


def test_a_missing_database_is_refused_not_created(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "none.sqlite3"
    for args in (["target", "list", "--json"], ["plan", "list", "--json"],
                 ["report", "training", "--from", "2025-01-01", "--to", "2025-12-31"],
                 ["report", "draft", "--from", "2025-12-31", "--to", "2025-01-01"]):
        code, _, err = run([*args, "--db", str(missing)], capsys)
        assert code == 1 and err.strip(), args
        assert not missing.exists()
