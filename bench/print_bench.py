"""Printing benchmarks: `run(tmp_dir)` returns one dict per measurement.

- the whole `cadre-desktop print attendance` process for a 120-person, 10-session class
  (median of 3), against LibreOffice converting the same table from .xlsx to PDF
  (median of 3); the requirement is at most half LibreOffice's time. Measured twice: as
  installed, and from a copy of the program's source without compiled bytecode run with
  PYTHONDONTWRITEBYTECODE=1 (a read-only install, where Python compiles every module of
  ours on every start);
- the attendance sheet, the participant list and the certificates of a 1,000-person class
  printed in-process (requirement: under 3 s each).

Run alone: `PYTHONPATH=src python bench/print_bench.py [TMP_DIR]` (or `bench/run.py --only
print`).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from cadre_desktop.domain import person as person_rules
from cadre_desktop.store import units
from cadre_desktop.store.db import Database, new_id, open_database
from cadre_desktop.store.profile import OfficeProfile, save_profile

REPO = Path(__file__).resolve().parent.parent
RUNS = 3

_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Đặng", "Bùi", "Đỗ", "Hồ",
           "Ngô", "Dương", "Trương", "Đinh", "Lâm"]
_MIDDLE = {"M": ["Văn", "Minh", "Đức", "Quốc", "Hữu", "Thanh", "Hoàng Anh", "Công"],
           "F": ["Thị", "Ngọc", "Thu", "Thanh", "Kim", "Thị Ngọc", "Hồng", "Mỹ"]}
_GIVEN = {"M": ["Anh", "Bảo", "Cường", "Dũng", "Đạt", "Hải", "Hùng", "Khang", "Long",
                "Minh", "Nghĩa", "Phúc", "Quân", "Sơn", "Tài", "Thắng", "Trí", "Vũ"],
          "F": ["Ánh", "Chi", "Diễm", "Giang", "Hà", "Hạnh", "Hương", "Lan", "Linh", "Mai",
                "Ngân", "Nhung", "Oanh", "Phương", "Quyên", "Thảo", "Trang", "Yến"]}
_UNITS = ["Chi đoàn Khu phố 1", "Chi đoàn Khu phố 2", "Chi đoàn Trường THCS Gia Lộc",
          "Chi đoàn Công an phường", "Đoàn cơ sở Công ty TNHH Dệt may Thành Công"]
_POSITIONS = ["bi_thu_chi_doan", "pho_bi_thu_chi_doan", "uv_bch", None, None]


def build_class_db(path: Path, people: int, sessions: int, seed: int = 1) -> str:
    """A new office database with one class of `people` enrolled participants and
    `sessions` sessions; returns the class id."""
    rng = random.Random(seed)
    db = open_database(path)
    try:
        with db.write("profile") as tx:
            save_profile(tx, OfficeProfile(
                office_name="BCH Đoàn phường Gia Lộc", office_code="GL",
                upper_body="Tỉnh đoàn Tây Ninh", place_name="Gia Lộc", signer_title="Bí thư",
                signer_name="Nguyễn Văn Bình", doc_suffix="ĐTN"))
        with db.write("units") as tx:
            root = units.create_unit(tx, "Đoàn phường Gia Lộc", None)
            unit_ids = [units.create_unit(tx, name, root).id for name in _UNITS]
        return _fill(db, rng, people, sessions, unit_ids)
    finally:
        db.close()


def _fill(db: Database, rng: random.Random, people: int, sessions: int,
          unit_ids: list[str]) -> str:
    persons, positions, enrolments = [], [], []
    class_id = new_id()
    for i in range(people):
        gender = rng.choice("MF")
        raw = {"family_middle": f"{rng.choice(_FAMILY)} {rng.choice(_MIDDLE[gender])}",
               "given_name": rng.choice(_GIVEN[gender]),
               "gender": "Nam" if gender == "M" else "Nữ",
               "birth": f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/"
                        f"{rng.randint(1988, 2006)}",
               "unit_id": rng.choice(unit_ids)}
        checked = person_rules.validate(raw)
        assert checked.person is not None, checked.errors
        pid = new_id()
        persons.append({"id": pid, **checked.person.columns()})
        code = rng.choice(_POSITIONS)
        if code:
            positions.append({"id": new_id(), "person_id": pid, "position_code": code,
                              "unit_id": raw["unit_id"], "start_date": None, "end_date": None})
        enrolments.append({"id": new_id(), "class_id": class_id, "person_id": pid,
                           "status": "enrolled", "enrolled_on": "2026-10-01",
                           "short_code": f"HV{i + 1:04d}", "result": "completed",
                           "certificate_no": f"{i + 1}/GCN"})
    programme = db.conn.execute("SELECT id FROM programme ORDER BY code LIMIT 1").fetchone()[0]
    start = dt.date(2026, 11, 2)
    with db.write("class") as tx:
        tx.insert_many("person", persons)
        tx.insert_many("position_assignment", positions)
        tx.insert("training_class", {
            "id": class_id, "programme_id": programme, "year": 2026,
            "name": "Lớp bồi dưỡng kiến thức, nghiệp vụ công tác Đoàn năm 2026",
            "venue": "Hội trường UBND phường Gia Lộc", "start_date": start.isoformat(),
            "end_date": (start + dt.timedelta(days=(sessions - 1) // 2)).isoformat()})
        tx.insert_many("class_session", [{
            "id": new_id(), "class_id": class_id,
            "date": (start + dt.timedelta(days=n // 2)).isoformat(),
            "start_time": "07:30" if n % 2 == 0 else "13:30",
            "end_time": "11:00" if n % 2 == 0 else "17:00",
            "topic": f"Chuyên đề {n + 1}", "lecturer_name": "Trần Thị Hồng", "room": "Hội trường",
        } for n in range(sessions)])
        tx.insert_many("enrolment", enrolments)
    return class_id


def write_xlsx(db_path: Path, class_id: str, out: Path) -> None:
    """The same table as the attendance sheet, as a workbook for LibreOffice to convert."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    from cadre_desktop.printing import data

    db = open_database(db_path, read_only=True)
    try:
        sheet = data.attendance_sheet(db, class_id)
    finally:
        db.close()
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.print_title_rows = "1:2"
    head = ["STT", "Họ và tên", "Nam", "Nữ", "Chức vụ", "Đơn vị"]
    head += [f"{s.number} ({s.day_month})" for s in sheet.sessions] + ["Mã", "Ghi chú"]
    ws.append(["Năm sinh" if h == "Nam" else "" for h in head])
    ws.append(head)
    for p in sheet.participants:
        born = [p.birth_year, ""] if p.gender == "M" else ["", p.birth_year]
        ws.append([p.number, p.full_name, *born, p.position, p.unit,
                   *([""] * len(sheet.sessions)), p.short_code, p.remark])
    thin = Side(style="thin")
    for row in ws.iter_rows():
        for c in row:
            c.font = Font(name="Liberation Serif", size=11)
            c.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            c.alignment = Alignment(vertical="center", wrap_text=True)
    for letter, width in zip("ABCDEF", [5, 26, 6, 6, 18, 26], strict=True):
        ws.column_dimensions[letter].width = width
    wb.save(out)


def _timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, str]:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    seconds = time.perf_counter() - t0
    return seconds, "" if proc.returncode == 0 else (proc.stderr or proc.stdout).strip()[-300:]


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _compare(ours: list[str], env: dict[str, str], xlsx: Path,
             out_dir: Path) -> tuple[float, str, float | None]:
    """Median times of our command and of LibreOffice's conversion, run alternately (after
    one warm-up each, which also creates LibreOffice's profile) so that other load on the
    machine weighs on both alike."""
    office = _soffice()
    theirs = None
    out_dir = out_dir / "libreoffice"  # its PDF has the .xlsx's name: keep it apart
    out_dir.mkdir(exist_ok=True)
    if office is not None:
        profile = out_dir / "profile"
        theirs = [office, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                  "--convert-to", "pdf", "--outdir", str(out_dir), str(xlsx)]
        _timed(theirs)
    _timed(ours, env)
    mine: list[float] = []
    base: list[float] = []
    error = ""
    for _ in range(RUNS):
        seconds, err = _timed(ours, env)
        mine.append(seconds)
        error = error or err
        if theirs is not None:
            seconds, err = _timed(theirs)
            if err or not (out_dir / (xlsx.stem + ".pdf")).exists():
                theirs = None
            else:
                base.append(seconds)
    baseline = statistics.median(base) if theirs is not None and base else None
    return statistics.median(mine), error, baseline


def _entry(name: str, cli: float, err: str, baseline: float | None) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "name": name, "value": round(cli, 3), "unit": "s",
        "requirement": "at most half of LibreOffice converting the same table .xlsx -> PDF",
    }
    if err:
        entry.update(baseline=None, ok=False, error=err)
    elif baseline is None:
        entry.update(baseline="baseline unavailable (LibreOffice not installed)", ok=None)
    else:
        entry.update(baseline=round(baseline, 3), ratio=round(cli / baseline, 3),
                     ok=cli <= baseline / 2)
    return entry


def run(tmp_dir: str | Path) -> list[dict[str, Any]]:
    tmp = Path(tmp_dir)
    tmp.mkdir(parents=True, exist_ok=True)
    results: list[dict[str, Any]] = []

    db_path = tmp / "print-120.sqlite3"
    db_path.unlink(missing_ok=True)
    class_id = build_class_db(db_path, 120, 10)
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    xlsx = tmp / "attendance-120.xlsx"
    write_xlsx(db_path, class_id, xlsx)
    ours = [sys.executable, "-m", "cadre_desktop", "print", "attendance", "--db", str(db_path),
            "--class", class_id, "-o", str(tmp / "attendance-120.pdf")]
    results.append(_entry("print attendance, 120 people x 10 sessions (whole process, "
                          "median of 3)", *_compare(ours, env, xlsx, tmp)))
    # Our own modules compiled on every start: a source copy without __pycache__.
    source = tmp / "source"
    shutil.rmtree(source, ignore_errors=True)
    shutil.copytree(REPO / "src" / "cadre_desktop", source / "cadre_desktop",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    cold = dict(os.environ, PYTHONPATH=str(source), PYTHONDONTWRITEBYTECODE="1")
    results.append(_entry("print attendance, 120 people x 10 sessions, no bytecode cache "
                          "(PYTHONDONTWRITEBYTECODE=1, whole process, median of 3)",
                          *_compare(ours, cold, xlsx, tmp)))
    assert not any(source.rglob("*.pyc")), "bytecode was written despite the setting"
    results += _in_process(tmp)
    return results


def _in_process(tmp: Path) -> list[dict[str, Any]]:
    from cadre_desktop.printing import print_attendance, print_certificates, print_participants

    big = tmp / "print-1000.sqlite3"
    big.unlink(missing_ok=True)
    class_id = build_class_db(big, 1000, 10)
    db = open_database(big, read_only=True)
    results = []
    try:
        print_attendance(db, class_id, tmp / "warm-up.pdf")  # font loading is paid once
        for name, fn in [("attendance sheet", print_attendance),
                         ("participant list", print_participants),
                         ("certificates", print_certificates)]:
            times, pages = [], 0
            for _ in range(RUNS):
                t0 = time.perf_counter()
                pages = fn(db, class_id, tmp / f"{name.split()[0]}-1000.pdf")
                times.append(time.perf_counter() - t0)
            seconds = statistics.median(times)
            results.append({
                "name": f"{name}, 1,000 participants in-process ({pages} pages, median of 3)",
                "value": round(seconds, 3), "unit": "s", "baseline": None,
                "requirement": "under 3 s", "ok": seconds < 3.0,
            })
    finally:
        db.close()
    return results


if __name__ == "__main__":
    where = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="printb-"))
    print(json.dumps(run(where), ensure_ascii=False, indent=2))
