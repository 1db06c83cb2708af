"""Control and bidi characters are refused in every text a clerk types, as bundles refuse
them: plans, yearly plans, targets, report drafts, programmes, classes and sessions. The
refusal names the field and never shows the character; nothing is written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cadre_desktop.domain.errors import InvalidInput
from cadre_desktop.services import reports, training
from cadre_desktop.store.db import Database
from cadre_desktop.store.programmes import ProgrammeInput
from cadre_desktop.store.training import ClassInput, SessionInput
from cli_run import run
from plan_fixture import Office, build_office, filled
from test_cli_plans import digest
from training_roster import make_class, programme_id

__all__ = ["filled"]

RLO, BELL = "\u202e", "\u0007"


def test_the_command_line_refuses_them_naming_the_field(
        filled: tuple[Path, Office], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    path, office = filled
    db = ["--db", str(path)]
    plan = ["plan", "add", *db, "--start", "2027-01-01", "--end", "2027-12-31"]
    target = ["target", "add", *db, "--plan", office.plan_id, "--kind", "count", "--goal", "3",
              "--measure", "classes"]
    draft = ["report", "draft", *db, "--from", "2025-01-01", "--to", "2025-06-30"]
    assessment = tmp_path / "danh-gia.txt"
    assessment.write_text(f"Đoạn một\nĐoạn {BELL}hai\n", "utf-8")
    recipients = tmp_path / "noi-nhan.txt"
    recipients.write_text(f"Tỉnh đoàn\nLưu {RLO}VP\n", "utf-8")
    cases = [
        ([*plan, "--name", f"Kế hoạch {RLO}abc"], "Tên kế hoạch", "U+202E"),
        ([*plan, "--name", "Kế hoạch", "--number", f"15{BELL}-KH"], "Số kế hoạch", "U+0007"),
        ([*plan, "--name", "Kế hoạch", "--issuer", f"Ban {RLO}Thường vụ"], "Cơ quan ban hành",
         "U+202E"),
        ([*plan, "--name", "Kế hoạch", "--note", f"dòng 1\ndòng {RLO}2"], "Ghi chú",
         "U+202E"),
        (["plan", "year", office.plan_id, *db, "--year", "2025", "--note", f"{BELL}"],
         "Ghi chú kế hoạch năm 2025", "U+0007"),
        ([*target, "--name", f"Số lớp {RLO}mở"], "Tên chỉ tiêu", "U+202E"),
        ([*draft, "--subject", f"Báo cáo {RLO}sáu tháng"], "Trích yếu", "U+202E"),
        ([*draft, "--number", f"7{BELL}"], "Số báo cáo", "U+0007"),
        ([*draft, "--assessment", str(assessment)], "Đánh giá chung", "U+0007"),
        ([*draft, "--recipients", str(recipients)], "Nơi nhận", "U+202E"),
    ]
    before = digest(path)
    for args, label, code_point in cases:
        code, out, err = run(args, capsys)
        assert code == 1, (args, out, err)
        assert err.startswith(f"{label} có ký tự điều khiển") and code_point in err, err
        assert RLO not in err and BELL not in err and RLO not in out, err
        assert digest(path) == before, args
    # A plan note may still span lines (tab, newline are text).
    code, _out, err = run([*plan, "--name", "Kế hoạch", "--note", "dòng 1\n\tdòng 2"], capsys)
    assert code == 0, err


def test_programmes_classes_sessions_and_drafts_refuse_them(db: Database) -> None:
    build_office(db)
    programme = programme_id(db, "bd_co_ban")
    for field, value in (("name", f"Lớp {RLO}A"), ("organiser", BELL), ("venue", RLO),
                         ("link", f"https://{RLO}x")):
        values = {"name": "Lớp A", field: value}
        with pytest.raises(InvalidInput) as refused:
            ClassInput(programme, year=2025, **values).columns()  # type: ignore[arg-type]
        assert refused.value.field == field and RLO not in str(refused.value)
    for field, value in (("name", f"CT {RLO}"), ("level", BELL),
                         ("target_description", RLO)):
        values = {"name": "Chương trình", field: value}
        with pytest.raises(InvalidInput) as refused:
            ProgrammeInput(**values).columns()  # type: ignore[arg-type]
        assert refused.value.field == field and "U+" in str(refused.value)
    for field, value in (("topic", RLO), ("lecturer_name", BELL), ("room", RLO)):
        with pytest.raises(InvalidInput) as refused:
            SessionInput(dt.date(2025, 3, 3), dt.time(7, 30), dt.time(11),
                         **{field: value}).columns()  # type: ignore[arg-type]
        assert refused.value.field == field
    # Through the services the window and the command line call.
    count = len(training.list_programmes(db))
    with pytest.raises(InvalidInput, match=r"^Tên chương trình có ký tự điều khiển"):
        training.save_programme(db, ProgrammeInput(f"Chương trình {RLO}mới"))
    assert len(training.list_programmes(db)) == count
    with pytest.raises(InvalidInput, match=r"^Tên lớp có ký tự điều khiển"):
        training.save_class(db, ClassInput(programme, f"Lớp {BELL}B", 2025))
    class_id = make_class(db)
    with pytest.raises(InvalidInput, match=r"^Chủ đề có ký tự điều khiển"):
        training.add_sessions(db, class_id, [SessionInput(
            dt.date(2025, 3, 3), dt.time(7, 30), dt.time(11), topic=f"Bài {RLO}1")])
    assert training.class_detail(db, class_id).sessions == []
    with pytest.raises(InvalidInput, match=r"^Phương hướng, nhiệm vụ có ký tự") as refused:
        reports.save_draft(db, reports.ReportDraft(
            "six_month", dt.date(2025, 1, 1), dt.date(2025, 6, 30), directions=f"a\n{RLO}b"))
    assert refused.value.field == "directions"
    assert reports.list_drafts(db) == []
