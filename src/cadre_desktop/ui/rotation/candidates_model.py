"""The year's candidates as a table: eligible first (the service's ranking), one column per
rule with its result as an icon and its reason as the tooltip."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QColor, QIcon

from cadre_desktop.domain.eligibility import FAIL, PASS, UNKNOWN, EligibilityCheck, RuleResult
from cadre_desktop.services.rotation import Candidate
from cadre_desktop.ui.form_widgets import RESULT_COLOURS, result_icon
from cadre_desktop.ui.kit.table_model import CENTRE, Column, ListTableModel
from cadre_desktop.ui.rotation.words import RULE_KEYS, result_word, rule_header

NAME, UNIT, VERDICT, GROUP = range(4)
FIRST_RULE = 4


def verdict(check: EligibilityCheck) -> tuple[str, str]:
    """(result code, words) for the whole check."""
    if check.eligible:
        return PASS, QCoreApplication.translate("CandidatesModel", "Eligible")
    failed = check.count(FAIL)
    if failed:
        return FAIL, QCoreApplication.translate("CandidatesModel", "%n not met",
                                                "", failed)
    missing = check.count(UNKNOWN)
    return UNKNOWN, QCoreApplication.translate("CandidatesModel", "%n lack data", "", missing)


def rule_result(check: EligibilityCheck, rule: str) -> RuleResult | None:
    return next((r for r in check.results if r.rule == rule), None)


def _verdict_tip(candidate: Candidate) -> str:
    return "\n".join(f"{r.title or r.rule}: {r.detail}"
                     for r in candidate.check.problems()) or verdict(candidate.check)[1]


def _rule_column(rule: str) -> Column[Candidate]:
    """A rule's result shown by its icon alone; the tooltip gives the reason."""

    def found(c: Candidate) -> RuleResult | None:
        return rule_result(c.check, rule)

    def tip(c: Candidate) -> str:
        r = found(c)
        return f"{r.title or r.rule} — {result_word(r.result)}\n{r.detail}" if r else ""

    def spoken(c: Candidate) -> str:
        r = found(c)
        return result_word(r.result) if r else ""

    def icon(c: Candidate) -> QIcon | None:
        r = found(c)
        return result_icon(r.result) if r else None

    header = rule_header(rule)
    return Column(header, lambda _c: "", CENTRE, tooltip=tip, icon=icon, spoken=spoken,
                  header_tip=header)


def _verdict_colour(candidate: Candidate) -> QColor:
    return QColor(RESULT_COLOURS[verdict(candidate.check)[0]])


class CandidatesModel(ListTableModel[Candidate]):
    def __init__(self, parent: QObject | None = None) -> None:
        self._groups: dict[str, str] = {}
        super().__init__([
            Column(self.tr("Full name"), lambda c: c.full_name),
            Column(self.tr("Unit"), lambda c: c.unit),
            Column(self.tr("Result"), lambda c: verdict(c.check)[1], tooltip=_verdict_tip,
                   icon=lambda c: result_icon(verdict(c.check)[0]), colour=_verdict_colour),
            Column(self.tr("Group"), self._group_text,
                   tooltip=lambda c: self._groups.get(c.check.group_code or "", "")),
        ] + [_rule_column(rule) for rule in RULE_KEYS], parent)

    def _group_text(self, candidate: Candidate) -> str:
        group = candidate.check.group_code
        return self.tr("Group %1").replace("%1", group) if group else ""

    def set_candidates(self, rows: list[Candidate], groups: dict[str, str]) -> None:
        """groups: group code -> the plan's label for it (shown as the tooltip)."""
        self._groups = dict(groups)
        self.set_rows(rows)

    def row_of_person(self, person_id: str | None) -> int:
        return self.row_of(lambda c: c.person_id == person_id)
