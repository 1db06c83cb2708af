"""The import wizard driven like a clerk would: file, mapping, preview, import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from cadre_desktop.importing.headers import SKIP
from cadre_desktop.importing.legacy import unicode_to_tcvn3
from cadre_desktop.importing.roster_preview import (
    NEW,
    REJECTED,
    UNCHANGED,
    UPDATE,
    PreviewColumn,
    PreviewRow,
)
from cadre_desktop.store.db import open_database
from cadre_desktop.ui.import_wizard import ImportWizard
from cadre_desktop.ui.import_wizard_parts import (
    CHANGED_COLOUR,
    REJECTED_COLOUR,
    WARNING_COLOUR,
    PreviewModel,
    column_letter,
)
from gui_support import OFFSCREEN_NOISE
from roster_files import populate, write_xlsx

pytestmark = OFFSCREEN_NOISE

ROWS = [
    ["DANH SÁCH ĐOÀN VIÊN"],
    ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Quê quán"],
    [1, "Hoàng Văn Em", "12/03/1996", "Nam", None, "Tây Ninh"],
    [2, "Đỗ Thị Hoa", "1999", "Nữ", 72199001241, None],
    [3, "Vũ Văn Giang", "31/02/2001", "Nam", None, "Huế"],
]


def _wizard(qtbot: QtBot, db_path: Path) -> ImportWizard:
    db = open_database(db_path)
    wizard = ImportWizard(db)
    qtbot.addWidget(wizard)
    wizard.destroyed.connect(lambda _obj=None: db.close())
    wizard.show()
    return wizard


def _people(db_path: Path) -> dict[str, tuple[str | None, str]]:
    db = open_database(db_path)
    try:
        return {r[0]: (r[1], r[2]) for r in db.conn.execute(
            "SELECT full_name, citizen_id, note FROM person WHERE deleted = 0")}
    finally:
        db.close()


def test_wizard_maps_previews_and_imports(qtbot: QtBot, qtmodeltester: object,
                                          db_path: Path, tmp_path: Path) -> None:
    db = open_database(db_path)
    populate(db)
    db.close()
    path = write_xlsx(tmp_path / "ds.xlsx", ROWS)
    wizard = _wizard(qtbot, db_path)
    files = wizard.file_page
    assert not files.isComplete()
    files.path_edit.setText(str(path))
    assert files.isComplete()
    assert [files.sheet_combo.itemText(i) for i in range(1, files.sheet_combo.count())] == [
        "Sheet1"]

    wizard.next()
    mapping = wizard.mapping_page
    assert wizard.currentPage() is mapping
    assert mapping.info.text() == "Headings found in sheet “Sheet1”, row 2."
    assert [mapping.table.item(r, 1).text() for r in range(mapping.table.rowCount())] == ROWS[1]
    assert mapping.table.item(5, 1).background().color() == WARNING_COLOUR
    assert mapping.combos[1].currentData() == "full_name"
    assert mapping.combos[5].currentData() == ""
    mapping.combos[5].setCurrentIndex(mapping.combos[5].findData("note"))
    assert mapping.overrides() == {5: "note"}

    wizard.next()
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: preview.preview is not None or preview.progress.isHidden())
    assert preview.preview is not None, preview.summary.text()
    model = preview.model
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert preview.summary.text() == ("2 new people, 0 changed, 0 unchanged, 1 rejected rows,"
                                      " 1 warnings.")
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["3", "4", "5"]
    assert model.index(0, 1).data() == "New"
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    warned = model.index(1, 7)
    assert warned.data() == "72199001241"
    assert warned.data(Qt.ItemDataRole.BackgroundRole).color() == WARNING_COLOUR
    assert "072199001241" in warned.data(Qt.ItemDataRole.ToolTipRole)
    assert "072199001241" in model.index(1, 2).data()  # the warning, in its own column
    rejected = model.index(2, 1)
    assert rejected.data() == "Rejected"
    assert rejected.data(Qt.ItemDataRole.BackgroundRole).color() == REJECTED_COLOUR
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Reason or warning"
    assert model.index(2, 2).data() == "Ngày sinh: Ngày 31/02/2001 không tồn tại"
    assert rejected.data(Qt.ItemDataRole.ToolTipRole) == \
        "Ngày sinh: Ngày 31/02/2001 không tồn tại"
    assert [issue.row for issue in preview.report().rejected] == [5]
    assert preview.legacy_table.isHidden()
    assert not preview.isComplete()
    preview.valid_only.setChecked(True)
    assert preview.isComplete()

    with qtbot.waitSignal(wizard.imported):
        wizard.next()
    result = wizard.result_page
    qtbot.waitUntil(lambda: result.done)
    assert result.summary.text() == ("2 people added, 0 updated, 0 unchanged.\n1 rejected rows"
                                     " were left out.\n1 warnings (see the preview).")
    assert result.report is not None and result.report.imported == 2
    people = _people(db_path)
    assert people["Hoàng Văn Em"] == (None, "Tây Ninh")
    assert people["Đỗ Thị Hoa"] == ("072199001241", "")
    assert "Vũ Văn Giang" not in people
    wizard.accept()


def test_wizard_shows_the_legacy_conversion(qtbot: QtBot, db_path: Path,
                                            tmp_path: Path) -> None:
    rows = [[unicode_to_tcvn3(v) if isinstance(v, str) else v for v in row] for row in ROWS[1:4]]
    path = write_xlsx(tmp_path / "vn3.xlsx", rows, font=".VnTime")
    wizard = _wizard(qtbot, db_path)
    wizard.file_page.path_edit.setText(str(path))
    wizard.next()
    assert wizard.mapping_page.combos[1].currentData() == "full_name"
    wizard.next()
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: preview.preview is not None or preview.progress.isHidden())
    assert not preview.legacy_table.isHidden()
    assert preview.legacy_label.text() == \
        "The file is written in the old TCVN3 encoding; it was converted:"
    pairs = [(preview.legacy_table.item(r, 0).text(), preview.legacy_table.item(r, 1).text())
             for r in range(preview.legacy_table.rowCount())]
    assert ("Hoµng V¨n Em", "Hoàng Văn Em") in pairs
    assert preview.model.index(0, 4).data() == "Hoàng Văn Em"
    assert preview.isComplete()
    wizard.reject()


def test_wizard_refuses_a_broken_file(qtbot: QtBot, db_path: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a workbook")
    wizard = _wizard(qtbot, db_path)
    wizard.file_page.path_edit.setText(str(broken))
    assert wizard.file_page.error_label.text() == \
        "Tệp broken.xlsx bị hỏng hoặc không phải tệp .xlsx"
    assert not wizard.file_page.isComplete()
    csv_file = tmp_path / "ds.csv"
    csv_file.write_text("Họ và tên,Tên khác\nNguyễn Văn An,An\n", encoding="utf-8")
    wizard.file_page.path_edit.setText(str(csv_file))
    assert wizard.file_page.isComplete()
    assert not wizard.file_page.sheet_combo.isEnabled()
    wizard.next()
    assert wizard.mapping_page.info.text().startswith("Không tìm thấy dòng tiêu đề")
    assert not wizard.mapping_page.isComplete()
    wizard.reject()


def test_cancel_during_the_import_writes_nothing(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, db_path: Path, tmp_path: Path
) -> None:
    """The clerk clicks Cancel in the progress dialog while the import runs: the import
    stops at its next step, its transaction rolls back, the roster is as it was."""
    import time

    from cadre_desktop.importing import roster_import
    from cadre_desktop.ui import import_wizard

    db = open_database(db_path)
    populate(db)
    db.close()
    before = _people(db_path)
    path = write_xlsx(tmp_path / "ds.xlsx", ROWS)
    real = roster_import.import_roster

    def slow_import(db: Any, source: Path, **options: Any) -> Any:
        # Still reading when the clerk cancels: report progress until the cancel.
        progress = options["progress"]
        while not progress.cancelled:
            progress.step("", 1, 10)
            time.sleep(0.02)
        return real(db, source, **options)

    monkeypatch.setattr(import_wizard, "import_roster", slow_import)
    wizard = _wizard(qtbot, db_path)
    wizard.file_page.path_edit.setText(str(path))
    wizard.next()
    wizard.next()
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: preview.preview is not None, timeout=20000)
    preview.valid_only.setChecked(True)
    wizard.next()
    job = wizard.result_page.job
    assert job is not None and job.dialog is not None
    qtbot.waitUntil(job.dialog.isVisible, timeout=5000)
    cancel = job.dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.result_page.done, timeout=20000)
    assert wizard.result_page.summary.text().startswith("Nothing was imported.")
    assert _people(db_path) == before
    wizard.reject()


def test_preview_model(qtmodeltester: object) -> None:
    columns = [PreviewColumn(0, "STT", SKIP, "ignored"),
               PreviewColumn(1, "Họ và tên", "full_name", "mapped"),
               PreviewColumn(2, "Điện thoại", "phone", "mapped"),
               PreviewColumn(3, "Tên chi đoàn", "branch", "mapped")]
    model = PreviewModel([])
    model.set_headings([c.heading for c in columns], columns)
    model.set_rows([
        PreviewRow(3, ["1", "Nguyễn Văn An", "", ""], NEW),
        PreviewRow(4, ["2", "Trần Thị Bình", "", ""], NEW, warnings=["Số CCCD thiếu số 0"]),
        PreviewRow(5, ["3"], REJECTED, reason="Thiếu họ tên"),
        PreviewRow(6, ["4", "Lê Văn Cường", "0912", "12A1"], UPDATE,
                   fields=["phone", "unit", "rating:2023"]),
        PreviewRow(7, ["5", "Phạm Thị Dung", "", ""], UNCHANGED),
    ])
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)] == [
        "Row", "Result", "Reason or warning", "STT", "Họ và tên", "Điện thoại", "Tên chi đoàn"]
    assert model.index(2, 4).data() == ""
    assert model.index(2, 2).data() == "Thiếu họ tên"
    assert model.index(2, 0).data(Qt.ItemDataRole.ToolTipRole) == "Thiếu họ tên"
    assert model.index(1, 2).data() == "Số CCCD thiếu số 0"
    assert model.index(3, 1).data() == "Changed: Phone, Unit, Rating 2023"
    # The cells an update changes are blue (a branch column changes the unit), no other.
    colours = [model.index(3, c).data(Qt.ItemDataRole.BackgroundRole) for c in range(7)]
    assert [c.color() if c else None for c in colours] == [
        None, None, None, None, None, CHANGED_COLOUR, CHANGED_COLOUR]
    assert model.index(4, 1).data() == "Unchanged"
    assert model.index(4, 4).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(0, 4).data(Qt.ItemDataRole.ForegroundRole) is None
    assert [column_letter(i) for i in (0, 25, 26, 701, 702)] == ["A", "Z", "AA", "ZZ", "AAA"]
