"""Attendance: the editable list of statuses and one record per session and participant."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from cadre_desktop.domain import text
from cadre_desktop.domain.errors import InvalidInput, NotFound
from cadre_desktop.store.handle import Handle
from cadre_desktop.store.ids import new_id, now_utc
from cadre_desktop.store.tx import Transaction


@dataclass(frozen=True)
class AttendanceStatus:
    id: str
    code: str
    short: str  # typed in the grid and on sheets: C, M, P, K
    label: str
    counts_present: bool
    sort_order: int


def list_statuses(db: Handle | Transaction, include_deleted: bool = False
                  ) -> list[AttendanceStatus]:
    where = "" if include_deleted else " WHERE deleted = 0"
    rows = db.conn.execute(
        "SELECT id, code, short, label, counts_present, sort_order FROM attendance_status"
        f"{where} ORDER BY sort_order, short").fetchall()
    return [AttendanceStatus(r[0], r[1], r[2], r[3], bool(r[4]), int(r[5])) for r in rows]


def status_by_short(db: Handle | Transaction) -> dict[str, AttendanceStatus]:
    """Short code (upper case) -> status."""
    return {s.short.upper(): s for s in list_statuses(db)}


def present_status(db: Handle | Transaction) -> AttendanceStatus:
    """The status 'all present' sets: 'co_mat' if it is still there, else the first one
    that counts as present."""
    statuses = [s for s in list_statuses(db) if s.counts_present]
    for status in statuses:
        if status.code == "co_mat":
            return status
    if not statuses:
        raise InvalidInput("Danh mục điểm danh không có trạng thái nào tính là có mặt")
    return statuses[0]


def _clean_short(short: str) -> str:
    value = text.clean(short).upper()
    if not value or len(value) > 3 or " " in value:
        raise InvalidInput("Ký hiệu phải có 1 đến 3 ký tự, không có khoảng trắng", "short")
    return value


def create_status(tx: Transaction, short: str, label: str, counts_present: bool) -> str:
    short = _clean_short(short)
    label = text.clean(label)
    if not label:
        raise InvalidInput("Tên trạng thái không được để trống", "label")
    code = text.fold(label).replace(" ", "_")
    taken = tx.conn.execute(
        "SELECT code, short, deleted FROM attendance_status WHERE code = ? OR upper(short) = ?",
        (code, short)).fetchone()
    if taken:
        hint = " (đã xóa, hãy khôi phục)" if taken[2] else ""
        raise InvalidInput(f"Ký hiệu '{short}' hoặc tên '{label}' đã có{hint}", "short")
    order = tx.conn.execute(
        "SELECT COALESCE(MAX(sort_order), 0) + 1 FROM attendance_status").fetchone()[0]
    status_id = new_id()
    tx.insert("attendance_status", {"id": status_id, "code": code, "short": short,
                                    "label": label, "counts_present": int(counts_present),
                                    "sort_order": order})
    return status_id


def update_status(tx: Transaction, status_id: str, short: str, label: str,
                  counts_present: bool) -> None:
    """Codes stay (records refer to them); short, label and counting may change."""
    short = _clean_short(short)
    label = text.clean(label)
    if not label:
        raise InvalidInput("Tên trạng thái không được để trống", "label")
    taken = tx.conn.execute("SELECT id FROM attendance_status WHERE upper(short) = ? AND id != ?",
                            (short, status_id)).fetchone()
    if taken:
        raise InvalidInput(f"Ký hiệu '{short}' đã được dùng", "short")
    tx.update("attendance_status", status_id, {"short": short, "label": label,
                                               "counts_present": int(counts_present)})


def delete_status(tx: Transaction, status_id: str) -> bool:
    code = tx.fetch("attendance_status", status_id, ["code"])["code"]
    used = tx.conn.execute("SELECT 1 FROM attendance WHERE status_code = ? AND deleted = 0"
                           " LIMIT 1", (code,)).fetchone()
    if used:
        raise InvalidInput("Trạng thái đã được dùng trong điểm danh, không xóa được", "status")
    return tx.soft_delete("attendance_status", status_id)


def restore_status(tx: Transaction, status_id: str) -> bool:
    return tx.restore("attendance_status", status_id)


# Records

@dataclass(frozen=True)
class Mark:
    id: str
    session_id: str
    enrolment_id: str
    status_code: str
    remark: str
    recorded_by: str
    recorded_at: str


def marks_for_class(db: Handle | Transaction, class_id: str) -> dict[tuple[str, str], Mark]:
    """(enrolment id, session id) -> the record, for the class's live sessions."""
    rows = db.conn.execute(
        "SELECT a.id, a.session_id, a.enrolment_id, a.status_code, a.remark, a.recorded_by,"
        " a.recorded_at FROM attendance a JOIN class_session s ON s.id = a.session_id"
        " WHERE s.class_id = ? AND s.deleted = 0 AND a.deleted = 0", (class_id,)).fetchall()
    return {(r[2], r[1]): Mark(*r) for r in rows}


@dataclass(frozen=True)
class MarkChange:
    enrolment_id: str
    session_id: str
    status_code: str | None  # None clears the record
    remark: str | None = None  # None keeps the remark there is


def apply_marks(tx: Transaction, class_id: str, changes: Iterable[MarkChange], clerk: str,
                at: str | None = None) -> int:
    """Write changes in one go (the last change of a cell wins); returns how many records
    changed."""
    existing = marks_for_class(tx, class_id)
    stamp = at or now_utc()
    latest = {(c.enrolment_id, c.session_id): c for c in changes}
    new_rows = []
    changed = 0
    for change in latest.values():
        mark = existing.get((change.enrolment_id, change.session_id))
        if change.status_code is None:
            if mark:
                changed += tx.soft_delete("attendance", mark.id)
            continue
        remark = text.clean(change.remark) if change.remark is not None else None
        if mark is None:
            new_rows.append({
                "id": new_id(), "session_id": change.session_id,
                "enrolment_id": change.enrolment_id, "status_code": change.status_code,
                "remark": remark or "", "recorded_by": clerk, "recorded_at": stamp})
            continue
        values = {"status_code": change.status_code}
        if remark is not None:
            values["remark"] = remark
        if any(getattr(mark, k) != v for k, v in values.items()):
            tx.update("attendance", mark.id, {**values, "recorded_by": clerk,
                                              "recorded_at": stamp})
            changed += 1
    changed += tx.insert_many("attendance", new_rows)
    return changed


def get_mark(db: Handle, mark_id: str) -> Mark:
    row = db.conn.execute(
        "SELECT id, session_id, enrolment_id, status_code, remark, recorded_by, recorded_at"
        " FROM attendance WHERE id = ? AND deleted = 0", (mark_id,)).fetchone()
    if row is None:
        raise NotFound(f"Không tìm thấy bản ghi điểm danh {mark_id}")
    return Mark(*row)


def present_counts(db: Handle | Transaction, class_id: str,
                   until: dt.date | None) -> dict[str, int]:
    """Enrolment id -> sessions (up to `until`, or all) marked with a present status."""
    sql = (
        "SELECT a.enrolment_id, COUNT(*) FROM attendance a"
        " JOIN class_session s ON s.id = a.session_id"
        " JOIN attendance_status st ON st.code = a.status_code"
        " WHERE s.class_id = ? AND s.deleted = 0 AND a.deleted = 0 AND st.counts_present = 1"
    )
    params: list[str] = [class_id]
    if until is not None:
        sql += " AND s.date <= ?"
        params.append(until.isoformat())
    rows = db.conn.execute(sql + " GROUP BY a.enrolment_id", params).fetchall()
    return {r[0]: int(r[1]) for r in rows}
