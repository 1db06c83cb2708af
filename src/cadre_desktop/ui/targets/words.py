"""The words the Targets page and its dialogs show for codes of the core (kinds of
targets and reports, cost items), translated like every GUI string, and money as the
office writes it (1.340.000.000 đồng)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from cadre_desktop.domain.dates import format_date
from cadre_desktop.domain.money import format_vnd

translate = QCoreApplication.translate  # pyside6-lupdate finds translate("Targets", "…")


def target_kinds() -> dict[str, str]:
    return {"coverage": translate("Targets", "Trained (coverage)"),
            "share": translate("Targets", "Meeting a standard (share)"),
            "count": translate("Targets", "Count"), "budget": translate("Targets", "Budget")}


def report_kinds() -> dict[str, str]:
    """The kinds of periodic report, in the order of the year (domain.report_period)."""
    return {"six_month": translate("Targets", "6-month review"),
            "annual": translate("Targets", "Annual review"),
            "mid_term": translate("Targets", "Mid-term review"),
            "final": translate("Targets", "Final review")}


def budget_items() -> dict[str, str]:
    """The cost items of a class budget (services.plans.BUDGET_ITEMS)."""
    return {"lecturers": translate("Targets", "Lecturers' and speakers' fees"),
            "venue": translate("Targets", "Hall and equipment"),
            "materials": translate("Targets", "Materials and stationery"),
            "allowance": translate("Targets", "Allowances for participants (people × days)"),
            "other": translate("Targets", "Other costs")}


def budget_stages() -> dict[str, str]:
    return {"estimate": translate("Targets", "Estimate"), "actual": translate("Targets", "Actual")}


def money(amount: int | None) -> str:
    """'1.340.000.000 đồng'; a dash when there is no amount."""
    return format_vnd(amount, "đồng") if amount is not None else "—"


def met_word(met: bool) -> str:
    return translate("Targets", "Met") if met else translate("Targets", "Not yet")


def date_range(start: dt.date | None, end: dt.date | None) -> str:
    """'01/06/2026 – 05/06/2026', one date when both are the same or one is missing."""
    if start and end and start != end:
        return f"{format_date(start)} – {format_date(end)}"
    return format_date(start or end)
