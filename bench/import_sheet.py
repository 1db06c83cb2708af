"""Importing a roster sheet against openpyxl alone reading the same sheet.

The sheet is written here in the roster-file format of design/cli.md (one row per
demo person, Mã blank so that every row is a new person), so the figure does not depend
on the exporter. Ours: `import_roster` into a fresh database. Baseline: openpyxl's
read-only mode iterating every row's values.
"""

from __future__ import annotations

import datetime as dt
import statistics
import time
from pathlib import Path
from typing import Any

from common import Entry, entry, skipped

from cadre_desktop.domain.dates import PartialDate
from cadre_desktop.store.db import open_database

RATIO = 2.0
YEARS = [2025, 2024, 2023, 2022, 2021]
HEADINGS = ["Mã", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Đơn vị", "Chức vụ",
            "Chế độ công tác", "Biên chế", "Đảng", "Quy hoạch",
            *(f"Xếp loại {y}" for y in YEARS),
            "Kỷ luật đến", "Tạm hoãn cử đi cơ sở đến", "Điện thoại"]


def _day(iso: str | None) -> str:
    return dt.date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else ""


def sheet_rows(db_path: Path, limit: int) -> list[list[Any]]:
    """The first `limit` people of a demo database as roster-file rows."""
    db = open_database(db_path, read_only=True)
    try:
        conn = db.conn
        labels = dict(conn.execute("SELECT kind || ':' || code, label FROM lookup").fetchall())
        ratings: dict[str, dict[int, str]] = {}
        rows = conn.execute(
            "SELECT p.id, p.full_name, p.birth_date, p.gender, p.citizen_id, u.name,"
            " pa.position_code, p.working_status, p.permanent_staff, p.party_status,"
            " pl.position_code, p.discipline_until, p.no_rotation_until, p.phone"
            " FROM person p LEFT JOIN unit u ON u.id = p.unit_id"
            " LEFT JOIN position_assignment pa ON pa.person_id = p.id AND pa.end_date IS NULL"
            " LEFT JOIN planning pl ON pl.person_id = p.id AND pl.deleted = 0"
            " WHERE p.deleted = 0 ORDER BY p.rowid LIMIT ?", (limit,)).fetchall()
        wanted = {r[0] for r in rows}
        for person_id, year, label in conn.execute(
                "SELECT r.person_id, r.year, l.label FROM rating r"
                " JOIN rating_level l ON l.id = r.level_id WHERE r.deleted = 0"):
            if person_id in wanted:
                ratings.setdefault(person_id, {})[year] = label
    finally:
        db.close()
    out = []
    for (pid, name, birth, gender, cid, unit, pos, ws, staff, party, planned, disc, defer,
         phone) in rows:
        rated = ratings.get(pid, {})
        out.append([
            "", name, PartialDate.from_iso(birth).display() if birth else "",
            {"M": "Nam", "F": "Nữ"}.get(gender or "", ""), cid or "", unit or "",
            labels.get(f"position:{pos}", ""), labels.get(f"working_status:{ws}", ""),
            "" if staff is None else ("Có" if staff else "Không"),
            labels.get(f"party_status:{party}", ""), labels.get(f"position:{planned}", ""),
            *(rated.get(y, "") for y in YEARS), _day(disc), _day(defer), phone or "",
        ])
    return out


def write_sheet(db_path: Path, out: Path, rows: int) -> int:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Danh sách")
    ws.append(HEADINGS)
    data = sheet_rows(db_path, rows)
    for row in data:
        ws.append(row)
    wb.save(out)
    return len(data)


def read_with_openpyxl(path: Path) -> int:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    try:
        return sum(1 for row in wb.active.iter_rows(values_only=True)
                   if any(v is not None for v in row))
    finally:
        wb.close()


def import_once(path: Path, db_path: Path) -> tuple[float, Any]:
    from cadre_desktop.importing.roster_import import import_roster

    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    db = open_database(db_path)
    try:
        start = time.perf_counter()
        report = import_roster(db, path)
        return time.perf_counter() - start, report
    finally:
        db.close()


def run(demo_db: Path, tmp: Path, rows: int, repeats: int = 3) -> Entry:
    name = f"roster import, {rows:,}-row .xlsx into a new database (vs openpyxl reading it)"
    requirement = f"<= {RATIO:g}x baseline"
    try:
        import cadre_desktop.importing.roster_import  # noqa: F401
    except ImportError as exc:
        return skipped(name, "s", requirement, f"not available ({exc})")
    sheet = tmp / f"roster-{rows}.xlsx"
    written = write_sheet(demo_db, sheet, rows)
    base = [0.0] * repeats
    for i in range(repeats):
        start = time.perf_counter()
        read_with_openpyxl(sheet)
        base[i] = time.perf_counter() - start
    ours, report = [], None
    for i in range(repeats):
        seconds, report = import_once(sheet, tmp / f"import-{i}.sqlite3")
        ours.append(seconds)
    value, baseline = statistics.median(ours), statistics.median(base)
    imported = getattr(report, "imported", None)
    rejected = len(getattr(report, "rejected", []) or [])
    return entry(name, value, "s", requirement,
                 value <= RATIO * baseline and imported == written and rejected == 0,
                 baseline, rows=written, imported=imported, rejected=rejected,
                 ratio=round(value / baseline, 2) if baseline else None)
