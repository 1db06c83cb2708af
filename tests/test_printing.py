"""Printed documents: what the PDFs say (read back with poppler's pdftotext), embedded
fonts, page orientation, repeated table headings, certificates, the command line."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
import subprocess
import unicodedata
from itertools import product
from pathlib import Path

import pytest

from cadre_desktop.cli.main import main
from cadre_desktop.domain.errors import NotFound, UserError
from cadre_desktop.printing import (
    print_attendance,
    print_certificates,
    print_participants,
    print_schedule,
)
from cadre_desktop.services.roster import PersonForm, save_person
from cadre_desktop.store import units
from cadre_desktop.store.db import Database, new_id
from cadre_desktop.store.profile import OfficeProfile, save_profile

ON = dt.date(2026, 11, 22)
BASE14 = (b"/Helvetica", b"/Times-", b"/Courier", b"/Symbol", b"/ZapfDingbats")

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                     reason="poppler-utils (pdftotext) not installed")

# (full name, gender, birth, position code); listed out of order on purpose.
PEOPLE = [
    ("Nguyễn Văn Đức", "Nam", "12/03/1998", "bi_thu_chi_doan"),
    ("Trần Thị Ánh", "Nữ", "05/1999", None),
    ("Phạm Thị Hạ", "Nữ", "2001", "uv_bch"),
    ("Lê Văn Anh", "Nam", "2001", None),
    ("Đỗ Thị Đào", "Nữ", "01/01/2000", "pho_bi_thu_chi_doan"),
    ("Trịnh Văn Ân", "Nam", "1997", None),
    ("Lò Thị Yến", None, "1996", None),
]
OFFICIAL_ORDER = ["Lê Văn Anh", "Trần Thị Ánh", "Trịnh Văn Ân", "Đỗ Thị Đào", "Nguyễn Văn Đức",
                  "Phạm Thị Hạ", "Lò Thị Yến"]


def _office(db: Database) -> str:
    with db.write("profile") as tx:
        save_profile(tx, OfficeProfile(
            office_name="BCH Đoàn phường Gia Lộc", office_code="GL",
            upper_body="Tỉnh đoàn Tây Ninh", place_name="Gia Lộc", signer_title="Bí thư",
            signer_name="Nguyễn Văn Bình", doc_suffix="ĐTN"))
    with db.write("units") as tx:
        root = units.create_unit(tx, "Đoàn phường Gia Lộc", None)
        return units.create_unit(tx, "Chi đoàn Khu phố 1", root).id


def _people(db: Database, unit_id: str, people: list[tuple[str, str | None, str, str | None]]
            ) -> dict[str, str]:
    ids = {}
    for name, gender, birth, position in people:
        raw = {"full_name": name, "gender": gender, "birth": birth, "unit_id": unit_id}
        ids[name] = save_person(db, PersonForm(raw, position_code=position)).person_id
    return ids


def _class(db: Database, person_ids: list[str], sessions: int, *, name: str = "",
           completed: int = 0, withdrawn: list[str] | None = None) -> str:
    class_id = new_id()
    programme = db.conn.execute("SELECT id FROM programme WHERE code = 'bd_co_ban'").fetchone()
    start = dt.date(2026, 11, 2)
    with db.write("class") as tx:
        tx.insert("training_class", {
            "id": class_id, "programme_id": programme[0], "year": 2026,
            "name": name or "Lớp bồi dưỡng nghiệp vụ công tác Đoàn năm 2026",
            "venue": "Hội trường UBND phường Gia Lộc", "start_date": start.isoformat(),
            "end_date": (start + dt.timedelta(days=max(sessions - 1, 0) // 2)).isoformat()})
        for n in range(sessions):
            tx.insert("class_session", {
                "id": new_id(), "class_id": class_id,
                "date": (start + dt.timedelta(days=n // 2)).isoformat(),
                "start_time": "07:30" if n % 2 == 0 else "13:30",
                "end_time": "11:00" if n % 2 == 0 else "17:00",
                "topic": f"Chuyên đề số {n + 1}", "lecturer_name": "Trần Thị Hồng",
                "room": "Phòng họp số 2"})
        for i, pid in enumerate([*person_ids, *(withdrawn or [])]):
            tx.insert("enrolment", {
                "id": new_id(), "class_id": class_id, "person_id": pid,
                "status": "withdrawn" if i >= len(person_ids) else "enrolled",
                "enrolled_on": "2026-10-01", "short_code": f"HV{i + 1:03d}",
                "result": "completed" if i < completed else None,
                "certificate_no": f"{i + 1}/GCN" if i < completed else None})
    return class_id


@pytest.fixture
def office(db: Database) -> tuple[Database, dict[str, str]]:
    unit_id = _office(db)
    return db, _people(db, unit_id, PEOPLE)


def pdf_text(path: Path, page: int | None = None) -> str:
    args = ["pdftotext", "-raw", "-enc", "UTF-8"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    out = subprocess.run([*args, str(path), "-"], capture_output=True, check=True).stdout
    # Cells that wrap come back as several lines: compare with single spaces.
    return " ".join(out.decode("utf-8").replace("\u00a0", " ").split())


def page_sizes(path: Path) -> list[tuple[float, float]]:
    data = path.read_bytes()
    boxes = re.findall(rb"/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    return [(float(w), float(h)) for w, h in boxes]


def check_fonts_embedded(path: Path) -> None:
    data = path.read_bytes()
    descriptors = data.count(b"/Type /FontDescriptor")
    assert descriptors >= 1
    assert data.count(b"/FontFile2") == descriptors
    for name in BASE14:
        assert name not in data, name
    if shutil.which("pdffonts"):
        out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
        assert out
        for line in out:
            assert "LiberationSerif" in line and " yes yes yes " in line, line


@needs_pdftotext
def test_attendance_sheet_header_names_total_and_fonts(
    office: tuple[Database, dict[str, str]], tmp_path: Path
) -> None:
    db, ids = office
    extra = _people(db, db.conn.execute("SELECT id FROM unit WHERE name = 'Chi đoàn Khu phố 1'"
                                        ).fetchone()[0], [("Hà Văn Rút", "Nam", "1995", None)])
    class_id = _class(db, list(ids.values()), 3, withdrawn=list(extra.values()))
    out = tmp_path / "attendance.pdf"
    pages = print_attendance(db, class_id, out, on=ON)
    assert pages == 1 and out.is_file()
    text = pdf_text(out)
    for line in ["TỈNH ĐOÀN TÂY NINH", "BCH ĐOÀN PHƯỜNG GIA LỘC", "***", "-DS/ĐTN",
                 "ĐOÀN TNCS HỒ CHÍ MINH", "Gia Lộc, ngày 22 tháng 11 năm 2026",
                 "DANH SÁCH ĐIỂM DANH HỌC VIÊN", "Lớp bồi dưỡng nghiệp vụ công tác Đoàn năm 2026",
                 "Thời gian: từ ngày 02/11/2026 đến ngày 03/11/2026",
                 "Địa điểm: Hội trường UBND phường Gia Lộc", "Năm sinh", "Nam", "Nữ",
                 "Chức vụ", "Đơn vị", "Ghi", "Tổng số: 7 học viên", "Nơi nhận:",
                 "TM. BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn Bình", "Bí thư chi đoàn",
                 "Chi đoàn Khu phố 1", "HV001"]:
        assert line in text, line
    assert "Số:" in text
    positions = [text.index(name) for name in OFFICIAL_ORDER]
    assert positions == sorted(positions)
    assert "Hà Văn Rút" not in text  # withdrawn
    check_fonts_embedded(out)


@needs_pdftotext
def test_decomposed_text_prints_composed(
    office: tuple[Database, dict[str, str]], tmp_path: Path
) -> None:
    db, ids = office
    nfd = unicodedata.normalize("NFD", "Lớp kỹ năng số Đoàn viên")
    class_id = _class(db, list(ids.values()), 1, name=nfd)
    print_attendance(db, class_id, tmp_path / "a.pdf", on=ON)
    assert "Lớp kỹ năng số Đoàn viên" in unicodedata.normalize("NFC", pdf_text(tmp_path / "a.pdf"))
    assert nfd not in pdf_text(tmp_path / "a.pdf")


@needs_pdftotext
def test_recorded_attendance_shows_status_codes_and_legend(
    office: tuple[Database, dict[str, str]], tmp_path: Path
) -> None:
    db, ids = office
    class_id = _class(db, [ids["Lê Văn Anh"]], 2)
    session = db.conn.execute("SELECT id FROM class_session WHERE class_id = ?"
                              " ORDER BY date, start_time", (class_id,)).fetchone()[0]
    enrolment = db.conn.execute("SELECT id FROM enrolment WHERE class_id = ?",
                                (class_id,)).fetchone()[0]
    with db.write("attendance") as tx:
        tx.insert("attendance", {"id": new_id(), "session_id": session,
                                 "enrolment_id": enrolment, "status_code": "co_phep",
                                 "recorded_by": "test", "recorded_at": "2026-11-02"})
    print_attendance(db, class_id, tmp_path / "a.pdf", on=ON)
    text = pdf_text(tmp_path / "a.pdf")
    assert "HV001" in text and " P " in text
    assert "Ký hiệu: P: Vắng có phép." in text and "Có mặt" not in text


def test_orientation_follows_the_number_of_sessions(
    office: tuple[Database, dict[str, str]], tmp_path: Path
) -> None:
    db, ids = office
    # Ten signing columns need a landscape page; beyond what fits, one "Ký tên" column.
    for sessions, landscape in [(10, True), (24, False), (0, False)]:
        out = tmp_path / f"s{sessions}.pdf"
        print_attendance(db, _class(db, list(ids.values()), sessions), out, on=ON)
        width, height = page_sizes(out)[0]
        assert (width > height) is landscape, sessions
        if shutil.which("pdftotext"):
            text = pdf_text(out)
            per_session = "Ký tên theo buổi học" in text
            assert per_session is (0 < sessions <= 10), sessions
            if not per_session:
                assert "Ký tên" in text


@needs_pdftotext
def test_heading_repeats_on_every_page_of_a_long_sheet(db: Database, tmp_path: Path) -> None:
    unit_id = _office(db)
    families = ["Nguyễn Văn", "Trần Thị", "Lê Hoàng", "Phạm Minh", "Võ Thanh", "Đặng Ngọc"]
    given = ["An", "Bảo", "Châu", "Dũng", "Giang", "Hòa", "Khoa", "Lâm", "Nhi", "Tâm"]
    people = [(f"{f} {g}", "Nam" if i % 2 else "Nữ", "1999", None)
              for i, (f, g) in enumerate(product(families, given))]
    ids = _people(db, unit_id, people)
    out = tmp_path / "long.pdf"
    pages = print_attendance(db, _class(db, list(ids.values()), 4), out, on=ON)
    assert pages >= 2
    for page in range(1, pages + 1):
        text = pdf_text(out, page)
        if "Tổng số" in text or page < pages:
            assert "Họ và tên" in text and "STT" in text and "Năm sinh" in text, page
    assert "Tổng số: 60 học viên" in pdf_text(out, pages) + pdf_text(out, pages - 1)
    whole = pdf_text(out)
    assert all(whole.count(name) == 1 for name, *_ in people)
    print_participants(db, _class(db, list(ids.values()), 0), tmp_path / "p.pdf", on=ON)
    assert "Họ và tên" in pdf_text(tmp_path / "p.pdf", 2)


@needs_pdftotext
def test_participant_list_and_schedule(
    office: tuple[Database, dict[str, str]], tmp_path: Path
) -> None:
    db, ids = office
    class_id = _class(db, list(ids.values()), 3)
    assert print_participants(db, class_id, tmp_path / "p.pdf", number="12", on=ON) == 1
    text = pdf_text(tmp_path / "p.pdf")
    assert "DANH SÁCH HỌC VIÊN THAM DỰ LỚP" in text and "12-DS/ĐTN" in text
    assert "12/03/1998" in text and "Tổng số: 7 học viên" in text
    positions = [text.index(name) for name in OFFICIAL_ORDER]
    assert positions == sorted(positions)
    check_fonts_embedded(tmp_path / "p.pdf")

    assert print_schedule(db, class_id, tmp_path / "s.pdf", on=ON) == 1
    text = pdf_text(tmp_path / "s.pdf")
    for line in ["THÔNG BÁO", "Chuyên đề số 1", "Chuyên đề số 3", "Thứ Hai", "02/11/2026",
                 "07:30 – 11:00", "Trần Thị Hồng", "Phòng họp số 2", "-TB/ĐTN"]:
        assert line in text, line
    check_fonts_embedded(tmp_path / "s.pdf")


@needs_pdftotext
def test_one_certificate_per_completed_participant(
    office: tuple[Database, dict[str, str]], tmp_path: Path
) -> None:
    db, ids = office
    order = [ids[name] for name in OFFICIAL_ORDER]
    class_id = _class(db, order, 2, completed=3)
    out = tmp_path / "gcn.pdf"
    assert print_certificates(db, class_id, out, on=ON) == 3
    sizes = page_sizes(out)
    assert len(sizes) == 3 and all(w > h for w, h in sizes)
    for page, name in enumerate(OFFICIAL_ORDER[:3], start=1):
        text = pdf_text(out, page)
        assert "GIẤY CHỨNG NHẬN" in text and name in text and f"Số: {page}/GCN" in text
    assert "Đỗ Thị Đào" not in pdf_text(out)
    check_fonts_embedded(out)


def test_refusals(office: tuple[Database, dict[str, str]], tmp_path: Path) -> None:
    db, ids = office
    with pytest.raises(NotFound):
        print_attendance(db, "no-such-class", tmp_path / "x.pdf")
    empty = _class(db, [], 2)
    with pytest.raises(UserError, match="chưa có học viên"):
        print_attendance(db, empty, tmp_path / "x.pdf")
    with pytest.raises(UserError, match="chưa có học viên nào hoàn thành"):
        print_certificates(db, _class(db, list(ids.values()), 1), tmp_path / "x.pdf")
    with pytest.raises(UserError, match="chưa có buổi học"):
        print_schedule(db, _class(db, list(ids.values()), 0), tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_command_line_prints_without_changing_the_database(
    office: tuple[Database, dict[str, str]], db_path: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, ids = office
    class_id = _class(db, list(ids.values()), 10, completed=2)
    db.close()
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    for document in ["attendance", "participants", "schedule", "certificates"]:
        out = tmp_path / f"{document}.pdf"
        code = main(["print", document, "--db", str(db_path), "--class", class_id,
                     "-o", str(out)])
        assert code == 0 and out.read_bytes().startswith(b"%PDF"), document
    assert "Đã in" in capsys.readouterr().err
    assert main(["print", "attendance", "--db", str(db_path), "--class", "nope",
                 "-o", str(tmp_path / "n.pdf")]) == 1
    assert "Không tìm thấy lớp" in capsys.readouterr().err
    assert main(["print", "attendance", "--db", str(db_path), "--class", class_id,
                 "-o", str(tmp_path / "n.txt")]) == 1
    assert main(["print", "attendance", "--db", str(tmp_path / "missing.sqlite3"),
                 "--class", class_id, "-o", str(tmp_path / "n.pdf")]) == 1
    with pytest.raises(SystemExit) as usage:
        main(["print", "attendance", "--db", str(db_path), "-o", str(tmp_path / "n.pdf")])
    assert usage.value.code == 2
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_attendance_sheet_renders_to_a_non_blank_image(
    office: tuple[Database, dict[str, str]], tmp_path: Path
) -> None:
    from PySide6.QtGui import QImage

    db, ids = office
    out = tmp_path / "a.pdf"
    print_attendance(db, _class(db, list(ids.values()), 10), out, on=ON)
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(out),
                    str(tmp_path / "page")], check=True)
    image = QImage(str(next(tmp_path.glob("page*.png"))))
    assert not image.isNull() and image.width() > image.height()  # landscape
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    bits = bytes(gray.constBits())
    stride, width = gray.bytesPerLine(), gray.width()
    dark = sum(sum(1 for b in bits[y * stride:y * stride + width] if b < 160)
               for y in range(gray.height()))
    share = dark / (width * gray.height())
    # Text and grid lines, but not a page gone black or white.
    assert 0.01 < share < 0.3, share
    # The table reaches across the page: dark pixels in the left and the right third.
    row = gray.height() // 2
    line = bits[row * stride:row * stride + width]
    assert any(b < 160 for b in line[: width // 3]) and any(b < 160 for b in line[-width // 3:])
