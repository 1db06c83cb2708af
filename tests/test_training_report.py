"""The periodic training report: its figures (traced to plan_fixture's classes), the
clerk's draft text, the PDF in the Đoàn format and the .xlsx with the same figures; the
printed and exported list of people not yet meeting a target."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from cadre_desktop.domain import report_period
from cadre_desktop.domain.errors import InvalidInput
from cadre_desktop.exporting.report_xlsx import export_target, export_training_report
from cadre_desktop.printing.target_list import print_target
from cadre_desktop.printing.training_report import print_training_report
from cadre_desktop.services import reports, targets
from cadre_desktop.services.reports import ReportDraft
from cadre_desktop.services.roster import PersonForm, save_person
from cadre_desktop.store.db import Database
from cadre_desktop.store.profile import OfficeProfile, save_profile
from plan_fixture import Office, build_office
from test_printing import check_fonts_embedded, needs_pdftotext, pdf_text
from training_roster import programme_id

FROM, TO = dt.date(2025, 1, 1), dt.date(2025, 12, 31)


@pytest.fixture
def office(db: Database) -> Office:
    found = build_office(db)
    with db.write("profile") as tx:
        save_profile(tx, OfficeProfile(office_name="BCH Tỉnh đoàn Bình Thuận",
                                       office_code="TDBT", upper_body="TRUNG ƯƠNG ĐOÀN",
                                       place_name="Phan Thiết", signer_title="Bí thư",
                                       signer_name="Trần Văn Tâm", doc_suffix="TĐTN"))
    return found


def test_figures_of_a_year(db: Database, office: Office) -> None:
    r = reports.training_report(db, FROM, TO)
    # A and C ended in 2025; X is cancelled; B ends in 2026.
    assert (r.classes, r.enrolments, r.completions, r.people) == (2, 6, 4, 6)
    assert (r.budget_planned, r.budget_actual) == (16_500_000, 14_000_000)
    programmes = {p.programme_id: (p.classes, p.enrolments, p.completions, p.planned, p.actual)
                  for p in r.by_programme}
    assert programmes == {
        programme_id(db, "bd_co_ban"): (1, 3, 2, 11_500_000, 10_000_000),
        programme_id(db, "bd_kiem_nhiem"): (1, 3, 2, 5_000_000, 4_000_000)}
    assert [(g.group, g.enrolments, g.completions) for g in r.by_group] == [
        ("Chuyên trách", 2, 2), ("Bán chuyên trách", 1, 1), ("Kiêm nhiệm", 3, 1)]
    assert [(b.item, b.estimate, b.actual) for b in r.budget_items] == [
        ("lecturers", 10_000_000, 9_000_000), ("allowance", 1_500_000, 1_000_000),
        ("other", 5_000_000, 4_000_000)]
    assert [(y.year, y.estimate, y.planned, y.actual) for y in r.year_budgets] == [
        (2025, 12_000_000, 16_500_000, 14_000_000)]
    # The plan's targets, counted on the range's last day.
    on_end = {f.id: f.met for f in targets.list_figures(db, on=TO)}
    assert {f.id: f.met for f in r.targets} == on_end and len(r.targets) == 6
    assert r.kind == "annual"
    assert r.subject == "Kết quả công tác đào tạo, bồi dưỡng cán bộ Đoàn năm 2025"


def test_a_deleted_person_leaves_the_figures(db: Database, office: Office) -> None:
    from cadre_desktop.services.roster import delete_people

    delete_people(db, [office.person("Bình")])
    r = reports.training_report(db, FROM, TO)
    assert (r.classes, r.enrolments, r.completions) == (2, 5, 4)


def test_subjects_and_bad_ranges() -> None:
    assert report_period.subject("six_month", dt.date(2026, 1, 1), dt.date(2026, 6, 30)) == \
        "Kết quả công tác đào tạo, bồi dưỡng cán bộ Đoàn 6 tháng đầu năm 2026"
    plan = (dt.date(2023, 1, 1), dt.date(2027, 12, 31))
    assert report_period.subject("final", *plan, plan) == \
        "Tổng kết công tác đào tạo, bồi dưỡng cán bộ Đoàn giai đoạn 2023 - 2027"
    assert report_period.infer_kind(*plan, plan) == "final"
    assert report_period.infer_kind(dt.date(2026, 7, 1), dt.date(2026, 12, 31)) == "six_month"
    assert report_period.infer_kind(dt.date(2025, 1, 1), dt.date(2025, 9, 30)) == ""
    with pytest.raises(InvalidInput, match="trước ngày bắt đầu"):
        report_period.check_range(dt.date(2026, 2, 1), dt.date(2026, 1, 31))


def test_the_draft_is_kept_and_edited(db: Database, office: Office) -> None:
    from dataclasses import replace

    draft = reports.get_draft(db, FROM, TO)
    assert draft.id is None and draft.kind == "annual"
    first = reports.save_draft(db, ReportDraft(
        "annual", FROM, TO, number="07", assessment="Ưu điểm: các lớp đúng kế hoạch.\n"
        "Hạn chế: còn cán bộ chưa được bồi dưỡng.", recipients="- Tỉnh đoàn;\n- Lưu VP."))
    edited = replace(reports.get_draft(db, FROM, TO), number="08")
    assert reports.save_draft(db, edited) == first
    saved = reports.get_draft(db, FROM, TO)
    assert saved.number == "08" and saved.id == first
    assert saved.assessment.splitlines() == ["Ưu điểm: các lớp đúng kế hoạch.",
                                             "Hạn chế: còn cán bộ chưa được bồi dưỡng."]
    r = reports.training_report(db, FROM, TO)
    assert r.draft.number == "08" and r.recipients == ["- Tỉnh đoàn;", "- Lưu VP."]
    assert [d.id for d in reports.list_drafts(db)] == [first]
    # Another kind for the same range is another report.
    other = reports.save_draft(db, ReportDraft("mid_term", FROM, TO))
    assert other != first and reports.get_draft(db, FROM, TO, "mid_term").id == other
    with pytest.raises(InvalidInput):
        reports.save_draft(db, ReportDraft("weekly", FROM, TO))
    with pytest.raises(InvalidInput):
        reports.save_draft(db, ReportDraft("annual", TO, FROM))


@needs_pdftotext
def test_the_report_pdf(db: Database, office: Office, tmp_path: Path) -> None:
    reports.save_draft(db, ReportDraft(
        "annual", FROM, TO, number="07",
        assessment="Các lớp được tổ chức đúng kế hoạch, chất lượng tốt.",
        directions="Mở lớp bồi dưỡng cho cán bộ chuyên trách còn lại.",
        proposals="Đề nghị Tỉnh đoàn hỗ trợ tài liệu."))
    r = reports.training_report(db, FROM, TO)
    out = tmp_path / "bao-cao.pdf"
    pages = print_training_report(db, r, out, on=dt.date(2026, 1, 10))
    data = out.read_bytes()
    assert pages >= 2 and len(re.findall(rb"/Type /Page\b", data)) == pages
    check_fonts_embedded(out)
    text = pdf_text(out)
    for expected in ("TRUNG ƯƠNG ĐOÀN", "BCH TỈNH ĐOÀN BÌNH THUẬN", "ĐOÀN TNCS HỒ CHÍ MINH",
                     "Số: 07-BC/TĐTN", "Phan Thiết, ngày 10 tháng 01 năm 2026", "BÁO CÁO",
                     "Kết quả công tác đào tạo, bồi dưỡng cán bộ Đoàn năm 2025",
                     "I. KẾT QUẢ THỰC HIỆN", "II. ĐÁNH GIÁ CHUNG",
                     "III. PHƯƠNG HƯỚNG, NHIỆM VỤ", "IV. ĐỀ XUẤT, KIẾN NGHỊ",
                     "Các lớp được tổ chức đúng kế hoạch", "Đề nghị Tỉnh đoàn hỗ trợ tài liệu",
                     "Nơi nhận:", "TM. BAN THƯỜNG VỤ", "BÍ THƯ", "Trần Văn Tâm",
                     "đã tổ chức 2 lớp bồi dưỡng với 6 lượt học viên",
                     "16.500.000 đồng", "14.000.000 đồng", "100% cán bộ chuyên trách",
                     "66,7% (2/3)", "Chưa đạt", "12.000.000"):
        assert expected in text, expected
    # The chart is drawn, not an image: its axis labels are text.
    assert "150%" in text and "chỉ tiêu" in text


@needs_pdftotext
def test_the_target_list_pdf(db: Database, office: Office, tmp_path: Path) -> None:
    f = targets.target_detail(db, office.targets["share"], TO)
    out = tmp_path / "chi-tieu.pdf"
    pages = print_target(db, f, out, on=TO)
    assert pages == 1
    text = pdf_text(out)
    assert "DANH SÁCH" in text and "Cán bộ có lý luận chính trị từ trung cấp" in text
    assert "2/7 người (28,6%)" in text and "còn 5 người chưa đạt" in text
    for name in ("Lê Văn Cường", "Bùi Thị Hoa", "Phạm Thị Dung", "Lý Thị Ngọc", "Đỗ Thị Giang"):
        assert name in text
    assert "Nguyễn Văn An" not in text and "Tổng số: 5 người" in text
    count = targets.target_detail(db, office.targets["classes"], TO)
    assert print_target(db, count, tmp_path / "dem.pdf", on=TO) == 1
    assert "2 lớp so với chỉ tiêu 4" in pdf_text(tmp_path / "dem.pdf")


def test_xlsx_holds_the_same_figures_and_text_stays_text(db: Database, office: Office,
                                                         tmp_path: Path) -> None:
    # A name that a spreadsheet would take for a formula.
    save_person(db, PersonForm({"full_name": "=Hyperlink Cường", "birth": "1990",
                                "gender": "Nam", "unit_id": office.roster.units["xa"],
                                "working_status": "chuyen_trach"}))
    r = reports.training_report(db, FROM, TO)
    out = tmp_path / "bao-cao.xlsx"
    export_training_report(r, out)
    book = load_workbook(out)
    summary = {row[0]: row[1] for row in book["Tổng hợp"].iter_rows(min_row=3, values_only=True)}
    assert (summary["Số lớp"], summary["Lượt học viên"], summary["Lượt hoàn thành"]) == (2, 6, 4)
    assert summary["Kinh phí dự toán (đồng)"] == 16_500_000
    rows = list(book["Chỉ tiêu"].iter_rows(min_row=3, values_only=True))
    assert (rows[0][1], rows[0][3], rows[0][4]) == (
        "100% cán bộ chuyên trách được bồi dưỡng", 2, 4)
    f = targets.target_detail(db, office.targets["coverage"], TO)
    listed = tmp_path / "chua-dat.xlsx"
    assert export_target(db, f, listed) == 2
    sheet = load_workbook(listed)["Chưa đạt"]
    cells = [row for row in sheet.iter_rows(min_row=3)]
    assert [c[1].value for c in cells] == ["=Hyperlink Cường", "Bùi Thị Hoa"]
    assert cells[0][1].data_type == "s" and cells[0][1].quotePrefix
