"""`report training` (the periodic training report as JSON, PDF or .xlsx), `report
draft` (the clerk's text of a report: number, subject, sections II-IV, recipients) and
`report offices` (the province's roll-up of the offices below it)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cadre_desktop.cli.output import EXIT_OK, print_json, say
from cadre_desktop.cli.plan_cmds import iso_date
from cadre_desktop.domain.errors import UserError
from cadre_desktop.domain.report_period import KINDS
from cadre_desktop.store.db import open_database

if TYPE_CHECKING:
    from cadre_desktop.services.reports import TrainingReport
    from cadre_desktop.services.rollup import RollupRow

_TEXTS = {"assessment": "II. Đánh giá chung", "directions": "III. Phương hướng, nhiệm vụ",
          "proposals": "IV. Đề xuất, kiến nghị", "recipients": "Nơi nhận, một dòng mỗi nơi"}


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    report = commands.add_parser("report", help="periodic reports")
    sub = report.add_subparsers(dest="report_command", required=True,
                                parser_class=type(report))
    training = sub.add_parser("training", parents=[common],
                              help="the training report for a date range")
    _range(training)
    training.add_argument("-o", "--output", type=Path, default=None,
                          help="write the report to FILE.pdf or FILE.xlsx")
    training.add_argument("--office", default=None,
                          help="report for this office (its code) and those below it")
    training.add_argument("--number", default=None,
                          help="the document number (default: the draft's, else blank)")
    training.add_argument("--date", type=iso_date, default=None,
                          help="the date of the place/date line, YYYY-MM-DD (default: today)")
    training.add_argument("--json", action="store_true")
    training.set_defaults(handler=run_training)

    draft = sub.add_parser("draft", parents=[common],
                           help="save the clerk's text of a report (kept per range and kind)")
    _range(draft)
    draft.add_argument("--number", default=None, help="the document number")
    draft.add_argument("--subject", default=None, help="the subject line")
    for name, what in _TEXTS.items():
        draft.add_argument(f"--{name}", type=Path, default=None, metavar="FILE",
                           help=f"a UTF-8 text file: {what}")
    draft.add_argument("--json", action="store_true")
    draft.set_defaults(handler=run_draft)

    offices = sub.add_parser("offices", parents=[common],
                             help="the offices below: last bundles and each target's figures")
    offices.add_argument("--plan", default=None,
                         help="the plan's id (default: the plan of this office running on --on)")
    offices.add_argument("--on", type=iso_date, default=None,
                         help="count what was recorded up to this day, YYYY-MM-DD (default: "
                              "today)")
    offices.add_argument("-o", "--output", type=Path, default=None,
                         help="write the roll-up to FILE.pdf or FILE.xlsx")
    offices.add_argument("--number", default=None, help="the document number (PDF)")
    offices.add_argument("--json", action="store_true")
    offices.set_defaults(handler=run_offices)


def _range(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="start", type=iso_date, required=True,
                        help="the first day, YYYY-MM-DD")
    parser.add_argument("--to", dest="end", type=iso_date, required=True,
                        help="the last day, YYYY-MM-DD")
    parser.add_argument("--kind", choices=list(KINDS), default=None,
                        help="six_month, annual, mid_term or final (default: from the range)")


def report_document(report: TrainingReport) -> dict[str, Any]:
    """The contract's keys for services.reports.TrainingReport."""
    return {
        "from": report.start.isoformat(), "to": report.end.isoformat(),
        "kind": report.kind, "subject": report.subject,
        "classes": report.classes, "enrolments": report.enrolments,
        "completions": report.completions, "people": report.people,
        "budget_planned": report.budget_planned, "budget_actual": report.budget_actual,
        "by_program": [{"program_id": p.programme_id, "name": p.name, "classes": p.classes,
                        "enrolments": p.enrolments, "completions": p.completions,
                        "budget_planned": p.planned, "budget_actual": p.actual}
                       for p in report.by_programme],
        "by_group": [{"group": g.group, "enrolments": g.enrolments,
                      "completions": g.completions} for g in report.by_group],
        "targets": [{"id": f.id, "name": f.name, "kind": f.kind,
                     "value": f.numerator if f.kind == "count" else f.value,
                     "goal": int(f.goal) if f.kind == "count" else f.goal, "met": f.met}
                    for f in report.targets],
    }


def run_training(args: argparse.Namespace) -> int:
    from cadre_desktop.services.reports import check_output, training_report

    out: Path | None = args.output
    suffix = check_output(out.suffix) if out else ""
    if out and not out.parent.resolve().is_dir():
        raise UserError(f"Không có thư mục {out.parent}")
    db = open_database(args.db, read_only=True)
    try:
        report = training_report(db, args.start, args.end, args.kind, args.office)
        if out and suffix == ".pdf":
            from cadre_desktop.printing.training_report import print_training_report

            try:
                pages = print_training_report(db, report, out, number=args.number,
                                              on=args.date)
            except OSError as exc:
                raise UserError(f"Không ghi được tệp {out}: {exc.strerror or exc}") from exc
            say(f"Đã in {pages} trang vào {out}")
        elif out:
            from cadre_desktop.exporting.report_xlsx import export_training_report

            export_training_report(report, out)
            say(f"Đã ghi {out}")
    finally:
        db.close()
    if args.json:
        print_json(report_document(report))
    elif not out:
        say(f"{report.subject}: {report.classes} lớp, {report.enrolments} lượt học viên, "
            f"{report.completions} lượt hoàn thành; "
            f"{sum(f.met for f in report.targets)}/{len(report.targets)} chỉ tiêu đạt")
    return EXIT_OK


def run_offices(args: argparse.Namespace) -> int:
    from cadre_desktop.services.reports import check_output
    from cadre_desktop.services.rollup import office_rollup, rollup_table

    out: Path | None = args.output
    suffix = check_output(out.suffix) if out else ""
    if out and not out.parent.resolve().is_dir():
        raise UserError(f"Không có thư mục {out.parent}")
    db = open_database(args.db, read_only=True)
    try:
        rollup = office_rollup(db, args.plan, args.on)
        if out and suffix == ".pdf":
            from cadre_desktop.printing import lists

            try:
                pages = lists.render(db, rollup_table(rollup, for_print=True), out,
                                     number=args.number, on=args.on)
            except OSError as exc:
                raise UserError(f"Không ghi được tệp {out}: {exc.strerror or exc}") from exc
            say(f"Đã in {pages} trang vào {out}")
        elif out:
            from cadre_desktop.exporting.list_export import export_table

            export_table(rollup_table(rollup), out)
            say(f"Đã ghi {out}")
    finally:
        db.close()
    if args.json:
        print_json(rollup.to_json())
    elif not out:
        plan = rollup.plan.name if rollup.plan else "chưa có kế hoạch"
        say(f"{len(rollup.rows)} đơn vị cấp dưới ({plan}): {rollup.overdue} quá hạn gửi gói, "
            f"{rollup.behind} chưa đạt chỉ tiêu")
        for row in rollup.rows:
            figures = "; ".join(f"{t.name}: {c.text}{' (chưa đạt)' if c.behind else ''}"
                                for t, c in zip(rollup.targets, row.cells, strict=True))
            say(f"- {row.office.name}: {_bundle_words(row)}{'; ' + figures if figures else ''}")
    return EXIT_OK


def _bundle_words(row: RollupRow) -> str:
    from cadre_desktop.services.rollup import bundle_state

    s = row.status
    if s.last_sequence is None:
        return bundle_state(s)
    return f"gói số {s.last_sequence}, {s.days_since} ngày trước ({bundle_state(s).lower()})"


def _read(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        return path.read_text("utf-8-sig")
    except OSError as exc:
        raise UserError(f"Không đọc được tệp {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise UserError(f"Tệp {path} không phải văn bản UTF-8") from exc


def run_draft(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from cadre_desktop.domain.report_period import check_range
    from cadre_desktop.services.reports import get_draft, save_draft

    check_range(args.start, args.end)  # before the file is opened (or created)
    texts = {name: _read(getattr(args, name)) for name in _TEXTS}
    db = open_database(args.db)
    try:
        draft = get_draft(db, args.start, args.end, args.kind)
        changes = {k: v for k, v in {**texts, "number": args.number,
                                     "subject": args.subject}.items() if v is not None}
        draft = replace(draft, **changes)
        draft_id = save_draft(db, draft)
    finally:
        db.close()
    if args.json:
        print_json({"id": draft_id, "kind": draft.kind, "from": draft.start.isoformat(),
                    "to": draft.end.isoformat(), "number": draft.number,
                    "subject": draft.subject})
    else:
        say(f"Đã lưu nội dung báo cáo {draft.start:%d/%m/%Y} – {draft.end:%d/%m/%Y}")
    return EXIT_OK
