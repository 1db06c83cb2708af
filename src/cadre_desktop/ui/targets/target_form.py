"""What the target dialog offers, read off the GUI thread before it opens (the office's
lists, its programmes, the target group pickers), and the words for the choices of a
target's definition."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from cadre_desktop.domain.targets import ATTRIBUTE_FIELDS, ORDERED_FIELDS
from cadre_desktop.services import lists, training
from cadre_desktop.services.plans import Plan, PlanOverview
from cadre_desktop.store.db import Database
from cadre_desktop.ui.training.programmes_page import target_choices
from cadre_desktop.ui.training.target_editor import TargetChoices

translate = QCoreApplication.translate  # pyside6-lupdate finds translate("TargetDialog", "…")


@dataclass(frozen=True)
class TargetForm:
    plan: Plan
    estimate: int | None  # the plan's yearly estimates together (đồng), for a budget goal
    choices: TargetChoices  # the target group pickers
    programmes: list[tuple[str, str]]  # (id, name) of the live programmes
    deleted: dict[str, str]  # id -> name of the deleted ones a target may still name
    attributes: dict[str, list[tuple[str, str]]]  # list kind -> (code, label), in order


def read_form(db: Database, plan: Plan, overview: PlanOverview | None) -> TargetForm:
    everything = training.list_programmes(db, include_deleted=True)
    live = [(p.id, p.name) for p in everything if not p.deleted]
    gone = {p.id: p.name for p in everything if p.deleted}
    return TargetForm(plan, overview.estimate if overview else None, target_choices(db), live,
                      gone, {kind: lists.choices(db, kind) for kind in ATTRIBUTE_FIELDS})


def measures() -> dict[str, str]:
    return {"classes": translate("TargetDialog", "Classes held"),
            "enrolments": translate("TargetDialog", "Enrolments (lượt học viên)"),
            "completions": translate("TargetDialog", "Completions (lượt hoàn thành)")}


def periods() -> dict[str, str]:
    return {"plan": translate("TargetDialog", "Over the whole period"),
            "year": translate("TargetDialog", "Every year (the calendar year counted to)")}


def attribute_fields() -> dict[str, str]:
    return {"theory_level": translate("TargetDialog", "Political theory level"),
            "education": translate("TargetDialog", "Education level"),
            "party_status": translate("TargetDialog", "Party membership"),
            "working_status": translate("TargetDialog", "Working status")}


def is_ordered(field: str) -> bool:
    """A list with levels, where "this level or above" is meant."""
    return field in ORDERED_FIELDS
