"""The English words (translated by Qt) for the codes the rotation services use."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from cadre_desktop.domain.eligibility import FAIL, PASS, UNKNOWN
from cadre_desktop.services.rotation_followup import KIND_FINAL, KIND_MEMBER, KIND_PERIODIC


def status_word(status: str) -> str:
    words = {
        "proposed": QCoreApplication.translate("Rotation", "Proposed"),
        "approved": QCoreApplication.translate("Rotation", "Approved"),
        "active": QCoreApplication.translate("Rotation", "Under way"),
        "completed": QCoreApplication.translate("Rotation", "Completed"),
        "cancelled": QCoreApplication.translate("Rotation", "Cancelled"),
    }
    return words.get(status, status)


def result_word(result: str) -> str:
    words = {
        PASS: QCoreApplication.translate("Rotation", "Met"),
        FAIL: QCoreApplication.translate("Rotation", "Not met"),
        UNKNOWN: QCoreApplication.translate("Rotation", "Missing data"),
    }
    return words.get(result, result)


# The rules of domain.eligibility in their order, with a short column header each.
RULE_KEYS = ("permanent_staff", "party", "age", "rating", "discipline", "deferral", "planning")


def rule_header(rule: str) -> str:
    words = {
        "permanent_staff": QCoreApplication.translate("Rotation", "Staff"),
        "party": QCoreApplication.translate("Rotation", "Party"),
        "age": QCoreApplication.translate("Rotation", "Age"),
        "rating": QCoreApplication.translate("Rotation", "Ratings"),
        "discipline": QCoreApplication.translate("Rotation", "Discipline"),
        "deferral": QCoreApplication.translate("Rotation", "Deferral"),
        "planning": QCoreApplication.translate("Rotation", "Planning"),
    }
    return words.get(rule, rule)


def evaluation_word(kind: str, seq: int) -> str:
    """'final' / 'periodic' (a stored evaluation) or a due item's kind."""
    if kind in ("final", KIND_FINAL):
        return QCoreApplication.translate("Rotation", "Final evaluation")
    if kind == KIND_MEMBER:
        return QCoreApplication.translate("Rotation", "Self-evaluation, round %1").replace(
            "%1", str(seq))
    if kind in ("periodic", KIND_PERIODIC):
        return QCoreApplication.translate("Rotation", "Six-month evaluation %1").replace(
            "%1", str(seq))
    return kind


def missing_words(missing: tuple[str, ...]) -> str:
    words = {
        "report": QCoreApplication.translate("Rotation", "cadre's report"),
        "host_evaluation": QCoreApplication.translate("Rotation", "host unit's evaluation"),
        "self_evaluation": QCoreApplication.translate("Rotation", "self-evaluation"),
    }
    return ", ".join(words.get(m, m) for m in missing)


def event_word(kind: str) -> str:
    if kind == "extension":
        return QCoreApplication.translate("Rotation", "Extended")
    return QCoreApplication.translate("Rotation", "Ended early")
