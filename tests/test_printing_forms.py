"""The rotation and member programme forms: what the PDFs say (read back with poppler's
pdftotext), the tick boxes, embedded fonts, one page rendered, refusals."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from cadre_desktop.domain.errors import NotFound, UserError
from cadre_desktop.domain.member_programme import DEFAULT_AREAS
from cadre_desktop.printing import (
    print_branch_results,
    print_member_registration,
    print_rotation_evaluation,
    print_rotation_summary,
)
from cadre_desktop.services import member_programme as programme
from cadre_desktop.services import rotation as svc
from cadre_desktop.store.db import Database
from print_forms_helpers import PLAN, SECRETARY, Printed, everything
from test_printing import check_fonts_embedded, needs_pdftotext, pdf_text

ON = dt.date(2026, 1, 10)
LEVELS = ["Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ",
          "Không hoàn thành nhiệm vụ"]


@pytest.fixture
def printed(db: Database) -> Printed:
    return everything(db)


def ticked(text: str) -> list[str]:
    """The labels whose box holds the X (drawn just before the label)."""
    choices = [*LEVELS, "Duyệt phiếu đăng ký", "Trả lại để bổ sung, chỉnh sửa"]
    return [label for label in choices if f"X {label}" in text]


@needs_pdftotext
def test_a_recorded_evaluation_prints_its_report_and_rating(
    printed: Printed, db: Database, tmp_path: Path
) -> None:
    out = tmp_path / "e1.pdf"
    assert print_rotation_evaluation(db, printed.evaluation_ids[0], out) == 1
    text = pdf_text(out)
    for line in ["TỈNH ĐOÀN TÂY NINH", "BCH ĐOÀN PHƯỜNG NINH THẠNH", "ĐOÀN TNCS HỒ CHÍ MINH",
                 "ngày 08 tháng 7 năm 2025",
                 "PHIẾU ĐÁNH GIÁ CÁN BỘ ĐI ĐÀO TẠO THỰC TẾ TẠI CƠ SỞ",
                 "Kỳ đánh giá định kỳ lần 1",
                 "Thời gian đánh giá: từ ngày 01/01/2025 đến ngày 01/07/2025",
                 "Họ và tên: Lê Văn Cường", "Năm sinh: 1990",
                 "Ủy viên Ban Chấp hành – Ban Tổ chức - Kiểm tra",
                 "Đơn vị tiếp nhận: Đoàn phường Ninh Thạnh",
                 "Vị trí đảm nhiệm tại cơ sở: Phó Bí thư",
                 "từ ngày 01/01/2025 đến ngày 31/03/2026", "số 30-QĐ/TĐTN ngày 20/12/2024",
                 "Ngày nhận báo cáo: 03/07/2025",
                 "Tham gia xây dựng chương trình công tác Đoàn của phường",
                 "Nhiệt tình, có trách nhiệm", "Người đánh giá: BTV Đoàn phường Ninh Thạnh",
                 "Ngày đánh giá: 08/07/2025", "CÁN BỘ ĐƯỢC ĐÁNH GIÁ", "TM. BAN THƯỜNG VỤ",
                 "BÍ THƯ", *LEVELS]:
        assert line in text, line
    assert ticked(text) == ["Hoàn thành tốt nhiệm vụ"]
    check_fonts_embedded(out)


@needs_pdftotext
def test_an_evaluation_not_yet_recorded_is_a_blank_form_on_one_page(
    printed: Printed, db: Database, tmp_path: Path
) -> None:
    out = tmp_path / "e2.pdf"
    assert print_rotation_evaluation(db, printed.evaluation_ids[1], out) == 1
    text = pdf_text(out)
    assert "Kỳ đánh giá định kỳ lần 2" in text
    assert "ngày …… tháng …… năm ………" in text  # dated by hand
    assert "Ngày nhận báo cáo:" in text and "Người đánh giá:" in text
    assert all(level in text for level in LEVELS) and ticked(text) == []
    final = tmp_path / "final.pdf"
    assert print_rotation_evaluation(db, printed.evaluation_ids[-1], final) == 1
    assert "Đánh giá cuối kỳ" in pdf_text(final)


@needs_pdftotext
def test_the_summary_shows_every_rule_the_override_and_the_evaluations(
    printed: Printed, db: Database, tmp_path: Path
) -> None:
    out = tmp_path / "summary.pdf"
    pages = print_rotation_summary(db, printed.rotation_id, out, on=ON)
    assert pages >= 1
    text = pdf_text(out)
    for line in ["BCH TỈNH ĐOÀN TÂY NINH", "Tây Ninh, ngày 10 tháng 01 năm 2026",
                 "TÓM TẮT QUÁ TRÌNH ĐI CƠ SỞ", "Đồng chí Lê Văn Cường",
                 "Đối tượng: Đối tượng 1", "Thời gian dự kiến: từ ngày 01/01/2025 đến ngày "
                 "31/12/2025", "Thời gian thực tế: từ ngày 01/01/2025, đang thực hiện",
                 "Quyết định cử đi: số 30-QĐ/TĐTN ngày 20/12/2024",
                 "tính đến ngày bắt đầu 01/01/2025",
                 "Trong biên chế Đạt", "Không quá 30 tuổi Không đạt", "35 tuổi",
                 "Hoàn thành tốt nhiệm vụ trở lên 2 năm liền trước Không đạt",
                 "Trong quy hoạch chức danh cao hơn Đạt",
                 "Kết luận: chưa đủ điều kiện (2 điều kiện không đạt).",
                 "Cử đi dù chưa đủ điều kiện: Quyết định số 25-QĐ/TĐTN ngày 10/12/2024",
                 "Lý do: Ban Thường vụ xem xét cụ thể",
                 "Gia hạn (ngày 01/09/2025): ngày kết thúc từ 31/12/2025 thành 31/03/2026",
                 "Quyết định số 41-QĐ/TĐTN", "Định kỳ lần 1", "Nhận ngày 03/07/2025",
                 "Hoàn thành tốt nhiệm vụ. Nhiệt tình, có trách nhiệm",
                 "Chưa nhận báo cáo (quá hạn)", "Cuối kỳ", "Nơi nhận:", "Trần Lê Duy"]:
        assert line in text, line
    assert text.count("Đạt") >= 5
    check_fonts_embedded(out)


@needs_pdftotext
def test_the_registration_form_groups_the_criteria_by_area(
    printed: Printed, db: Database, tmp_path: Path
) -> None:
    out = tmp_path / "reg.pdf"
    assert print_member_registration(db, printed.registrations["Đoàn Thị Giang"], out) >= 1
    text = pdf_text(out)
    for line in ["TỈNH ĐOÀN TÂY NINH", "CHI ĐOÀN CƠ QUAN TỈNH ĐOÀN",
                 "Tây Ninh, ngày 10 tháng 10 năm 2025", "PHIẾU ĐĂNG KÝ RÈN LUYỆN ĐOÀN VIÊN",
                 "Chương trình rèn luyện đoàn viên năm 2025–2026",
                 "Họ và tên đoàn viên: Đoàn Thị Giang", "Ngày sinh: 01/02/2001",
                 "Chi đoàn: Chi đoàn cơ quan Tỉnh đoàn", "Giải pháp thực hiện cụ thể",
                 "Tổng số: 10 tiêu chí", "Ngày xét duyệt: 15/10/2025", "ĐOÀN VIÊN ĐĂNG KÝ",
                 "TM. BCH CHI ĐOÀN", SECRETARY]:
        assert line in text, line
    headings = [f"{n}. {label}" for n, (_code, label) in enumerate(DEFAULT_AREAS, start=1)]
    positions = [text.index(h) for h in headings]
    assert positions == sorted(positions)
    assert text.count(PLAN) == 10 and "5.2" in text
    assert ticked(text) == ["Duyệt phiếu đăng ký"]

    returned = tmp_path / "returned.pdf"
    print_member_registration(db, printed.registrations["Đoàn Thị Khoa"], returned)
    text = pdf_text(returned)
    assert ticked(text) == ["Trả lại để bổ sung, chỉnh sửa"]
    assert "Bổ sung giải pháp về sức khỏe" in text

    draft = tmp_path / "draft.pdf"
    print_member_registration(db, printed.registrations["Đoàn Thị Lan"], draft)
    text = pdf_text(draft)
    assert ticked(text) == [] and "(Chưa đăng ký tiêu chí nào)" in text
    assert "Tổng số: 8 tiêu chí" in text and "ngày …… tháng" in text
    check_fonts_embedded(draft)


@needs_pdftotext
def test_the_branch_results_count_each_classification(
    printed: Printed, db: Database, tmp_path: Path
) -> None:
    out = tmp_path / "results.pdf"
    branch = printed.office.branch.id
    assert print_branch_results(db, printed.year_id, branch, out, on=dt.date(2026, 6, 2)) == 1
    text = pdf_text(out)
    for line in ["BCH CHI ĐOÀN CƠ QUAN TỈNH ĐOÀN", "Tây Ninh, ngày 02 tháng 6 năm 2026",
                 "DANH SÁCH KẾT QUẢ RÈN LUYỆN ĐOÀN VIÊN", "Điểm tự đánh giá", "Lần 1",
                 "18/04/2026", "Cuối kỳ", "30/05/2026", "Xếp loại",
                 "Đoàn Thị Giang 85 90 92 Hoàn thành xuất sắc",
                 "Đoàn Thị Hà 80 79,5 Hoàn thành Vắng một buổi", "Trả lại để sửa",
                 "Đang soạn", "Chưa đăng ký", "Tổng số: 6 đoàn viên",
                 "Hoàn thành xuất sắc: 1 đoàn viên (tỷ lệ 16,7%)",
                 "Hoàn thành tốt: 0 đoàn viên", "Hoàn thành: 1 đoàn viên",
                 "Không hoàn thành: 0 đoàn viên", "Chưa xếp loại: 4 đoàn viên",
                 "TM. BCH CHI ĐOÀN", SECRETARY, "BCH Tỉnh đoàn Tây Ninh (để công nhận)"]:
        assert line in text, line
    names = ["Đoàn Thị Giang", "Đoàn Thị Hà", "Đoàn Thị Khoa", "Đoàn Thị Lan",
             "Đoàn Thị Minh", SECRETARY]
    positions = [text.index(name) for name in names]
    assert positions == sorted(positions)  # official order: given name first
    check_fonts_embedded(out)


def test_refusals(printed: Printed, db: Database, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    with pytest.raises(NotFound, match="lần đánh giá"):
        print_rotation_evaluation(db, "nope", out)
    with pytest.raises(NotFound, match="đợt luân chuyển"):
        print_rotation_summary(db, "nope", out)
    with pytest.raises(NotFound, match="phiếu đăng ký"):
        print_member_registration(db, "nope", out)
    with pytest.raises(NotFound, match="năm chương trình"):
        print_branch_results(db, "nope", printed.office.branch.id, out)
    with pytest.raises(NotFound, match="đơn vị"):
        print_branch_results(db, printed.year_id, "nope", out)
    with pytest.raises(UserError, match="không có đoàn viên nào"):
        print_branch_results(db, printed.year_id, printed.office.hosts[1].id, out)
    with pytest.raises(UserError, match=r"Chưa có đoàn viên nào .* đăng ký"):
        print_branch_results(db, printed.year_id, printed.office.committee.id, out)
    empty = programme.save_registration(db, printed.year_id,
                                        printed.office.people["Đoàn Thị Minh"], [])
    with pytest.raises(UserError, match="chưa có tiêu chí nào"):
        print_member_registration(db, empty, out)
    svc.cancel(db, printed.rotation_id, "Cán bộ chuyển công tác")
    with pytest.raises(UserError, match="đã bị hủy"):
        print_rotation_evaluation(db, printed.evaluation_ids[1], out)
    assert not out.exists()


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_the_evaluation_form_renders_to_a_non_blank_portrait_image(
    printed: Printed, db: Database, tmp_path: Path
) -> None:
    from PySide6.QtGui import QImage

    out = tmp_path / "e.pdf"
    print_rotation_evaluation(db, printed.evaluation_ids[1], out)
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(out), str(tmp_path / "page")],
                   check=True)
    image = QImage(str(next(tmp_path.glob("page*.png"))))
    assert not image.isNull() and image.height() > image.width()
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    bits = bytes(gray.constBits())
    stride, width, height = gray.bytesPerLine(), gray.width(), gray.height()
    rows = [bits[y * stride:y * stride + width] for y in range(height)]
    dark = sum(sum(1 for b in row if b < 160) for row in rows)
    assert 0.005 < dark / (width * height) < 0.2
    # Text from the top (the header) to the bottom third (the signatures).
    inked = [y for y, row in enumerate(rows) if any(b < 160 for b in row)]
    assert inked[0] < height * 0.15 and inked[-1] > height * 0.7
