"""`plan add | year`, `target add | remove` (docs/cli.md): a plan, its yearly plans and a
target of each kind entered from the command line and counted by `target list`; bad input
exits 1 with a Vietnamese message and leaves the database file exactly as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cadre_desktop.store.db import open_database
from cli_run import run
from plan_fixture import Office, filled
from test_cli_plans import LIST_KEYS, digest
from training_roster import programme_id

__all__ = ["filled"]


def ok(args: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    code, out, err = run([*args, "--json"], capsys)
    assert code == 0, err
    document = json.loads(out)
    assert isinstance(document, dict)
    return document


def test_a_plan_with_a_year_and_a_target_of_each_kind(
        filled: tuple[Path, Office], capsys: pytest.CaptureFixture[str]) -> None:
    path, _office = filled
    db = ["--db", str(path)]
    plan = ok(["plan", "add", *db, "--name", "Kế hoạch bồi dưỡng 2025 - 2026", "--start",
               "2025-01-01", "--end", "31/12/2026", "--number", "20-KH/ĐTN", "--issuer",
               "Ban Thường vụ Tỉnh đoàn"], capsys)
    assert {k: plan[k] for k in ("number", "name", "start", "end", "targets", "issuer")} == {
        "number": "20-KH/ĐTN", "name": "Kế hoạch bồi dưỡng 2025 - 2026",
        "start": "2025-01-01", "end": "2026-12-31", "targets": 0,
        "issuer": "Ban Thường vụ Tỉnh đoàn"}
    plan_id = str(plan["id"])
    code, out, _ = run(["plan", "list", *db, "--json"], capsys)
    listed = next(p for p in json.loads(out) if p["id"] == plan_id)
    assert {k: listed[k] for k in listed} == {k: plan[k] for k in listed}
    year = ok(["plan", "year", plan_id, *db, "--year", "2025", "--estimate",
               "12.000.000", "--note", "Kế hoạch năm 2025"], capsys)
    assert {k: year[k] for k in ("plan_id", "year", "budget_estimate", "note")} == {
        "plan_id": plan_id, "year": 2025, "budget_estimate": 12_000_000,
        "note": "Kế hoạch năm 2025"}
    target = ["target", "add", *db, "--plan", plan_id]
    coverage = ok([*target, "--name", "Cán bộ chuyên trách được bồi dưỡng", "--kind",
                   "coverage", "--goal", "100%", "--working-status", "Chuyên trách",
                   "--program", "bd_co_ban"], capsys)
    db_open = open_database(path, read_only=True)
    try:
        co_ban = programme_id(db_open, "bd_co_ban")
    finally:
        db_open.close()
    assert coverage["programs"] == [co_ban] and coverage["goal"] == 1.0
    assert coverage["target_group"] == [{"working_status": ["chuyen_trach"]}]
    share = ok([*target, "--name", "LLCT từ trung cấp", "--kind", "share", "--goal", "0,5",
                "--group", '[{"working_status": ["chuyen_trach", "ban_chuyen_trach",'
                ' "kiem_nhiem"]}]', "--attribute", "theory_level", "--at-least",
                "trung_cap"], capsys)
    assert share["attribute"] == {"field": "theory_level", "at_least": "trung_cap"}
    count = ok([*target, "--name", "4 lớp", "--kind", "count", "--goal", "4", "--measure",
                "classes"], capsys)
    assert (count["goal"], count["measure"], count["period"]) == (4, "classes", "plan")
    budget = ok([*target, "--name", "Không vượt dự toán năm", "--kind", "budget", "--goal",
                 "100%", "--at-most", "--period", "year"], capsys)
    assert (budget["at_most"], budget["from"], budget["to"]) == (True, None, None)

    code, out, _ = run(["target", "list", *db, "--plan", plan_id, "--on", "2025-12-31",
                        "--json"], capsys)
    assert code == 0
    found = {t["name"]: t for t in json.loads(out)}
    assert all(set(t) >= LIST_KEYS for t in found.values())
    # plan_fixture by hand: An and Cường of 3 full-time cadres; An and Bình of 7 cadres;
    # classes A and C; 14.000.000 spent in 2025 against 12.000.000.
    picked = {name: (t["numerator"], t["denominator"], t["met"]) for name, t in found.items()}
    assert picked == {"Cán bộ chuyên trách được bồi dưỡng": (2, 3, False),
                      "LLCT từ trung cấp": (2, 7, False), "4 lớp": (2, None, False),
                      "Không vượt dự toán năm": (14_000_000, 12_000_000, False)}
    assert [t["id"] for t in json.loads(out)] == [
        coverage["id"], share["id"], count["id"], budget["id"]]

    removed = ok(["target", "remove", str(count["id"]), *db], capsys)
    assert removed == {"id": count["id"], "plan_id": plan_id, "name": "4 lớp",
                       "removed": True}
    code, out, _ = run(["target", "list", *db, "--plan", plan_id, "--json"], capsys)
    assert "4 lớp" not in {t["name"] for t in json.loads(out)}
    code, _out, err = run(["target", "remove", str(count["id"]), *db], capsys)
    assert code == 1 and "Không tìm thấy chỉ tiêu" in err


def test_bad_input_changes_nothing(filled: tuple[Path, Office],
                                   capsys: pytest.CaptureFixture[str]) -> None:
    path, office = filled
    db = ["--db", str(path)]
    plan = office.plan_id
    target = ["target", "add", *db, "--plan", plan, "--name", "Mới"]
    before = digest(path)
    cases = [
        (["plan", "add", *db, "--name", "X", "--start", "2025-01-01", "--end", "2024-12-31"],
         "Kế hoạch phải kết thúc sau ngày bắt đầu"),
        (["plan", "add", *db, "--name", "X", "--start", "2025-13-01", "--end", "2025-12-31"],
         "Ngày bắt đầu: Tháng 13 không hợp lệ"),
        (["plan", "add", *db, "--name", " ", "--start", "2025-01-01", "--end", "2025-12-31"],
         "Tên kế hoạch không được để trống"),
        (["plan", "add", *db, "--name", "X", "--start", "2025-01-01", "--end", "2025-12-31",
          "--number", "12-KH/TĐTN"], "Đã có kế hoạch số 12-KH/TĐTN"),
        (["plan", "year", plan, *db, "--year", "2030"], "Năm 2030 nằm ngoài thời gian"),
        (["plan", "year", plan, *db, "--year", "hai"], "không phải là số năm"),
        (["plan", "year", plan, *db, "--year", "2025", "--estimate", "-5"],
         "không phải số tiền"),
        (["plan", "year", "no-such-plan", *db, "--year", "2025"], "Không tìm thấy kế hoạch"),
        ([*target, "--kind", "ratio", "--goal", "1"], "Loại chỉ tiêu 'ratio' không hợp lệ"),
        ([*target, "--kind", "count", "--goal", "mười", "--measure", "classes"],
         "không phải là số"),
        ([*target, "--kind", "coverage", "--goal", "90", "--program", "bd_co_ban"],
         "90% là 0,9"),
        ([*target, "--kind", "coverage", "--goal", "90%"], "cần ít nhất một chương trình"),
        ([*target, "--kind", "coverage", "--goal", "90%", "--program", "nope"],
         "Chương trình không tồn tại hoặc đã xóa: nope"),
        ([*target, "--kind", "count", "--goal", "3"], "cần đếm lớp"),
        ([*target, "--kind", "count", "--goal", "3", "--measure", "classes", "--position",
          "bi_thu"], "không theo đối tượng"),
        ([*target, "--kind", "count", "--goal", "3", "--measure", "enrolments", "--position",
          "Chủ nhiệm"], "'Chủ nhiệm' không có trong danh mục Chức vụ"),
        ([*target, "--kind", "count", "--goal", "3", "--measure", "enrolments", "--group",
          "[{\"rank\": [1]}]"], "Điều kiện không hợp lệ"),
        ([*target, "--kind", "count", "--goal", "3", "--measure", "enrolments", "--group",
          "[]", "--position", "bi_thu"], "không dùng cả hai"),
        ([*target, "--kind", "share", "--goal", "50%", "--attribute", "theory_level",
          "--at-least", "tien_si"], "Mức 'tien_si' không có trong danh mục"),
        ([*target, "--kind", "budget", "--goal", "100%", "--from", "2024-01-01"],
         "nằm trong thời gian của kế hoạch"),
        ([*target, "--kind", "budget", "--goal", "100%", "--to", "31/02/2026"],
         "Ngày kết thúc của chỉ tiêu"),
        (["target", "add", *db, "--plan", plan, "--name", "4 lớp", "--kind", "count",
          "--goal", "4", "--measure", "classes"], "Kế hoạch đã có chỉ tiêu '4 lớp'"),
        (["target", "add", *db, "--plan", "no-such-plan", "--name", "X", "--kind", "count",
          "--goal", "4", "--measure", "classes"], "Không tìm thấy kế hoạch no-such-plan"),
        (["target", "remove", "no-such-target", *db], "Không tìm thấy chỉ tiêu"),
    ]
    for args, message in cases:
        code, out, err = run([*args, "--json"], capsys)
        assert (code, out) == (1, ""), (args, err)
        assert message in err, (args, err)
        assert "Traceback" not in err
    assert digest(path) == before
