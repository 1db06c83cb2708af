"""Qt's own buttons and dialogs come out in Vietnamese with our qtbase_vi translation.

Qt ships no Vietnamese qtbase translation; i18n/qtbase_vi.ts is ours. The Makefile compiles it
into the package's i18n folder; when that .qm is missing or older than the .ts, the test compiles
a fresh one into a temporary folder so it never checks a stale file.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTreeView,
    QWizard,
    QWizardPage,
)
from pytestqt.qtbot import QtBot

from cadre_desktop.ui.i18n import I18N_DIR

TS_FILE = Path(__file__).resolve().parents[1] / "i18n" / "qtbase_vi.ts"
QM_FILE = I18N_DIR / "qtbase_vi.qm"
SB = QMessageBox.StandardButton
BB = QDialogButtonBox.StandardButton


def _lrelease() -> str:
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):
        beside_python = Path(sys.executable).with_name(name)
        if beside_python.is_file():
            return str(beside_python)
    found = shutil.which("pyside6-lrelease")
    if found is None:
        pytest.fail("pyside6-lrelease not found; run `make translations`")
    return found


@pytest.fixture(scope="session")
def qm_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if QM_FILE.is_file() and QM_FILE.stat().st_mtime >= TS_FILE.stat().st_mtime:
        return QM_FILE
    built = tmp_path_factory.mktemp("qm") / "qtbase_vi.qm"
    subprocess.run([_lrelease(), "-silent", str(TS_FILE), "-qm", str(built)], check=True)
    return built


@pytest.fixture
def vietnamese(qapp: QApplication, qm_file: Path) -> Iterator[QTranslator]:
    translator = QTranslator()
    assert translator.load(str(qm_file)), qm_file
    qapp.installTranslator(translator)
    yield translator
    assert qapp.removeTranslator(translator)


def plain(text: str) -> str:
    """Button or menu text without its accelerator marker and shortcut."""
    return text.split("\t")[0].replace("&", "")


def test_ts_is_complete_and_keeps_placeholders() -> None:
    root = ET.parse(TS_FILE).getroot()
    assert root.get("language") == "vi_VN"
    messages = list(root.iter("message"))
    assert len(messages) > 500
    for message in messages:
        source = message.findtext("source", "")
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, source
        text = translation.text or ""
        assert text, source
        placeholders = re.compile(r"%\d+|%p|%n")
        assert sorted(placeholders.findall(text)) == sorted(placeholders.findall(source)), source
        assert text.count("\n") == source.count("\n"), source


def test_message_box_buttons(qtbot: QtBot, vietnamese: QTranslator) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "Cadre", "Lưu thay đổi?",
                      SB.Yes | SB.No | SB.Cancel)
    qtbot.addWidget(box)
    texts = {button: plain(box.button(button).text()) for button in (SB.Yes, SB.No, SB.Cancel)}
    assert texts == {SB.Yes: "Có", SB.No: "Không", SB.Cancel: "Hủy"}


def test_dialog_button_box(qtbot: QtBot, vietnamese: QTranslator) -> None:
    box = QDialogButtonBox(BB.Ok | BB.Cancel | BB.Save | BB.Close | BB.Apply)
    qtbot.addWidget(box)
    texts = {plain(box.button(button).text())
             for button in (BB.Ok, BB.Cancel, BB.Save, BB.Close, BB.Apply)}
    assert texts == {"Đồng ý", "Hủy", "Lưu", "Đóng", "Áp dụng"}


def test_wizard_buttons(qtbot: QtBot, vietnamese: QTranslator) -> None:
    wizard = QWizard()
    qtbot.addWidget(wizard)
    wizard.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
    wizard.addPage(QWizardPage())
    wizard.addPage(QWizardPage())
    button = wizard.button
    assert button(QWizard.WizardButton.BackButton).text() == "< &Quay lại"
    assert button(QWizard.WizardButton.NextButton).text() == "&Tiếp >"
    assert button(QWizard.WizardButton.FinishButton).text() == "&Hoàn tất"
    assert button(QWizard.WizardButton.CancelButton).text() == "Hủy"


def test_line_edit_context_menu(qtbot: QtBot, vietnamese: QTranslator) -> None:
    edit = QLineEdit("Nguyễn Văn An")
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    texts = {plain(action.text()) for action in menu.actions() if not action.isSeparator()}
    menu.deleteLater()
    assert {"Hoàn tác", "Làm lại", "Cắt", "Sao chép", "Dán", "Xóa", "Chọn tất cả"} <= texts
    assert not texts & {"Undo", "Redo", "Cut", "Copy", "Paste", "Delete", "Select All"}


def test_file_dialog_labels(qtbot: QtBot, vietnamese: QTranslator, tmp_path: Path) -> None:
    dialog = QFileDialog(None, "Nhập danh sách", str(tmp_path), "Excel (*.xlsx)")
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == "&Tìm trong:"
    assert labels["fileNameLabel"] == "Tê&n tệp:"
    assert labels["fileTypeLabel"] == "&Kiểu tệp:"
    buttons = dialog.findChild(QDialogButtonBox, "buttonBox")
    assert {plain(b.text()) for b in buttons.buttons()} == {"Mở", "Hủy"}
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    assert plain(buttons.button(BB.Save).text()) == "Lưu"
    header = dialog.findChild(QTreeView, "treeView").model()
    columns = [header.headerData(i, Qt.Orientation.Horizontal) for i in range(4)]
    assert columns == ["Tên", "Kích thước", "Kiểu", "Ngày sửa đổi"]
