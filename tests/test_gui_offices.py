"""The "Office & keys" page as two clerks use it: the district sets up its identity (the
passphrase typed twice, with the warning that a forgotten one cannot be recovered),
reads its fingerprint in six groups of five and saves its identity file; the province
enrols it only when the fingerprint typed from the phone call matches; keys are
changed and revoked."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from bundle_helpers import PASS, fast_scrypt, new_office
from cadre_desktop.services import offices as office_service
from cadre_desktop.store import offices as office_store
from cadre_desktop.store.db import Database, open_database
from cadre_desktop.sync.crypto import FORGOTTEN
from cadre_desktop.ui.offices.enrol_dialog import EnrolDialog
from cadre_desktop.ui.offices.keys_page import OfficeKeysPage
from cadre_desktop.ui.passphrase_dialog import PassphraseDialog
from gui_support import OFFSCREEN_NOISE
from office_gui_support import Answers, answer, wait_jobs

pytest_plugins = ["gui_fixtures"]
pytestmark = OFFSCREEN_NOISE
__all__ = ["fast_scrypt"]


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch, fast_scrypt: None) -> Answers:
    return answer(monkeypatch)


@pytest.fixture
def fresh(tmp_path: Path, answers: Answers) -> Iterator[Database]:
    """A district whose identity is not set up yet."""
    db = open_database(tmp_path / "district.sqlite3")
    yield db
    db.close()


@pytest.fixture
def province(tmp_path: Path, answers: Answers) -> Iterator[Database]:
    db = new_office(tmp_path / "province.sqlite3", "P")
    yield db
    db.close()


def keys_page(qtbot: QtBot, db: Database) -> OfficeKeysPage:
    page = OfficeKeysPage(db)
    qtbot.addWidget(page)
    page.resize(1000, 760)
    page.show()
    qtbot.waitExposed(page)
    return page


def set_up_identity(qtbot: QtBot, page: OfficeKeysPage, code: str, name: str) -> None:
    page.identity.code.setText(code)
    page.identity.name.setText(name)
    qtbot.mouseClick(page.identity.setup_button, Qt.MouseButton.LeftButton)
    wait_jobs(qtbot)  # the keys are made and locked off the GUI thread


def test_the_passphrase_is_typed_twice_with_the_warning(qtbot: QtBot) -> None:
    dialog = PassphraseDialog("Office passphrase", "Choose it", new=True)
    qtbot.addWidget(dialog)
    warning = dialog.findChild(QLabel, "forgottenWarning")
    assert warning is not None and warning.text() == FORGOTTEN
    dialog.first.setText("short")
    dialog.submit()
    assert dialog.error.isVisibleTo(dialog) and "10" in dialog.error.text()
    dialog.first.setText("mật khẩu dài")
    dialog.second.setText("mật khẩu khác")
    dialog.submit()
    assert "not the same" in dialog.error.text()
    assert dialog.result() != PassphraseDialog.DialogCode.Accepted
    dialog.second.setText("mật khẩu dài")
    dialog.submit()
    assert dialog.result() == PassphraseDialog.DialogCode.Accepted
    assert dialog.take() == "mật khẩu dài"
    assert dialog.first.text() == dialog.second.text() == ""  # the widget keeps nothing


def test_an_existing_passphrase_is_asked_once(qtbot: QtBot) -> None:
    dialog = PassphraseDialog("Office passphrase", "Type it")
    qtbot.addWidget(dialog)
    assert dialog.findChild(QLabel, "forgottenWarning") is None
    assert not dialog.second.isVisibleTo(dialog)
    dialog.first.setText("x")
    dialog.submit()
    assert dialog.result() == PassphraseDialog.DialogCode.Accepted


def test_identity_is_set_up_and_its_fingerprint_read_aloud(
        qtbot: QtBot, fresh: Database, answers: Answers, tmp_path: Path) -> None:
    page = keys_page(qtbot, fresh)
    assert page.identity.stack.currentIndex() == 0
    assert not page.enrol_child_button.isEnabled()
    set_up_identity(qtbot, page, "DP-GL", "Đoàn phường Gia Lộc")
    assert answers.asked == ["passphrase (new): Office passphrase"]
    info = office_service.identity_info(fresh)
    assert info is not None and info.office.code == "DP-GL"
    shown = page.identity.fingerprint.text()
    assert re.fullmatch(r"\d{5}( \d{5}){5}", shown)
    assert shown.replace(" ", "") == info.fingerprint
    assert page.identity.fingerprint.font().fixedPitch()
    assert page.identity.fingerprint.font().pointSizeF() > page.font().pointSizeF() * 1.5
    assert page.enrol_child_button.isEnabled()

    answers.save_file = str(tmp_path / "dinh-danh.cadre")
    qtbot.mouseClick(page.identity.save_button, Qt.MouseButton.LeftButton)
    assert answers.asked[-1] == "save: Save identity file [DP-GL-dinh-danh.cadre]"
    identity = office_service.read_identity_file(Path(answers.save_file).read_bytes())
    assert identity.fingerprint == info.fingerprint


def test_a_cancelled_passphrase_sets_nothing_up(qtbot: QtBot, fresh: Database,
                                                answers: Answers) -> None:
    page = keys_page(qtbot, fresh)
    answers.passphrase = None
    set_up_identity(qtbot, page, "DP-GL", "Đoàn phường Gia Lộc")
    assert office_service.identity_info(fresh) is None
    assert page.identity.stack.currentIndex() == 0


def _district_identity(tmp_path: Path) -> tuple[Path, str]:
    db = new_office(tmp_path / "district.sqlite3", "A")
    info = office_service.identity_info(db)
    assert info is not None
    path = tmp_path / "DP-GL-dinh-danh.cadre"
    path.write_bytes(office_service.identity_file(db))
    db.close()
    return path, info.fingerprint_display


def _enrol_dialog(qtbot: QtBot, page: OfficeKeysPage) -> EnrolDialog:
    qtbot.mouseClick(page.enrol_child_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_a_child_is_enrolled_only_with_the_fingerprint_read_by_phone(
        qtmodeltester: ModelTester, qtbot: QtBot, province: Database, answers: Answers,
        tmp_path: Path) -> None:
    path, fingerprint = _district_identity(tmp_path)
    page = keys_page(qtbot, province)
    assert page.model.rowCount() == 0
    answers.open_file = str(path)
    dialog = _enrol_dialog(qtbot, page)
    office = dialog.findChild(QLabel, "enrolOfficeName")
    code = dialog.findChild(QLabel, "enrolOfficeCode")
    assert office is not None and office.text() == "Đoàn phường Gia Lộc"
    assert code is not None and code.text() == "DP-GL"
    assert fingerprint.replace(" ", "") not in dialog.findChild(QLabel, "enrolOfficeName").text()

    wrong = fingerprint[:-1] + ("0" if fingerprint[-1] != "0" else "1")
    dialog.typed.setText(wrong)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error.isVisibleTo(dialog)
    assert "không khớp" in dialog.error.text()
    assert "Đoàn phường Gia Lộc" in dialog.error.text()
    assert office_store.all_keys(province) == []
    assert page.model.rowCount() == 0

    dialog.typed.setText(fingerprint.replace(" ", "-"))  # dashes between groups are fine
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is None)
    assert page.model.rowCount() == 1
    qtmodeltester.check(page.model)
    row = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert row[:4] == ["Đoàn phường Gia Lộc", "DP-GL", "Office below", "Trusted"]
    assert row[4] == fingerprint


def test_a_key_is_revoked_and_a_key_change_accepted(
        qtbot: QtBot, province: Database, answers: Answers, tmp_path: Path) -> None:
    district = new_office(tmp_path / "district.sqlite3", "A")
    info = office_service.identity_info(district)
    assert info is not None
    office_service.enrol(province, office_service.identity_file(district), "child",
                         info.fingerprint)
    page = keys_page(qtbot, province)
    assert not page.revoke_button.isEnabled()

    # The district makes new keys on its own page; its statement goes to the province.
    district_page = keys_page(qtbot, district)
    answers.save_file = str(tmp_path / "doi-khoa.cadre")
    qtbot.mouseClick(district_page.identity.rotate_button, Qt.MouseButton.LeftButton)
    wait_jobs(qtbot)
    new_info = office_service.identity_info(district)
    assert new_info is not None and new_info.fingerprint != info.fingerprint
    assert district_page.identity.fingerprint.text() == new_info.fingerprint_display
    answers.open_file = answers.save_file
    qtbot.mouseClick(page.accept_button, Qt.MouseButton.LeftButton)
    states = {page.model.index(r, 4).data(): page.model.index(r, 3).data()
              for r in range(page.model.rowCount())}
    assert states == {new_info.fingerprint_display: "Trusted"}

    page.view.selectRow(0)
    assert page.revoke_button.isEnabled()
    qtbot.mouseClick(page.revoke_button, Qt.MouseButton.LeftButton)
    assert page.model.index(0, 3).data() == "Revoked"
    key = office_store.all_keys(province)[-1]
    assert (key.status, key.status_note) == ("revoked", "máy tính bị mất")
    district.close()


def test_a_file_that_is_not_an_identity_is_refused(qtbot: QtBot, province: Database,
                                                   answers: Answers, tmp_path: Path) -> None:
    junk = tmp_path / "junk.cadre"
    junk.write_bytes(b"not a cadre file at all")
    page = keys_page(qtbot, province)
    answers.open_file = str(junk)
    qtbot.mouseClick(page.enrol_child_button, Qt.MouseButton.LeftButton)
    assert page.dialog is None
    assert len(answers.warned) == 1 and answers.warned[0]
    assert office_store.all_keys(province) == []


def test_the_wrong_passphrase_changes_no_keys(qtbot: QtBot, province: Database,
                                              answers: Answers, tmp_path: Path) -> None:
    page = keys_page(qtbot, province)
    before = office_service.identity_info(province)
    answers.save_file = str(tmp_path / "doi-khoa.cadre")
    answers.passphrase = PASS + "?"
    qtbot.mouseClick(page.identity.rotate_button, Qt.MouseButton.LeftButton)
    wait_jobs(qtbot)
    assert office_service.identity_info(province) == before
    assert answers.warned and not Path(answers.save_file).exists()


def test_the_province_is_set_up_as_the_top_office(qtbot: QtBot, fresh: Database,
                                                  answers: Answers) -> None:
    from cadre_desktop.services import office_role

    page = keys_page(qtbot, fresh)
    assert not page.identity.top.isChecked()
    page.identity.top.setChecked(True)
    set_up_identity(qtbot, page, "TD-TN", "Tỉnh đoàn Tây Ninh")
    assert office_role.level(fresh) == "province" and office_role.is_top_office(fresh)
    assert office_role.next_bundle_up(fresh) is None
