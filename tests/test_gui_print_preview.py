"""The print preview shows the pages of the PDF that was made and prints those very pages:
for every kind of document the app prints, the preview's page count is the PDF's, and a
printout to a PDF printer has the same pages (count, size, and the same picture when both
are drawn as images). Page range, copies, navigation, zoom and Save as PDF."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from cadre_desktop import printing
from cadre_desktop.store.db import Database
from cadre_desktop.ui.kit import preview as kit_preview
from cadre_desktop.ui.kit.preview import PrintPreview
from gui_support import OFFSCREEN_NOISE
from pdf_read import page_sizes
from preview_support import SAME, check_printout, difference, gray, pdf_printer
from print_forms_helpers import Printed, everything
from test_printing import _class

pytestmark = OFFSCREEN_NOISE
ON = dt.date(2026, 1, 10)


@pytest.fixture
def documents(db: Database, tmp_path: Path) -> dict[str, Path]:
    """One PDF of every kind the app prints, made by the printing functions."""
    made: Printed = everything(db)
    people = list(made.office.people.values())
    class_id = _class(db, people, 6, completed=3)
    branch = made.office.branch.id
    makers: dict[str, Callable[[Path], int]] = {
        "attendance": lambda p: printing.print_attendance(db, class_id, p, number="4", on=ON),
        "participants": lambda p: printing.print_participants(db, class_id, p, on=ON),
        "schedule": lambda p: printing.print_schedule(db, class_id, p, on=ON),
        "certificates": lambda p: printing.print_certificates(db, class_id, p),
        "rotation-evaluation": lambda p: printing.print_rotation_evaluation(
            db, made.evaluation_ids[0], p),
        "rotation-summary": lambda p: printing.print_rotation_summary(
            db, made.rotation_id, p, on=ON),
        "registration": lambda p: printing.print_member_registration(
            db, next(iter(made.registrations.values())), p),
        "branch-results": lambda p: printing.print_branch_results(db, made.year_id, branch, p,
                                                                   on=ON),
        "roster": lambda p: printing.print_roster(db, p, on=ON),
        "classes": lambda p: printing.print_classes(db, p, on=ON),
        "class-participants": lambda p: printing.print_class_participants(db, class_id, p),
        "due-evaluations": lambda p: printing.print_due_evaluations(db, p, on=ON),
        "offices": lambda p: printing.print_offices(db, p, on=ON),
    }
    paths = {}
    for kind, make in makers.items():
        path = tmp_path / f"{kind}.pdf"
        assert make(path) >= 1, kind
        paths[kind] = path
    return paths


def _preview(qtbot: QtBot, path: Path, title: str) -> PrintPreview:
    preview = PrintPreview(path, title)
    qtbot.addWidget(preview)
    preview.show()
    return preview


def test_every_document_prints_the_pages_it_shows(
    qtbot: QtBot, documents: dict[str, Path], tmp_path: Path
) -> None:
    for kind, path in documents.items():
        preview = _preview(qtbot, path, kind)
        check_printout(preview, path, tmp_path / f"printed-{kind}.pdf")
        preview.close()


def test_page_range_copies_and_orientation_per_page(qtbot: QtBot, tmp_path: Path) -> None:
    mixed = tmp_path / "mixed.pdf"
    canvas = Canvas(str(mixed), pagesize=A4)
    for number, size in enumerate([A4, landscape(A4), A4], start=1):
        canvas.setPageSize(size)
        canvas.setFont("Helvetica", 40)
        canvas.drawString(100, 300, f"Page {number}")
        canvas.showPage()
    canvas.save()
    preview = _preview(qtbot, mixed, "mixed")
    out = tmp_path / "range.pdf"
    assert preview.print_to(pdf_printer(out, 2, 3, copies=2)) == 4
    assert page_sizes(out) == [(842, 595), (595, 842), (842, 595), (595, 842)]
    assert difference(gray(mixed, 1), gray(out, 2)) <= SAME  # collated: 2, 3, 2, 3
    everything_out = tmp_path / "all.pdf"
    assert preview.print_to(pdf_printer(everything_out)) == 3
    assert page_sizes(everything_out) == page_sizes(mixed)


def test_navigation_zoom_print_dialog_and_save(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, documents: dict[str, Path], tmp_path: Path
) -> None:
    path = documents["certificates"]
    preview = _preview(qtbot, path, "Giấy chứng nhận")
    assert preview.pages == 3 and preview.current_page == 0
    assert "Giấy chứng nhận" in preview.windowTitle()
    assert not preview.previous_action.isEnabled() and preview.next_action.isEnabled()
    preview.next_action.trigger()
    qtbot.waitUntil(lambda: preview.current_page == 1)
    assert preview.page_box.value() == 2 and preview.previous_action.isEnabled()
    preview.go_to(preview.pages + 5)  # kept within the document
    qtbot.waitUntil(lambda: preview.current_page == preview.pages - 1)
    assert not preview.next_action.isEnabled()
    preview.page_box.setValue(1)
    qtbot.waitUntil(lambda: preview.current_page == 0)

    preview.set_zoom(1.0)
    assert preview.view.zoomFactor() == pytest.approx(1.0) and preview.zoom_box.currentText()
    preview.zoom_in_action.trigger()
    assert preview.view.zoomFactor() == pytest.approx(1.25)
    preview.zoom_out_action.trigger()
    assert preview.view.zoomFactor() == pytest.approx(1.0)
    assert preview.print_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)

    # The system's print dialog, answered: first cancelled, then page 2 to a PDF file.
    asked: list[int] = []
    monkeypatch.setattr(kit_preview, "ask_printer", lambda *args: asked.append(args[2]) or False)
    assert preview.print_document() == 0 and asked == [preview.pages]
    out = tmp_path / "dialog.pdf"

    def answer(_parent: object, printer: QPrinter, pages: int, current: int) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setFromTo(2, 2)
        return True

    monkeypatch.setattr(kit_preview, "ask_printer", answer)
    with qtbot.waitSignal(preview.printed) as printed:
        preview.print_action.trigger()
    assert printed.args == [1] and len(page_sizes(out)) == 1
    assert difference(gray(path, 1), gray(out, 0)) <= SAME
    assert "sent to the printer" in preview.status.text()

    target = tmp_path / "saved" / "giay-chung-nhan"
    target.parent.mkdir()
    monkeypatch.setattr(kit_preview, "ask_save_path", lambda *_args: str(target))
    with qtbot.waitSignal(preview.saved):
        preview.save_action.trigger()
    assert target.with_suffix(".pdf").read_bytes() == path.read_bytes()
    monkeypatch.setattr(kit_preview, "ask_save_path", lambda *_args: "")
    assert preview.save_as_pdf() is None


def test_a_file_that_is_not_a_pdf(qtbot: QtBot, tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"not a pdf")
    preview = _preview(qtbot, broken, "broken")
    assert "cannot be shown" in preview.status.text()
    assert not preview.print_action.isEnabled() and not preview.save_action.isEnabled()
