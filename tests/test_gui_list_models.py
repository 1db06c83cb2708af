"""The kit's list model as the lists use it: a column's icon, own colour, spoken words,
header tooltip and font; and the office tables, each a list of Column specs over the
services' records, checked by Qt's model tester."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPixmap
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from cadre_desktop.domain.errors import UserError
from cadre_desktop.services.bundles import SentBundle
from cadre_desktop.services.office_status import OfficeStatus
from cadre_desktop.sync.header import OfficeRef
from cadre_desktop.sync.importer import ImportReport, TableCounts
from cadre_desktop.sync.transaction import BatchItem
from cadre_desktop.ui.form_widgets import ERROR_BACKGROUND, WARNING_BACKGROUND
from cadre_desktop.ui.kit.table_model import MUTED_FOREGROUND, Column, ListTableModel
from cadre_desktop.ui.offices.models import (
    DELETED,
    OVERVIEW,
    TRUST,
    CountsModel,
    OfficesModel,
    SentBundlesModel,
)
from cadre_desktop.ui.offices.preview_dialog import FilesModel

DISPLAY = Qt.ItemDataRole.DisplayRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
BACKGROUND = Qt.ItemDataRole.BackgroundRole
DECORATION = Qt.ItemDataRole.DecorationRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole


class _Greyed(ListTableModel[tuple[str, bool]]):
    def muted(self, record: tuple[str, bool]) -> bool:
        return record[1]


def test_a_column_gives_its_icon_colour_spoken_words_and_font(
        qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    pixmap = QPixmap(8, 8)
    pixmap.fill(QColor("red"))
    flag = QIcon(pixmap)
    mono = QFont("monospace")
    model = _Greyed([
        Column("Name", lambda r: r[0], font=mono),
        Column("Done", lambda _r: "", icon=lambda r: flag if r[1] else None,
               spoken=lambda r: "yes" if r[1] else "no", header_tip="Is it done?",
               colour=lambda r: QColor("#1b7f3b") if r[0] == "b" else None),
    ])
    model.set_rows([("a", False), ("b", True), ("c", True)])
    qtmodeltester.check(model)
    assert model.headerData(1, Qt.Orientation.Horizontal, TOOLTIP) == "Is it done?"
    assert model.headerData(0, Qt.Orientation.Horizontal, TOOLTIP) is None
    assert model.headerData(2, Qt.Orientation.Vertical) == "3"
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole) == mono
    assert model.index(0, 1).data(Qt.ItemDataRole.FontRole) is None
    assert model.index(0, 1).data(DECORATION) is None
    assert isinstance(model.index(1, 1).data(DECORATION), QIcon)
    assert model.index(1, 1).data(Qt.ItemDataRole.AccessibleTextRole) == "yes"
    assert model.index(0, 1).data(Qt.ItemDataRole.AccessibleTextRole) == "no"
    # a column's own colour wins; a muted record is grey elsewhere; the others keep theirs
    assert model.index(1, 1).data(FOREGROUND) == QBrush(QColor("#1b7f3b"))
    assert model.index(2, 1).data(FOREGROUND) == QBrush(MUTED_FOREGROUND)
    assert model.index(1, 0).data(FOREGROUND) == QBrush(MUTED_FOREGROUND)
    assert model.index(0, 0).data(FOREGROUND) is None


def _status(code: str, overdue: bool, days: int | None) -> OfficeStatus:
    return OfficeStatus(OfficeRef(f"id-{code}", code, f"Đoàn xã {code}"), "child", None,
                        "active", "12345678901234567890", "2025-01-02T08:00:00", 7,
                        "2025-03-01T09:00:00", "2025-03-02T10:00:00", days, overdue,
                        {"people": 1340})


def test_the_offices_table(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    model = OfficesModel(OVERVIEW)
    model.set_rows([_status("TH", False, 3), _status("DX", True, 40)])
    qtmodeltester.check(model)
    shown = {key: model.index(0, c).data() for c, key in enumerate(OVERVIEW)}
    assert "code" not in shown and shown["name"] == "Đoàn xã TH"  # named by name
    assert shown["relation"] and shown["key"]  # in words
    assert shown["sequence"] == "7" and shown["bundle_date"] == "01/03/2025"
    assert shown["imported"] == "02/03/2025" and shown["status"] == "Up to date"
    assert "".join(ch for ch in shown["people"] if ch.isdigit()) == "1340"
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    assert model.index(0, OVERVIEW.index("people")).data(
        Qt.ItemDataRole.TextAlignmentRole) == int(right)
    status = OVERVIEW.index("status")
    assert model.index(1, status).data() == "Overdue: last bundle 40 days ago"
    assert isinstance(model.index(1, status).data(DECORATION), QIcon)
    assert model.index(0, status).data(DECORATION) is None
    assert model.index(1, 0).data(BACKGROUND) == QBrush(QColor(ERROR_BACKGROUND))
    assert model.index(0, 0).data(BACKGROUND) is None
    assert model.index(0, 0).data(TOOLTIP) == "Code: TH"  # the code in the name's tooltip
    assert model.office_id(1) == "id-DX" and model.office_id(5) is None
    assert model.item(1) is model.items()[1]

    keys = OfficesModel(TRUST)
    keys.set_rows([_status("TH", False, 3)])
    qtmodeltester.check(keys)
    fingerprint = TRUST.index("fingerprint")
    assert keys.index(0, fingerprint).data() == "12345 67890 12345 67890"
    assert isinstance(keys.index(0, fingerprint).data(Qt.ItemDataRole.FontRole), QFont)


def test_the_sent_bundles_and_the_counts(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    sent = SentBundlesModel()
    sent.set_rows([SentBundle(3, "b3", "2025-04-05T10:00:00", "goi-3.cdb", 2048,
                              "Tỉnh đoàn", None, None)])
    qtmodeltester.check(sent)
    assert sent.index(0, 0).data() == "3" and sent.index(0, 1).data() == "05/04/2025"
    assert sent.index(0, 2).data() == "Every record (full)"  # no base: a full bundle
    assert sent.index(0, 3).data() == "goi-3.cdb" and sent.index(0, 4).data()

    counts = CountsModel()
    counts.set_counts({"person": TableCounts(2, 1, 3, 10), "unit": TableCounts(),
                       "rating": TableCounts(unchanged=4)})
    qtmodeltester.check(counts)
    assert counts.rowCount() == 2  # a table the bundle does not touch is left out
    assert [counts.index(0, c).data() for c in range(1, 5)] == ["2", "1", "3", "10"]
    assert counts.index(0, 0).data(TOOLTIP) == "person"
    assert counts.index(0, 3).data(FOREGROUND) == QBrush(DELETED)
    assert counts.index(1, 3).data(FOREGROUND) is None


def test_the_files_of_a_bundle_import(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    sender = OfficeRef("o1", "TH", "Đoàn xã Tân Hòa")
    ready = ImportReport(sender, 4, "b4", "2025-05-06T07:00:00", "dry-run")
    risky = ImportReport(sender, 5, "b5", "2025-05-07T07:00:00", "dry-run",
                         needs_confirmation=True)
    model = FilesModel()
    model.set_rows([BatchItem("/tmp/a/goi-4.cdb", ready, None),
                    BatchItem("/tmp/a/goi-5.cdb", risky, None),
                    BatchItem("/tmp/a/hong.cdb", None, UserError("Tệp hỏng"))])
    qtmodeltester.check(model)
    assert [model.index(0, c).data() for c in range(5)] == [
        "goi-4.cdb", "Đoàn xã Tân Hòa", "4", "06/05/2025", "Ready"]
    assert model.index(0, 0).data(TOOLTIP) == "/tmp/a/goi-4.cdb"
    assert model.index(1, 4).data() == "Deletes many records: confirm below"
    assert model.index(1, 2).data(BACKGROUND) == QBrush(QColor(WARNING_BACKGROUND))
    assert [model.index(2, c).data() for c in range(5)] == ["hong.cdb", "", "", "",
                                                             "Refused"]
    assert model.index(2, 0).data(BACKGROUND) == QBrush(QColor(ERROR_BACKGROUND))
    assert model.index(0, 0).data(BACKGROUND) is None
