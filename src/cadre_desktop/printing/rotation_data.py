"""Reading a rotation for its printed forms, through the rotation services (read-only):
one evaluation's form, and the whole rotation's summary."""

from __future__ import annotations

import datetime as dt

from cadre_desktop.domain.eligibility import FAIL, PASS, UNKNOWN
from cadre_desktop.domain.errors import NotFound, UserError
from cadre_desktop.domain.evaluation_schedule import FINAL
from cadre_desktop.domain.rotation_plan import OVERRIDE_LABELS, STATUS_LABELS
from cadre_desktop.printing import data
from cadre_desktop.printing.form_data import (
    clean,
    dated_line,
    iso_day,
    office_date_line,
    office_header,
    person_info,
    show,
    unit_header,
)
from cadre_desktop.printing.form_model import (
    STAMP_HINT,
    EvaluationForm,
    EvaluationLine,
    Pair,
    RotationSummaryDoc,
    RuleLine,
    SignBlock,
)
from cadre_desktop.printing.model import Document
from cadre_desktop.services import rotation as svc
from cadre_desktop.services import rotation_followup as follow
from cadre_desktop.store import lookups, rotation_evaluations
from cadre_desktop.store.db import Database
from cadre_desktop.store.profile import load_profile
from cadre_desktop.store.rotation_evaluations import RotationEvaluation
from cadre_desktop.store.rotations import Rotation

EVALUATION_TITLE = "PHIẾU ĐÁNH GIÁ CÁN BỘ ĐI ĐÀO TẠO THỰC TẾ TẠI CƠ SỞ"
SUMMARY_TITLE = "TÓM TẮT QUÁ TRÌNH ĐI CƠ SỞ"
RESULT_WORDS = {PASS: "Đạt", FAIL: "Không đạt", UNKNOWN: "Chưa rõ"}


def _period(start: dt.date | str | None, end: dt.date | str | None) -> str:
    return f"từ ngày {show(start)} đến ngày {show(end)}"


def _label(e: RotationEvaluation) -> str:
    return "Đánh giá cuối kỳ" if e.kind == FINAL else f"Kỳ đánh giá định kỳ lần {e.seq}"


def _host_post(db: Database, rotation: Rotation) -> str:
    names = svc.labels(db)
    return clean(names.get(rotation.host_position, rotation.host_position))


def _decision(rotation: Rotation) -> str:
    if not rotation.decision_no:
        return ""
    day = show(rotation.decision_date)
    return f"số {clean(rotation.decision_no)}" + (f" ngày {day}" if day else "")


def evaluation_form(db: Database, evaluation_id: str) -> EvaluationForm:
    evaluation = rotation_evaluations.get_evaluation(db, evaluation_id)
    if evaluation is None:
        raise NotFound(f"Không tìm thấy lần đánh giá có mã {evaluation_id}")
    rotation = svc.get(db, evaluation.rotation_id)
    if rotation.status == "cancelled":
        raise UserError(f"Đợt đi cơ sở của {clean(rotation.full_name)} đã bị hủy: "
                        "không có phiếu đánh giá để in.")
    person = person_info(db, rotation.person_id)
    cadre = [Pair("Họ và tên", person.full_name), Pair(person.birth_label, person.birth),
             Pair("Chức vụ, đơn vị công tác", person.post),
             Pair("Đơn vị tiếp nhận", clean(rotation.host_unit)),
             Pair("Vị trí đảm nhiệm tại cơ sở", _host_post(db, rotation)),
             Pair("Thời gian đi cơ sở", _period(rotation.start, rotation.end))]
    if rotation.decision_no:
        cadre.append(Pair("Quyết định cử đi", _decision(rotation)))
    evaluated = iso_day(evaluation.host_evaluated_on)
    year = (evaluated or evaluation.due).year
    levels = [clean(lv.label) for lv in lookups.levels_for_year(db, year)]
    chosen = clean(evaluation.host_level)
    if chosen and chosen not in levels:  # a level of another year's scale: still shown
        levels.append(chosen)
    host = unit_header(db, rotation.host_unit_id, clean(rotation.host_unit), dated_line(evaluated))
    document = Document(
        header=host, title=EVALUATION_TITLE, subtitle=[_label(evaluation)],
        details=[f"Thời gian đánh giá: {_period(evaluation.period_start, evaluation.period_end)}"
                 f" (hạn {show(evaluation.due)})"],
        pdf_title=f"Phiếu đánh giá – {person.full_name} – {_label(evaluation)}")
    return EvaluationForm(
        document=document, cadre=cadre, report_received=show(evaluation.report_received),
        report_summary=clean(evaluation.report_summary), levels=levels, chosen=chosen,
        comments=clean(evaluation.host_comments), evaluator=clean(evaluation.evaluator),
        evaluated_on=show(evaluated),
        signatures=(SignBlock(("CÁN BỘ ĐƯỢC ĐÁNH GIÁ",), name=person.full_name),
                    SignBlock(("TM. BAN THƯỜNG VỤ", "BÍ THƯ"), STAMP_HINT)),
    )


def _actual(rotation: Rotation) -> str:
    started = show(rotation.actual_start)
    if rotation.status == "completed":
        return _period(rotation.actual_start or rotation.planned_start, rotation.end)
    if rotation.status == "active":
        return (f"từ ngày {started}, đang thực hiện (dự kiến kết thúc ngày "
                f"{show(rotation.planned_end)})")
    if rotation.status == "cancelled":
        return f"từ ngày {started}, đã hủy" if started else "chưa bắt đầu, đã hủy"
    return "chưa bắt đầu"


def _general(db: Database, summary: follow.RotationSummary) -> list[Pair]:
    r = summary.rotation
    person = person_info(db, r.person_id)
    group = svc.load_rules(db).group(r.group_code)
    first_end = summary.events[0].old_end if summary.events else r.planned_end
    status = STATUS_LABELS.get(r.status, r.status)
    if r.status_reason:
        status += f" (lý do: {clean(r.status_reason)})"
    found = [Pair("Họ và tên", person.full_name), Pair(person.birth_label, person.birth),
             Pair("Chức vụ, đơn vị công tác", person.post),
             Pair("Đối tượng", clean(group.label) if group else "chưa xác định"),
             Pair("Đơn vị tiếp nhận", clean(r.host_unit)),
             Pair("Vị trí đảm nhiệm tại cơ sở", _host_post(db, r) or "chưa ghi"),
             Pair("Thời gian dự kiến", _period(r.planned_start, first_end)),
             Pair("Thời gian thực tế", _actual(r)),
             Pair("Quyết định cử đi", _decision(r) or "chưa có"),
             Pair("Trạng thái", status)]
    if r.note:
        found.append(Pair("Ghi chú", clean(r.note)))
    return [p for p in found if p.value]


def _evaluation_line(e: RotationEvaluation, on: dt.date) -> EvaluationLine:
    late = " (quá hạn)" if not e.done and e.due < on else ""
    if e.report_done:
        report = f"Nhận ngày {show(e.report_received)}."
        report += f" {clean(e.report_summary)}" if e.report_summary else ""
    else:
        report = "Chưa nhận báo cáo" + late
    if e.host_done:
        host = f"{clean(e.host_level)}."
        host += f" {clean(e.host_comments)}" if e.host_comments else ""
        who = ", ".join(v for v in (clean(e.evaluator), show(e.host_evaluated_on)) if v)
        host += f" ({who})" if who else ""
    else:
        host = "Chưa đánh giá" + late
    return EvaluationLine(
        label="Cuối kỳ" if e.kind == FINAL else f"Định kỳ lần {e.seq}",
        period=f"Từ {show(e.period_start)} đến {show(e.period_end)}", due=show(e.due),
        report=report, host=host)


def rotation_summary(db: Database, rotation_id: str, on: dt.date | None = None
                     ) -> RotationSummaryDoc:
    on = on or dt.date.today()
    summary = follow.summary(db, rotation_id, on)
    rotation = summary.rotation
    check = summary.check
    rules = [RuleLine(clean(r.title or r.rule), RESULT_WORDS.get(r.result, r.result),
                      clean(r.detail), r.result == PASS) for r in check.results] if check else []
    verdict = ""
    if check:
        counts = [f"{check.count(kind)} điều kiện {RESULT_WORDS[kind].lower()}"
                  for kind in (FAIL, UNKNOWN) if check.count(kind)]
        verdict = ("Kết luận: đủ điều kiện." if check.eligible
                   else f"Kết luận: chưa đủ điều kiện ({', '.join(counts)}).")
    overrides = [
        f"{OVERRIDE_LABELS.get(o.override.kind, o.override.kind)}: Quyết định số "
        f"{clean(o.override.decision_no)} ngày {show(o.override.decision_date)}. "
        f"Lý do: {clean(o.override.reason)}" for o in summary.overrides]
    events = []
    for event in summary.events:
        verb = "Gia hạn" if event.kind == "extension" else "Kết thúc sớm"
        line = (f"{verb} (ngày {show(event.event_date)}): ngày kết thúc từ "
                f"{show(event.old_end)} thành {show(event.new_end)}. Lý do: "
                f"{clean(event.reason).rstrip('.')}")
        events.append(line + (f". Quyết định số {clean(event.decision_no)}."
                              if event.decision_no else "."))
    name = clean(rotation.full_name)
    profile = load_profile(db)
    document = Document(
        header=office_header(db, office_date_line(db, on)), title=SUMMARY_TITLE,
        subtitle=[f"Đồng chí {name}"], signature=data.signature(profile, "NGƯỜI LẬP BIỂU"),
        recipients=["- Hồ sơ cán bộ;", "- Lưu VP."],
        pdf_title=f"Tóm tắt quá trình đi cơ sở – {name}")
    heading = (f"Kiểm tra điều kiện khi đề xuất (tính đến ngày bắt đầu "
               f"{show(check.start)})") if check else ""
    return RotationSummaryDoc(
        document=document, general=_general(db, summary), check_heading=heading,
        rules=rules, verdict=verdict, overrides=overrides, events=events,
        evaluations=[_evaluation_line(e, on) for e in summary.evaluations])
