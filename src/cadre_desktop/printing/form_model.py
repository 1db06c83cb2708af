"""What the rotation and member programme forms print, as plain values: built by
rotation_data.py and member_data.py, drawn by rotation_forms.py and member_forms.py.

As in model.py, every string is NFC and final; an empty value is a blank the clerk (or
the person signing) fills by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cadre_desktop.printing.model import Document

SIGN_HINT = "(Ký, ghi rõ họ tên)"
STAMP_HINT = "(Ký tên, đóng dấu)"


@dataclass(frozen=True)
class SignBlock:
    """One signature column: bold lines ("TM. BAN THƯỜNG VỤ", "BÍ THƯ"), an italic hint,
    room to sign, then the name (blank when unknown)."""

    lines: tuple[str, ...]
    hint: str = SIGN_HINT
    name: str = ""


@dataclass(frozen=True)
class Pair:
    """'Label: value' on a form; a blank value prints a dotted line to write on."""

    label: str
    value: str


@dataclass(frozen=True)
class EvaluationForm:
    """The six-month (or final) evaluation of a cadre on rotation: the cadre's report and
    the host unit's evaluation, filled in when recorded, blank lines when not."""

    document: Document               # title; subtitle: the round; details: its period
    cadre: list[Pair]
    report_received: str             # "03/07/2025" or ""
    report_summary: str
    levels: list[str]                # the rating scale in force, best first
    chosen: str                      # the recorded level's label, "" when not evaluated
    comments: str
    evaluator: str
    evaluated_on: str
    signatures: tuple[SignBlock, ...]


@dataclass(frozen=True)
class RuleLine:
    title: str                       # "Không quá 30 tuổi"
    result: str                      # "Đạt" / "Không đạt" / "Chưa rõ"
    detail: str
    passed: bool


@dataclass(frozen=True)
class EvaluationLine:
    label: str                       # "Định kỳ lần 1" / "Cuối kỳ"
    period: str                      # "Từ 01/01/2025 đến 01/07/2025"
    due: str
    report: str                      # "Nhận ngày 03/07/2025. <summary>" or "Chưa có báo cáo"
    host: str                        # "<level>. <comments> (<evaluator>, <date>)" or "Chưa …"


@dataclass(frozen=True)
class RotationSummaryDoc:
    document: Document
    general: list[Pair]
    check_heading: str               # "" when no check was stored
    rules: list[RuleLine]
    verdict: str
    overrides: list[str]
    events: list[str]
    evaluations: list[EvaluationLine]


@dataclass(frozen=True)
class AreaItems:
    heading: str                     # "1. Lý tưởng cách mạng, nhận thức chính trị"
    number: int
    items: list[tuple[str, str]] = field(default_factory=list)   # (criterion, plan)


@dataclass(frozen=True)
class RegistrationForm:
    document: Document               # subtitle: "Chương trình rèn luyện … năm 2025–2026"
    member: list[Pair]
    areas: list[AreaItems]
    total: str                       # "Tổng số: 10 tiêu chí"
    decisions: list[str]             # the two choices of the branch committee
    chosen: str                      # the one decided, "" while not decided
    comment: str
    decided_on: str
    signatures: tuple[SignBlock, ...]


@dataclass(frozen=True)
class ResultRow:
    number: int
    full_name: str
    self_scores: tuple[str, ...]     # one per self-evaluation round ("" none)
    score: str
    classification: str
    note: str


@dataclass(frozen=True)
class BranchResults:
    document: Document
    rounds: list[str]                # the self-evaluation columns' headings
    rows: list[ResultRow]
    counts: list[tuple[str, int]]    # (classification, members) in the bands' order
