"""The office pages' tables: the offices this database knows (with their keys and last
bundles), the bundles this office has sent, and a bundle's per-table counts (the kit's
list model, one Column spec per column)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, QObject
from PySide6.QtGui import QColor, QFont, QIcon

from cadre_desktop.domain.eligibility import FAIL
from cadre_desktop.services.bundles import SentBundle
from cadre_desktop.services.office_status import OfficeStatus
from cadre_desktop.sync import crypto
from cadre_desktop.sync.importer import TableCounts
from cadre_desktop.ui.form_widgets import ERROR_BACKGROUND, display_iso, result_icon, size_text
from cadre_desktop.ui.kit.table_model import RIGHT, Column, ListTableModel
from cadre_desktop.ui.offices import words

# The columns an office table may show, by key; each page picks its own.
# Offices are named by their names; the code (what the command line takes) is in the
# name's tooltip, and a column of its own where keys are handled.
OFFICE_COLUMNS = ("name", "code", "relation", "key", "fingerprint", "enrolled", "sequence",
                  "kind", "bundle_date", "imported", "people", "status")
OVERVIEW = ("name", "relation", "key", "sequence", "kind", "bundle_date", "imported",
            "people", "status")
TRUST = ("name", "code", "relation", "key", "fingerprint", "enrolled")
DELETED = QColor("#b3261e")


def _day(stamp: str | None) -> str:
    return display_iso(stamp[:10]) if stamp else ""


def _monospace() -> QFont:
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    return font


def _overdue_icon(item: OfficeStatus) -> QIcon | None:
    return result_icon(FAIL) if item.overdue else None


class OfficesModel(ListTableModel[OfficeStatus]):
    """Offices from office_status.list_offices; an overdue office's row is tinted and its
    status says so in words and with an icon (never by colour alone)."""

    def __init__(self, columns: tuple[str, ...] = OVERVIEW,
                 parent: QObject | None = None) -> None:
        text: dict[str, Callable[[OfficeStatus], str]] = {
            "code": lambda i: i.office.code,
            "name": lambda i: i.office.name,
            "relation": lambda i: words.relation(i.relation),
            "key": lambda i: words.key_state(i.key_status),
            "fingerprint": lambda i: (crypto.format_fingerprint(i.fingerprint)
                                      if i.fingerprint else ""),
            "enrolled": lambda i: _day(i.enrolled_at),
            "sequence": lambda i: str(i.last_sequence) if i.last_sequence is not None else "",
            "kind": lambda i: words.bundle_kind_short(i.last_kind),
            "bundle_date": lambda i: _day(i.last_created),
            "imported": lambda i: _day(i.last_imported_at),
            "people": lambda i: QLocale().toString(i.counts.get("people", 0)),
            "status": self._status,
        }
        specs = {
            "code": Column(self.tr("Code"), text["code"]),
            "name": Column(self.tr("Office"), text["name"],
                           tooltip=lambda i: self.tr("Code: %1").replace("%1", i.office.code)),
            "relation": Column(self.tr("Relation"), text["relation"]),
            "key": Column(self.tr("Key"), text["key"]),
            "fingerprint": Column(self.tr("Fingerprint"), text["fingerprint"],
                                  font=_monospace()),
            "enrolled": Column(self.tr("Enrolled on"), text["enrolled"]),
            "sequence": Column(self.tr("Last bundle"), text["sequence"], RIGHT),
            "kind": Column(self.tr("Content"), text["kind"]),
            "bundle_date": Column(self.tr("Bundle made on"), text["bundle_date"]),
            "imported": Column(self.tr("Imported on"), text["imported"]),
            "people": Column(self.tr("People"), text["people"], RIGHT),
            "status": Column(self.tr("Status"), text["status"], icon=_overdue_icon),
        }
        super().__init__([specs[c] for c in columns], parent)

    def highlight(self, record: OfficeStatus, column: int) -> QColor | None:
        return QColor(ERROR_BACKGROUND) if record.overdue else None

    # The offices pages name a row's record an item.
    def item(self, row: int) -> OfficeStatus | None:
        return self.record(row)

    def items(self) -> list[OfficeStatus]:
        return self.rows()

    def office_id(self, row: int) -> str | None:
        item = self.record(row)
        return item.office.id if item else None

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
        super().__init__([
            Column(self.tr("No."), lambda b: str(b.sequence), RIGHT),
            Column(self.tr("Made on"), lambda b: _day(b.created_at)),
            Column(self.tr("Content"), lambda b: words.bundle_kind(b.kind, b.base_sequence)),
            Column(self.tr("File"), lambda b: b.file_name),
            Column(self.tr("Size"), lambda b: size_text(b.size), RIGHT),
            Column(self.tr("Sent to"), lambda b: b.recipient),
            Column(self.tr("Receipt"), lambda b: b.status_text),  # the service's own words
        ], parent)


class CountsModel(ListTableModel[tuple[str, TableCounts]]):
    """What a bundle would change, per table: new, changed, deleted, unchanged."""

    def __init__(self, parent: QObject | None = None) -> None:
        def number(value: Callable[[TableCounts], int]) -> Callable[
                [tuple[str, TableCounts]], str]:
            return lambda item: QLocale().toString(value(item[1]))

        super().__init__([
            Column(self.tr("Records"), lambda i: words.table_name(i[0]),
                   tooltip=lambda i: i[0]),
            Column(self.tr("New"), number(lambda c: c.inserted), RIGHT),
            Column(self.tr("Changed"), number(lambda c: c.updated), RIGHT),
            Column(self.tr("Deleted"), number(lambda c: c.deleted), RIGHT,
                   colour=lambda i: DELETED if i[1].deleted else None),
            Column(self.tr("Unchanged"), number(lambda c: c.unchanged), RIGHT),
        ], parent)

    def set_counts(self, tables: dict[str, TableCounts]) -> None:
        """Tables the bundle touches at all, in the bundle's order."""
        self.set_rows([(name, counts) for name, counts in tables.items()
                       if counts.inserted or counts.updated or counts.deleted
                       or counts.unchanged])
