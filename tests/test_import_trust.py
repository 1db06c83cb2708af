"""Import and export a clerk can trust: the numbered cases of the roster-files review.

1. two imports at once never duplicate an ID number; 2. formula-like text stays text;
3. --match id-number and "updated" counting real changes; 4. unit abbreviations and near
names; 5. control and bidi characters refused without echoing them; 9. TCVN3 names
capitalised, .xls read. (6 is in test_cli_failures.py, 8 in test_private_data.py.)
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from cadre_desktop.domain.cell_text import guard_csv, unguard_csv
from cadre_desktop.exporting.roster_export import export_roster
from cadre_desktop.importing.legacy import unicode_to_tcvn3
from cadre_desktop.importing.roster_import import import_roster
from cadre_desktop.services.roster import FieldErrors, PersonForm, save_person
from cadre_desktop.store import migrate, units
from cadre_desktop.store.db import Database, open_database
from cli_run import run
from roster_files import new_db, populate, write_csv, write_xlsx

SRC = Path(__file__).resolve().parent.parent / "src"


def _people_rows(count: int) -> list[list[object]]:
    rows: list[list[object]] = [["Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Đơn vị"]]
    given = ["An", "Bình", "Cường", "Dũng", "Em"]
    for i in range(count):
        rows.append([f"Nguyễn Văn {given[i % 5]}", "01/02/1995", "Nam",
                     f"0790950{i:05d}", "Chi đoàn Khu phố 1"])
    return rows


def _live_duplicates(db_path: Path) -> tuple[int, int]:
    conn = sqlite3.connect(db_path)
    try:
        live = conn.execute("SELECT COUNT(*) FROM person WHERE deleted = 0").fetchone()[0]
        distinct = conn.execute("SELECT COUNT(DISTINCT citizen_id) FROM person"
                                " WHERE deleted = 0").fetchone()[0]
        return int(live), int(distinct)
    finally:
        conn.close()


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(SRC), env.get("PYTHONPATH")) if p)
    return env


# --- 1. two imports at once -----------------------------------------------------------------

def test_two_command_line_imports_at_once_leave_no_duplicate(tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "ds.csv", _people_rows(3000))
    db_path = tmp_path / "office.sqlite3"
    open_database(db_path).close()
    command = [sys.executable, "-m", "cadre_desktop", "roster", "import", str(sheet),
               "--db", str(db_path)]
    first = subprocess.Popen(command, env=_env(), stderr=subprocess.PIPE, text=True)
    second = subprocess.Popen(command, env=_env(), stderr=subprocess.PIPE, text=True)
    errors = [p.communicate(timeout=300)[1] for p in (first, second)]
    outcomes = [(p.returncode, err) for p, err in zip((first, second), errors, strict=True)]
    assert sorted(code for code, _ in outcomes) == [0, 1], outcomes
    refused = next(err for code, err in outcomes if code == 1)
    assert "Traceback" not in refused
    # Refused by the writer lock (it names the other command) or, when the first had
    # already finished, every row rejected as already there.
    assert ("đang được mở để ghi bởi lệnh roster import (tiến trình" in refused
            or "đã có trong dữ liệu" in refused), refused
    assert _live_duplicates(db_path) == (3000, 3000)


def test_two_imports_without_the_lock_check_and_write_in_one_transaction(
        tmp_path: Path) -> None:
    """Even two programs that do not take the writer lock cannot both pass the duplicate
    check: it runs inside the write transaction, and the ID number guard backs it."""
    sheet = write_csv(tmp_path / "ds.csv", _people_rows(1500))
    db_path = tmp_path / "office.sqlite3"
    open_database(db_path).close()
    script = (
        "import sys\n"
        "from cadre_desktop.importing.roster_import import import_roster\n"
        "from cadre_desktop.store.db import open_database\n"
        f"db = open_database({str(db_path)!r})\n"
        f"report = import_roster(db, {str(sheet)!r}, skip_invalid=True)\n"
        "print(report.imported, len(report.rejected))\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", script], env=_env(),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    results = [p.communicate(timeout=300) for p in procs]
    imported = sorted(out.split()[0] for out, _ in results if out.strip())
    assert "1500" in imported, results
    assert _live_duplicates(db_path) == (1500, 1500)


def _before_id_guard(path: Path) -> None:
    """A database at the version before the ID number guard, holding a duplicate."""
    guard = next(m for m in migrate.available() if m.name == "unique_citizen_id")
    conn = sqlite3.connect(path, isolation_level=None)
    for migration in migrate.available():
        if migration.version >= guard.version:
            break
        conn.executescript(f"BEGIN;{migration.sql}\nPRAGMA user_version = "
                           f"{migration.version};COMMIT;")
    stamp = "2024-01-01T00:00:00+00:00"
    conn.execute("INSERT INTO office (id, code, name, is_self, created_at, updated_at)"
                 " VALUES ('o1', '', '', 1, ?, ?)", (stamp, stamp))
    for pid, name, when in [("p1", "Nguyễn Văn An", "2024-01-01"),
                            ("p2", "Trần Văn An", "2024-02-01"),
                            ("p3", "Lê Văn An", "2024-03-01")]:
        conn.execute(
            "INSERT INTO person (id, office_id, given_name, full_name, search_fold, name_key,"
            " citizen_id, note, created_at, updated_at) VALUES (?, 'o1', 'An', ?, '', '',"
            " '079095000001', 'ghi chú', ?, ?)", (pid, name, when, when))
    conn.close()


def test_the_guard_migration_keeps_existing_duplicates_safe(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _before_id_guard(path)
    db = open_database(path)
    try:
        rows = db.conn.execute("SELECT id, citizen_id, note FROM person ORDER BY id").fetchall()
        assert rows[0] == ("p1", "079095000001", "ghi chú")
        for _pid, number, note in rows[1:]:  # the number is kept in the note, not lost
            assert number is None
            assert note == ("ghi chú Số CCCD 079095000001 trùng với người khác, đã tách khi "
                            "nâng cấp.")
        assert db.conn.execute("SELECT person_id, kept_by FROM citizen_id_conflict"
                               " ORDER BY person_id").fetchall() == [("p2", "p1"), ("p3", "p1")]
        assert db.conn.execute("SELECT COUNT(*) FROM audit WHERE table_name = 'person'"
                               ).fetchone()[0] == 2
        # From now on the guard refuses a second live holder, whatever path writes it.
        with pytest.raises(sqlite3.IntegrityError, match="duplicate live citizen_id"), \
                db.write("x") as tx:
            tx.update("person", "p2", {"citizen_id": "079095000001"})
        assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        db.close()
    assert list(tmp_path.glob("old.before-v*.sqlite3"))  # the copy taken before upgrading


def test_the_editor_refuses_an_id_number_another_person_holds(db: Database) -> None:
    populate(db)
    with pytest.raises(FieldErrors, match="Số CCCD 072095001234 đã có ở Nguyễn Văn An"):
        save_person(db, PersonForm({"full_name": "Lê Văn Tám", "citizen_id": "072095001234"}))


# --- 2. formula-like text -------------------------------------------------------------------

HOSTILE_NAMES = ["=cmd|' /C calc'!A", '=HYPERLINK("http://evil.example","Bấm")',
                 "+Lê Văn Dũng", "-Trần Thị Em", "@Phạm Văn Giang"]
HOSTILE_UNIT = "@Chi đoàn Khu phố"


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_formula_like_text_is_written_as_text_and_reads_back(tmp_path: Path,
                                                             suffix: str) -> None:
    db = new_db(tmp_path)
    rows = [["Họ và tên", "Đơn vị"], *([name, HOSTILE_UNIT] for name in HOSTILE_NAMES)]
    report = import_roster(db, write_csv(tmp_path / "in.csv", rows))
    assert (report.imported, report.rejected) == (5, [])
    out = tmp_path / f"out{suffix}"
    export_roster(db, out)
    if suffix == ".xlsx":
        sheet_xml = zipfile.ZipFile(out).read("xl/worksheets/sheet1.xml").decode("utf-8")
        assert "<f>" not in sheet_xml and "<f " not in sheet_xml
        book = openpyxl.load_workbook(out)
        cells = [c for row in book.active.iter_rows(min_row=2) for c in row[1:6]]
        assert all(c.data_type == "s" for c in cells if c.value)
        assert {c.value for c in cells if c.value} >= {*HOSTILE_NAMES, HOSTILE_UNIT}
        book.close()
    else:
        with out.open(encoding="utf-8-sig", newline="") as handle:
            fields = [r[1:6] for r in list(csv.reader(handle))[1:]]
        assert {r[0] for r in fields} == {f"'{name}" for name in HOSTILE_NAMES}
        assert {r[4] for r in fields} == {f"'{HOSTILE_UNIT}"}
    fresh = new_db(tmp_path, "fresh.sqlite3")
    assert import_roster(fresh, out).imported == 5
    names = {r[0] for r in fresh.conn.execute("SELECT full_name FROM person")}
    assert names == set(HOSTILE_NAMES)
    assert fresh.conn.execute("SELECT COUNT(*) FROM unit WHERE name = ?",
                              (HOSTILE_UNIT,)).fetchone()[0] == 1


def test_csv_guard_is_exact_both_ways() -> None:
    for value in ["=1+1", "+84 912", "-", "@x", "\tx", "\rx", "'=x", "''+x", "'plain",
                  "plain", "", "Nguyễn"]:
        assert unguard_csv(guard_csv(value)) == value
    assert guard_csv("=1+1") == "'=1+1" and guard_csv("'plain") == "'plain"


# --- 3. updates by ID number ----------------------------------------------------------------

def test_match_id_number_updates_only_real_changes(
        db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = open_database(db_path)
    populate(db)
    db.close()
    rows = [
        ["Họ và tên", "Số CCCD", "Điện thoại", "Ngày sinh"],
        ["Nguyễn Văn An", "072095001234", "0911111111", "17/05/1995"],  # phone changes
        ["Trần Thị Bình", "072198001235", None, "1998"],  # as stored
        ["Vũ Thị Mai", "072302001238", None, "2002"],  # new
    ]
    sheet = write_xlsx(tmp_path / "ds.xlsx", rows)
    code, _out, err = run(["roster", "import", str(sheet), "--db", str(db_path)], capsys)
    assert code == 1 and "đã có trong dữ liệu" in err  # without the option: as before
    code, out, err = run(["roster", "import", str(sheet), "--db", str(db_path),
                          "--match", "id-number", "--json"], capsys)
    assert code == 0, err
    report = json.loads(out)
    assert (report["imported"], report["updated"], report["unchanged"]) == (1, 1, 1)
    assert [(r["row"], r["status"], r.get("fields")) for r in report["rows"]] == [
        (2, "changed", ["phone"]), (3, "unchanged", None), (4, "new", None)]
    assert "cập nhật 1 người (1 người không thay đổi)" in err
    db = open_database(db_path)
    try:
        assert db.conn.execute("SELECT phone FROM person WHERE citizen_id = '072095001234'"
                               ).fetchone()[0] == "0911111111"
        assert db.conn.execute("SELECT COUNT(*) FROM person").fetchone()[0] == 5
    finally:
        db.close()
    code, out, _err = run(["roster", "import", str(sheet), "--db", str(db_path),
                           "--match", "id-number", "--json"], capsys)
    again = json.loads(out)
    assert (again["imported"], again["updated"], again["unchanged"]) == (0, 0, 3)


# --- 4. units: abbreviations, near names, every report ---------------------------------------

def test_unit_abbreviations_match_and_new_units_are_listed_with_near_names(
        db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = open_database(db_path)
    with db.write("units") as tx:
        root = units.create_unit(tx, "Đoàn phường Gia Lộc", None)
        kp3 = units.create_unit(tx, "Chi đoàn Khu phố 3", root)
        units.create_unit(tx, "Chi đoàn Khu phố 4", root)
    db.close()
    rows = [
        ["Họ và tên", "Ngày sinh", "Đơn vị"],
        ["Nguyễn Văn An", "1995", "Chi đoàn KP 3"],
        ["Trần Văn Bình", "1996", "CĐ Khu phố 03"],
        ["Lê Văn Cường", "1997", "Chi đoàn KP3"],
        ["Phạm Văn Dũng", "31/02/1998", "Chi đoàn Khu ph 3"],  # rejected, and a typo
    ]
    sheet = write_xlsx(tmp_path / "ds.xlsx", rows)
    code, out, err = run(["roster", "import", str(sheet), "--db", str(db_path), "--dry-run",
                          "--json"], capsys)
    assert code == 1
    report = json.loads(out)
    assert [r["row"] for r in report["rejected"]] == [5]
    assert report["created_units"] == [{"name": "Chi đoàn Khu ph 3", "similar_to": [
        "Chi đoàn Khu phố 3", "Chi đoàn Khu phố 4"]}]
    assert "Đơn vị mới: Chi đoàn Khu ph 3 (gần giống: Chi đoàn Khu phố 3" in err
    code, out, _ = run(["roster", "import", str(sheet), "--db", str(db_path),
                        "--skip-invalid", "--json"], capsys)
    assert code == 0 and json.loads(out)["created_units"] == []
    db = open_database(db_path)
    try:
        assert {r[0] for r in db.conn.execute("SELECT unit_id FROM person")} == {kp3.id}
        assert db.conn.execute("SELECT COUNT(*) FROM unit").fetchone()[0] == 3
    finally:
        db.close()


def test_a_clerk_can_map_a_new_unit_to_an_existing_one(tmp_path: Path) -> None:
    db = new_db(tmp_path)
    with db.write("units") as tx:
        root = units.create_unit(tx, "Đoàn phường Gia Lộc", None)
        kp3 = units.create_unit(tx, "Chi đoàn Khu phố 3", root)
    sheet = write_xlsx(tmp_path / "ds.xlsx", [["Họ và tên", "Đơn vị"],
                                              ["Nguyễn Văn An", "Chi doan KhuPho 3"]])
    preview = import_roster(db, sheet, dry_run=True)
    [new] = preview.new_units
    assert (new.written, new.similar[0]) == ("Chi doan KhuPho 3", (kp3.id, "Chi đoàn Khu phố 3"))
    report = import_roster(db, sheet, unit_map={new.written: kp3.id})
    assert (report.imported, report.created_units) == (1, [])
    assert db.conn.execute("SELECT unit_id FROM person").fetchone()[0] == kp3.id


# --- 5. control and bidirectional characters ------------------------------------------------

def test_bidi_and_control_characters_are_refused_naming_field_and_row(
        db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [["Họ và tên", "Đơn vị", "Điện thoại"],
            ["Nguyễn Văn An", "Chi đoàn 1", None],
            ["Trần Thị\u202eBình", "Chi đoàn 1", None],
            ["Lê Văn Cường", "Chi đoàn\u2066 2", None],
            ["Phạm Văn Dũng", "Chi đoàn 1", "0912\x07345678"]]
    sheet = write_csv(tmp_path / "ds.csv", rows)
    code, out, err = run(["roster", "import", str(sheet), "--db", str(db_path), "--json"],
                         capsys)
    assert code == 1
    rejected = json.loads(out)["rejected"]
    assert [(r["row"], r["reason"].split(" có ký tự")[0]) for r in rejected] == [
        (3, "Cột 'Họ và tên'"), (4, "Cột 'Đơn vị'"), (5, "Cột 'Điện thoại'")]
    assert "U+202E" in rejected[0]["reason"] and "U+2066" in rejected[1]["reason"]
    for text in (out, err):
        assert "\u202e" not in text and "\u2066" not in text and "\x07" not in text
        assert "Bình" not in text and "Chi đoàn\u2066" not in text
    assert "Dòng 3: Cột 'Họ và tên' có ký tự điều khiển hoặc ký tự đảo chiều" in err


def test_the_person_editor_service_refuses_them_too(db: Database) -> None:
    with pytest.raises(FieldErrors) as caught:
        save_person(db, PersonForm({"full_name": "Trần Thị\u202eBình", "note": "a\x1bb"}))
    assert set(caught.value.errors) == {"full_name", "note"}
    assert caught.value.errors["full_name"].startswith("Họ và tên có ký tự điều khiển")
    assert "\u202e" not in caught.value.message and "Bình" not in caught.value.message


# --- 9. legacy names and old .xls files -----------------------------------------------------

def test_tcvn3_names_are_capitalised(tmp_path: Path) -> None:
    rows = [["Hä vµ tªn", "N¨m sinh"], [unicode_to_tcvn3("Lê Thị Ngọc ánh"), 1999],
            [unicode_to_tcvn3("nguyễn văn đức"), 1998]]
    sheet = write_xlsx(tmp_path / "vn3.xlsx", rows, font=".VnTime")
    db = new_db(tmp_path)
    report = import_roster(db, sheet)
    assert (report.imported, report.legacy_encoding) == (2, "tcvn3")
    names = sorted(r[0] for r in db.conn.execute("SELECT full_name FROM person"))
    assert names == ["Lê Thị Ngọc Ánh", "Nguyễn Văn Đức"]


def test_old_xls_files_are_read(tmp_path: Path) -> None:
    import datetime as dt

    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Danh sach")
    legacy = xlwt.easyxf("font: name .VnTime")
    date_style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    sheet.write(0, 0, "DANH SÁCH ĐOÀN VIÊN")
    for c, heading in enumerate(["STT", "Họ và tên", "Ngày sinh", "Số CCCD", "Giới tính"]):
        sheet.write(2, c, heading)
    people = [("Lê Thị Ngọc ánh", dt.date(1999, 5, 17), "072199001234", "Nữ"),
              ("Trần Văn Bình", dt.date(2001, 1, 2), "079201001235", "Nam")]
    for r, (name, born, number, gender) in enumerate(people, start=3):
        sheet.write(r, 0, r - 2)
        sheet.write(r, 1, unicode_to_tcvn3(name) if r == 3 else name,
                    legacy if r == 3 else xlwt.Style.default_style)
        sheet.write(r, 2, born, date_style)
        sheet.write(r, 3, number)
        sheet.write(r, 4, gender)
    path = tmp_path / "cu.xls"
    book.save(str(path))
    db = new_db(tmp_path)
    report = import_roster(db, path)
    assert (report.imported, report.rejected, report.sheet) == (2, [], "Danh sach")
    stored = sorted(db.conn.execute("SELECT full_name, birth_date, citizen_id FROM person"))
    assert stored == [("Lê Thị Ngọc Ánh", "1999-05-17", "072199001234"),
                      ("Trần Văn Bình", "2001-01-02", "079201001235")]


# --- rejected rows saved, the theory level carried --------------------------------------------

def test_rejected_rows_are_saved_with_their_reason(
        db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [["STT", "Họ và tên", "Ngày sinh"], [1, "Nguyễn Văn An", "1995"],
            [2, "Trần Văn Bình", "31/02/2001"], [3, "Lê Văn Cường", "1997"]]
    sheet = write_xlsx(tmp_path / "ds.xlsx", rows)
    out = tmp_path / "loi.xlsx"
    code, _out, err = run(["roster", "import", str(sheet), "--db", str(db_path),
                           "--rejected-out", str(out)], capsys)
    assert code == 1 and f"Đã lưu 1 dòng bị từ chối (kèm lý do) vào {out}" in err
    book = openpyxl.load_workbook(out)
    values = [list(r) for r in book.active.iter_rows(values_only=True)]
    assert values[0] == ["STT", "Họ và tên", "Ngày sinh", "Lý do không nhập",
                         "Dòng trong tệp gốc"]
    assert values[1:] == [[2, "Trần Văn Bình", "31/02/2001",
                           "Ngày sinh: Ngày 31/02/2001 không tồn tại", 3]]
    book.close()
    code, _out, err = run(["roster", "import", str(sheet), "--db", str(db_path),
                           "--rejected-out", str(tmp_path / "loi.csv")], capsys)
    assert code == 1 and "phải có đuôi .xlsx" in err


def test_the_theory_level_is_exported_and_read_back(tmp_path: Path) -> None:
    db = new_db(tmp_path)
    ids = populate(db)
    with db.write("lý luận") as tx:
        tx.update("person", ids["an"], {"theory_level": "trung_cap"})
    path = tmp_path / "ds.xlsx"
    export_roster(db, path)
    book = openpyxl.load_workbook(path)
    headings = [c.value for c in book.active[1]]
    column = headings.index("Lý luận chính trị")
    assert column == len(headings) - 1
    assert "Trung cấp" in [r[column] for r in book.active.iter_rows(values_only=True)]
    book.close()
    fresh = new_db(tmp_path, "fresh.sqlite3")
    assert import_roster(fresh, path).imported == 4
    assert fresh.conn.execute("SELECT theory_level FROM person WHERE full_name = ?",
                              ("Nguyễn Văn An",)).fetchone()[0] == "trung_cap"


def test_units_and_list_entries_refuse_them_too(db: Database) -> None:
    from cadre_desktop.domain.errors import InvalidInput
    from cadre_desktop.store import lookups

    with pytest.raises(InvalidInput, match=r"Tên đơn vị có ký tự điều khiển .*U\+202E"), \
            db.write("unit") as tx:
        units.create_unit(tx, "Chi đoàn\u202e 1", None)
    with pytest.raises(InvalidInput, match=r"Tên mục có ký tự điều khiển .*U\+0007"), \
            db.write("item") as tx:
        lookups.add_item(tx, db, "position", "Bí thư\x07")
    assert db.conn.execute("SELECT COUNT(*) FROM unit").fetchone()[0] == 0
