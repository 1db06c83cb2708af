"""The lists the pages show, as tables to print (Đoàn-format "DANH SÁCH …") or to export
(.xlsx): the roster as selected, the classes, a class's participants, the evaluations
falling due and the offices.

A ListTable is plain text: the headings, the rows as they read on paper, and the total
line, which is known once the rows have been read (they may come straight off a database
cursor, for a roster of 100,000). Printing (printing.lists) and exporting
(exporting.list_export) draw the same table, so paper and spreadsheet say the same.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from cadre_desktop.domain import class_status, text
from cadre_desktop.domain.dates import PartialDate
from cadre_desktop.services import office_status, roster_selection, rotation_followup
from cadre_desktop.services import training as training_service
from cadre_desktop.services.roster_selection import Selection
from cadre_desktop.store import enrolment as enrol_store
from cadre_desktop.store import training
from cadre_desktop.store.db import Database

# A cell that is part of the cell on its left (a birth date of unknown gender spans the
# Nam and Nữ columns).
MERGED = None


@dataclass(frozen=True)
class Figure:
    """A figure of a list: paper shows `text`; a spreadsheet writes `value` as a number
    (a share with a percent format, a count or an amount with grouping) so the province
    can sort and add it."""

    value: int | float
    text: str
    percent: bool = False


Row = Sequence[str | Figure | None]


@dataclass(frozen=True)
class ListColumn:
    heading: str
    min_mm: float = 14.0
    grow: float = 0.0            # its share of spare width; 0: as wide as its widest value
    align: str = "LEFT"          # LEFT | CENTER | RIGHT
    group: str = ""              # a heading over consecutive columns ("Ngày sinh": Nam, Nữ)


@dataclass
class ListTable:
    """A list with its STT column left out (printing and exporting number the rows)."""

    title: str                   # "DANH SÁCH ĐOÀN VIÊN CHI ĐOÀN KHU PHỐ 1"
    columns: list[ListColumn]
    rows: Iterator[Row]
    total: Callable[[int], str]  # from the number of rows, once they have all been read
    kind: str = "DS"             # the kind in the document number
    subtitle: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    sheet: str = "Danh sách"     # the spreadsheet's sheet name
    pdf_title: str = ""
    recipients: list[str] = field(default_factory=lambda: ["- Lưu VP."])
    expected_rows: int | None = None   # for progress, when known beforehand
    notes: list[str] = field(default_factory=list)  # lines after the total (a legend)


def _birth(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        return PartialDate.from_iso(iso).display()
    except ValueError:
        return text.clean(iso)


def _day(value: dt.date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else ""


def _split_birth(gender: str | None, birth: str) -> list[str | None]:
    """Under "Ngày sinh": the Nam column, the Nữ column, or both when unknown."""
    if gender == "M":
        return [birth, ""]
    if gender == "F":
        return ["", birth]
    return [birth, MERGED]


_BIRTH = [ListColumn("Nam", 12, 0, "CENTER", "Ngày sinh"),
          ListColumn("Nữ", 12, 0, "CENTER", "Ngày sinh")]


def roster(db: Database, selection: Selection | None = None) -> ListTable:
    """The people the roster shows (everyone, or the selection in its order)."""
    selection = selection or Selection()
    unit = roster_selection.unit_name(db, selection)
    if not unit:
        root = db.conn.execute(
            "SELECT name FROM unit WHERE parent_id IS NULL AND deleted = 0 AND office_id = ?"
            " ORDER BY created_at LIMIT 1", (db.office_id,)).fetchone()
        unit = text.clean(root[0]) if root else ""
    counts = {"M": 0, "F": 0}

    def rows() -> Iterator[Row]:
        for name, gender, birth, position, unit_name in roster_selection.people(
                db, selection, "p.full_name, p.gender, p.birth_date, pos.label, u.name"):
            if gender in counts:
                counts[gender] += 1
            yield [text.clean(name), *_split_birth(gender, _birth(birth)),
                   text.clean(position), text.clean(unit_name), ""]

    def total(n: int) -> str:
        return f"Tổng số: {n} đồng chí (nam: {counts['M']}, nữ: {counts['F']})"

    details = [f"Tìm theo: “{text.clean(selection.query)}”"] if selection.query.strip() else []
    title = "DANH SÁCH ĐOÀN VIÊN" + (f" {text.clean(unit).upper()}" if unit else "")
    return ListTable(
        title=title, details=details,
        columns=[ListColumn("Họ và tên", 34, 1.0), *_BIRTH, ListColumn("Chức vụ", 20, 0.5),
                 ListColumn("Đơn vị", 24, 0.8), ListColumn("Ghi chú", 12, 0.3)],
        rows=rows(), total=total, sheet="Đoàn viên",
        pdf_title=f"Danh sách đoàn viên – {unit}" if unit else "Danh sách đoàn viên",
        expected_rows=roster_selection.count(db, selection))


def classes(db: Database, year: int | None = None, status: str | None = None,
            on: dt.date | None = None) -> ListTable:
    """The training classes, as the classes page lists them (by year and by status as the
    calendar shows it on `on`, today by default: "ended" is a class not yet closed)."""
    found = training_service.list_classes(db, year, status, on)

    def period(c: training.TrainingClass) -> str:
        if c.start_date and c.end_date and c.start_date != c.end_date:
            return f"{_day(c.start_date)} – {_day(c.end_date)}"
        return _day(c.start_date or c.end_date)

    rows = [[text.clean(c.name), text.clean(c.programme_name), period(c),
             text.clean(c.venue) or training.MODES.get(c.mode, c.mode), str(c.enrolled),
             class_status.LABELS.get(c.state, c.state)] for c in found]
    people = sum(c.enrolled for c in found)
    details = [class_status.LABELS[status]] if status in class_status.LABELS else []
    return ListTable(
        title="DANH SÁCH LỚP BỒI DƯỠNG" + (f" NĂM {year}" if year else ""), details=details,
        columns=[ListColumn("Tên lớp", 45, 1.6), ListColumn("Chương trình", 30, 0.8),
                 ListColumn("Thời gian", 22, 0, "CENTER"), ListColumn("Địa điểm", 24, 0.6),
                 ListColumn("Học viên", 14, 0, "CENTER"), ListColumn("Tình trạng", 18, 0.2)],
        rows=iter(rows), total=lambda n: f"Tổng số: {n} lớp, {people} lượt học viên",
        sheet="Lớp bồi dưỡng", pdf_title="Danh sách lớp bồi dưỡng")


def participants(db: Database, class_id: str) -> ListTable:
    """A class's participants as its Participants tab shows them: every enrolment (the
    official list, the waiting list, those who withdrew), in official name order."""
    cls = training.get_class(db, class_id)
    found = enrol_store.list_participants(db, class_id)
    counts: dict[str, int] = {}
    rows: list[Row] = []
    for p in found:
        counts[p.status] = counts.get(p.status, 0) + 1
        note = p.withdraw_reason if p.status == "withdrawn" else p.outside_reason
        rows.append([p.short_code, text.clean(p.full_name),
                     *_split_birth(p.gender, _birth(p.birth_date)),
                     text.clean(p.position), text.clean(p.unit),
            enrol_store.ENROLMENT_STATUSES.get(p.status, p.status), text.clean(note)])
    parts = [f"{label.lower()}: {counts[code]}"
             for code, label in enrol_store.ENROLMENT_STATUSES.items() if counts.get(code)]
    return ListTable(
        title="DANH SÁCH HỌC VIÊN", subtitle=[text.clean(cls.name)],
        columns=[ListColumn("Mã", 12, 0, "CENTER"), ListColumn("Họ và tên", 34, 1.0), *_BIRTH,
                 ListColumn("Chức vụ", 20, 0.5), ListColumn("Đơn vị", 24, 0.8),
                 ListColumn("Tình trạng", 18, 0.2), ListColumn("Ghi chú", 16, 0.5)],
        rows=iter(rows),
        total=lambda n: f"Tổng số: {n} học viên" + (f" ({', '.join(parts)})" if parts else ""),
        sheet="Học viên", pdf_title=f"Danh sách học viên – {text.clean(cls.name)}")


_DUE_KINDS = {rotation_followup.KIND_PERIODIC: "Luân chuyển: đánh giá 6 tháng",
              rotation_followup.KIND_FINAL: "Luân chuyển: đánh giá kết thúc",
              rotation_followup.KIND_MEMBER: "Rèn luyện đoàn viên: tự đánh giá"}
_MISSING = {"report": "báo cáo của cán bộ", "host_evaluation": "nhận xét của nơi đến",
            "self_evaluation": "bản tự đánh giá"}


def due_evaluations(db: Database, on: dt.date | None = None,
                    within_days: int | None = None, rotations_only: bool = False) -> ListTable:
    """The evaluations overdue or falling due soon, oldest first (as `evaluation due`);
    `rotations_only` leaves out the members' self-evaluations, as the rotations page does
    (the member programme page has its own)."""
    on = on or dt.date.today()
    items = [i for i in rotation_followup.due_items(db, on, within_days)
             if not rotations_only or i.kind != rotation_followup.KIND_MEMBER]
    late = sum(1 for i in items if i.overdue)
    def what(kind: str) -> str:
        said = _DUE_KINDS.get(kind, kind)
        # Under a title that says "luân chuyển" already, the column need not repeat it.
        return said.removeprefix("Luân chuyển: ").capitalize() if rotations_only else said

    rows = [[text.clean(i.full_name), what(i.kind), str(i.round),
             _day(i.due), ", ".join(_MISSING.get(m, m) for m in i.missing),
             "Quá hạn" if i.overdue else "Sắp đến hạn"] for i in items]
    title = ("DANH SÁCH ĐÁNH GIÁ CÁN BỘ LUÂN CHUYỂN ĐẾN HẠN" if rotations_only
             else "DANH SÁCH ĐÁNH GIÁ ĐẾN HẠN")
    return ListTable(
        title=title, details=[f"Tính đến ngày {_day(on)}"],
        columns=[ListColumn("Họ và tên", 34, 1.0), ListColumn("Đánh giá", 36, 0.8),
                 ListColumn("Lần", 9, 0, "CENTER"), ListColumn("Hạn", 20, 0, "CENTER"),
                 ListColumn("Còn thiếu", 30, 0.8), ListColumn("Tình trạng", 18, 0.2)],
        rows=iter(rows), total=lambda n: f"Tổng số: {n} (quá hạn: {late})",
        sheet="Đánh giá đến hạn", pdf_title=title.capitalize())


_RELATIONS = {"self": "Đơn vị này", "parent": "Cấp trên", "child": "Cấp dưới",
              "below": "Dưới cấp dưới", "other": "Khác"}
_KEYS = {"active": "Tin cậy", "rotated": "Đã thay", "revoked": "Đã thu hồi"}


def offices(db: Database, today: dt.date | None = None, include_self: bool = True) -> ListTable:
    """The offices this one knows, with their keys and their last bundles; without this
    office itself (`include_self=False`) as the offices page lists them."""
    found = [o for o in office_status.list_offices(db, today)
             if include_self or o.relation != "self"]
    late = sum(1 for o in found if o.overdue)

    def state(o: office_status.OfficeStatus) -> str:
        if o.overdue:
            return (f"Quá hạn: {o.days_since} ngày chưa gửi" if o.days_since is not None
                    else "Quá hạn: chưa gửi gói nào")
        return "Đúng hạn" if o.last_sequence is not None else ""

    rows = [[text.clean(o.office.code), text.clean(o.office.name),
             _RELATIONS.get(o.relation, o.relation), _KEYS.get(o.key_status or "", ""),
             str(o.last_sequence) if o.last_sequence is not None else "",
             _day(dt.date.fromisoformat(o.last_imported_at[:10])) if o.last_imported_at else "",
             f"{o.counts.get('people', 0):,}".replace(",", "."), state(o)] for o in found]
    return ListTable(
        title="DANH SÁCH ĐƠN VỊ", columns=[
            ListColumn("Mã", 14, 0, "CENTER"), ListColumn("Đơn vị", 40, 1.2),
            ListColumn("Quan hệ", 20, 0.3), ListColumn("Khóa", 16, 0, "CENTER"),
            ListColumn("Gói cuối", 14, 0, "CENTER"), ListColumn("Nhận ngày", 20, 0, "CENTER"),
            ListColumn("Số người", 16, 0, "RIGHT"), ListColumn("Tình trạng", 24, 0.5)],
        rows=iter(rows), total=lambda n: f"Tổng số: {n} đơn vị (quá hạn: {late})",
        sheet="Đơn vị", pdf_title="Danh sách đơn vị")
