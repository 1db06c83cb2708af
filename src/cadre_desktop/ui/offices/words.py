"""Words for the office pages: relations, key states, the tables a bundle carries, and
the file names suggested for bundles, receipts and identity files."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QCoreApplication

from cadre_desktop.domain import text


def relation(key: str | None) -> str:
    if not key:
        return ""
    words = {
        "self": QCoreApplication.translate("Offices", "This office"),
        "parent": QCoreApplication.translate("Offices", "Office above"),
        "child": QCoreApplication.translate("Offices", "Office below"),
        "below": QCoreApplication.translate("Offices", "Below an office below"),
        "other": QCoreApplication.translate("Offices", "Other"),
    }
    return words.get(key, key)


def key_state(key: str | None) -> str:
    if not key:
        return ""
    words = {
        "active": QCoreApplication.translate("Offices", "Trusted"),
        "rotated": QCoreApplication.translate("Offices", "Replaced"),
        "revoked": QCoreApplication.translate("Offices", "Revoked"),
    }
    return words.get(key, key)


def bundle_kind(kind: str | None, base_sequence: int | None = None) -> str:
    """What a bundle holds: every record, the changes since an earlier bundle, or the
    lists and plans sent down to an office below."""
    if kind == "delta":
        return QCoreApplication.translate("Offices", "Changes since bundle %1").replace(
            "%1", str(base_sequence) if base_sequence is not None else "?")
    if kind == "issued":
        return QCoreApplication.translate("Offices", "Lists and plans sent down")
    if kind == "full":
        return QCoreApplication.translate("Offices", "Every record (full)")
    return ""


def bundle_kind_short(kind: str | None) -> str:
    words = {
        "delta": QCoreApplication.translate("Offices", "Changes"),
        "full": QCoreApplication.translate("Offices", "Full"),
        "issued": QCoreApplication.translate("Offices", "Sent down"),
    }
    return words.get(kind or "", "")


def table_name(key: str | None) -> str:
    if not key:
        return ""
    words = {
        "office": QCoreApplication.translate("Offices", "Offices"),
        "lookup": QCoreApplication.translate("Offices", "List entries"),
        "rating_scale": QCoreApplication.translate("Offices", "Rating scales"),
        "rating_level": QCoreApplication.translate("Offices", "Rating levels"),
        "unit": QCoreApplication.translate("Offices", "Units"),
        "person": QCoreApplication.translate("Offices", "People"),
        "position_assignment": QCoreApplication.translate("Offices", "Positions held"),
        "planning": QCoreApplication.translate("Offices", "Succession planning"),
        "rating": QCoreApplication.translate("Offices", "Yearly ratings"),
        "programme": QCoreApplication.translate("Offices", "Training programmes"),
        "training_class": QCoreApplication.translate("Offices", "Training classes"),
        "class_session": QCoreApplication.translate("Offices", "Class sessions"),
        "enrolment": QCoreApplication.translate("Offices", "Class participants"),
        "attendance_status": QCoreApplication.translate("Offices", "Attendance marks"),
        "attendance": QCoreApplication.translate("Offices", "Attendance"),
        "rule_setting": QCoreApplication.translate("Offices", "Rule settings"),
        "rotation_plan": QCoreApplication.translate("Offices", "Rotation plans"),
        "rotation": QCoreApplication.translate("Offices", "Rotations"),
        "rotation_override": QCoreApplication.translate("Offices", "Rotation exceptions"),
        "rotation_event": QCoreApplication.translate("Offices", "Rotation decisions"),
        "rotation_evaluation": QCoreApplication.translate("Offices", "Rotation evaluations"),
        "member_programme_year": QCoreApplication.translate("Offices", "Member programme years"),
        "member_criterion": QCoreApplication.translate("Offices", "Member programme criteria"),
        "member_registration": QCoreApplication.translate("Offices", "Member registrations"),
        "member_registration_item": QCoreApplication.translate("Offices", "Registered criteria"),
        "member_self_evaluation": QCoreApplication.translate("Offices", "Self-evaluations"),
    }
    return words.get(key, key)


def file_safe(code: str) -> str:
    """An office code as ASCII for a file name (a USB stick or an old mail program may
    trouble a Vietnamese name)."""
    folded = text.fold(code).upper()
    return re.sub(r"[^A-Z0-9]+", "-", folded).strip("-") or "DON-VI"


def bundle_file_name(code: str, sequence: int, day: dt.date) -> str:
    return f"{file_safe(code)}-goi-{sequence:03d}-{day:%Y%m%d}.cadre"


def down_file_name(code: str, child_code: str, sequence: int, day: dt.date) -> str:
    """The lists and plans this office sends down to the office `child_code`."""
    return (f"{file_safe(code)}-gui-{file_safe(child_code)}-danh-muc-{sequence:03d}-"
            f"{day:%Y%m%d}.cadre")


def receipt_file_name(code: str, sequence: int) -> str:
    return f"{file_safe(code)}-bien-nhan-{sequence:03d}.cadre"


def identity_file_name(code: str) -> str:
    return f"{file_safe(code)}-dinh-danh.cadre"


def rotation_file_name(code: str, day: dt.date) -> str:
    return f"{file_safe(code)}-doi-khoa-{day:%Y%m%d}.cadre"
