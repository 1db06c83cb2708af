"""The office pages' tables: the offices this database knows (with their keys and last
bundles), the bundles this office has sent, and a bundle's per-table counts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from cadre_desktop.domain.eligibility import FAIL
from cadre_desktop.services.bundles import SentBundle
from cadre_desktop.services.office_status import OfficeStatus
from cadre_desktop.sync import crypto
from cadre_desktop.sync.importer import TableCounts
from cadre_desktop.ui.form_widgets import ERROR_BACKGROUND, display_iso, result_icon, size_text
from cadre_desktop.ui.list_model import ListTableModel
from cadre_desktop.ui.offices import words

DISPLAY = Qt.ItemDataRole.DisplayRole

# The columns an office table may show, by key; each page picks its own.
OFFICE_COLUMNS = ("code", "name", "relation", "key", "fingerprint", "enrolled", "sequence",
                  "bundle_date", "imported", "people", "status")
OVERVIEW = ("code", "name", "relation", "key", "sequence", "bundle_date", "imported",
            "people", "status")
TRUST = ("code", "name", "relation", "key", "fingerprint", "enrolled")


def _day(stamp: str | None) -> str:
    return display_iso(stamp[:10]) if stamp else ""


class OfficesModel(ListTableModel[OfficeStatus]):
    """Offices from office_status.list_offices; an overdue office's row is tinted and its
    status says so in words and with an icon (never by colour alone)."""

    def __init__(self, columns: tuple[str, ...] = OVERVIEW,
                 parent: QObject | None = None) -> None:
        titles = {
            "code": self.tr("Code"), "name": self.tr("Office"),
            "relation": self.tr("Relation"), "key": self.tr("Key"),
            "fingerprint": self.tr("Fingerprint"), "enrolled": self.tr("Enrolled on"),
            "sequence": self.tr("Last bundle"), "bundle_date": self.tr("Bundle made on"),
            "imported": self.tr("Imported on"), "people": self.tr("People"),
            "status": self.tr("Status"),
        }
        super().__init__([titles[c] for c in columns], parent)
        self.columns = columns

    def office_id(self, row: int) -> str | None:
        item = self.item(row)
        return item.office.id if item else None

    def cell(self, item: OfficeStatus, column: int, role: int) -> Any:
        key = self.columns[column]
        if role == DISPLAY:
            return self._text(item, key)
        if role == Qt.ItemDataRole.BackgroundRole and item.overdue:
            return QBrush(QColor(ERROR_BACKGROUND))
        if role == Qt.ItemDataRole.DecorationRole and key == "status" and item.overdue:
            return result_icon(FAIL)
        if role == Qt.ItemDataRole.FontRole and key == "fingerprint":
            font = QFont("monospace")
            font.setStyleHint(QFont.StyleHint.Monospace)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("sequence", "people"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and key == "name":
            return item.office.label
        return None

    def _text(self, item: OfficeStatus, key: str) -> str:
        if key == "code":
            return item.office.code
        if key == "name":
            return item.office.name
        if key == "relation":
            return words.relation(item.relation)
        if key == "key":
            return words.key_state(item.key_status)
        if key == "fingerprint":
            return crypto.format_fingerprint(item.fingerprint) if item.fingerprint else ""
        if key == "enrolled":
            return _day(item.enrolled_at)
        if key == "sequence":
            return str(item.last_sequence) if item.last_sequence is not None else ""
        if key == "bundle_date":
            return _day(item.last_created)
        if key == "imported":
            return _day(item.last_imported_at)
        if key == "people":
            return QLocale().toString(item.counts.get("people", 0))
        return self._status(item)

    def _status(self, item: OfficeStatus) -> str:
        if item.overdue and item.days_since is None:
            return self.tr("Overdue: no bundle since it was enrolled")
        if item.overdue:
            return self.tr("Overdue: last bundle %1 days ago").replace(
                "%1", str(item.days_since))
        if item.relation == "child" and item.key_status == "active" and item.days_since is None:
            return self.tr("No bundle yet")
        if item.days_since is not None:
            return self.tr("Up to date")
        return ""


class SentBundlesModel(ListTableModel[SentBundle]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([self.tr("No."), self.tr("Made on"), self.tr("File"),
                          self.tr("Size"), self.tr("Sent to"), self.tr("Receipt")], parent)

    def cell(self, item: SentBundle, column: int, role: int) -> Any:
        if role == DISPLAY:
            values = (str(item.sequence), _day(item.created_at), item.file_name,
                      size_text(item.size),
                      item.recipient, item.status_text)  # the service's own (Vietnamese) words
            return values[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class CountsModel(ListTableModel[tuple[str, TableCounts]]):
    """What a bundle would change, per table: new, changed, deleted, unchanged."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([self.tr("Records"), self.tr("New"), self.tr("Changed"),
                          self.tr("Deleted"), self.tr("Unchanged")], parent)

    def set_counts(self, tables: dict[str, TableCounts]) -> None:
        """Tables the bundle touches at all, in the bundle's order."""
        self.set_rows([(name, counts) for name, counts in tables.items()
                       if counts.inserted or counts.updated or counts.deleted
                       or counts.unchanged])

    def cell(self, item: tuple[str, TableCounts], column: int, role: int) -> Any:
        name, counts = item
        if role == DISPLAY:
            if column == 0:
                return words.table_name(name)
            value = (counts.inserted, counts.updated, counts.deleted, counts.unchanged)[
                column - 1]
            return QLocale().toString(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == 3 and counts.deleted:
            return QBrush(QColor("#b3261e"))
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return name
        return None
