"""One eligibility check shown rule by rule: a coloured mark, the rule and its reason."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from cadre_desktop.domain.dates import format_date
from cadre_desktop.domain.eligibility import EligibilityCheck
from cadre_desktop.ui.form_widgets import RESULT_COLOURS
from cadre_desktop.ui.rotation.words import result_word

_MARKS = {"pass": "✓", "fail": "✕", "unknown": "?"}


def check_html(check: EligibilityCheck, heading: str = "") -> str:
    rows = []
    for r in check.results:
        colour = RESULT_COLOURS.get(r.result, "#555555")
        rows.append(
            f"<tr><td style='color:{colour}; font-weight:bold; font-size:large'>"
            f"{_MARKS.get(r.result, '·')}</td>"
            f"<td><b>{html.escape(r.title or r.rule)}</b> "
            f"<span style='color:{colour}'>({html.escape(result_word(r.result))})</span>"
            f"<br>{html.escape(r.detail)}</td></tr>")
    head = f"<p><b>{html.escape(heading)}</b></p>" if heading else ""
    return f"{head}<table cellspacing='3' cellpadding='1'>{''.join(rows)}</table>"


class CheckView(QLabel):
    """A word-wrapped, selectable view of a check (the Vietnamese reasons as they are)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkView")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._check: EligibilityCheck | None = None

    @property
    def check(self) -> EligibilityCheck | None:
        return self._check

    def set_check(self, check: EligibilityCheck | None, heading: str = "",
                  empty: str = "") -> None:
        self._check = check
        if check is None:
            self.setText(html.escape(empty))
            return
        self.setText(check_html(check, heading))

    def plain_text(self) -> str:
        """The rules and reasons as lines (what a screen reader or a test reads)."""
        if self._check is None:
            return ""
        return "\n".join(f"{r.title or r.rule}: {result_word(r.result)} — {r.detail}"
                         for r in self._check.results)


def check_heading(check: EligibilityCheck, name: str) -> str:
    verdict = (QCoreApplication.translate("CheckView", "eligible") if check.eligible
               else QCoreApplication.translate("CheckView", "not eligible"))
    return f"{name} — {verdict} ({format_date(check.start)})"
