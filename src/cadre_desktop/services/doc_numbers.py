"""Document and certificate numbers as the office's settings make them, for the number
fields of the GUI: the line the paper will show while the clerk types ("Số: 15-DS/ĐTN",
"Số: 15/GCN-ĐTN") and, when what was typed cannot be used, why."""

from __future__ import annotations

from dataclasses import dataclass

from cadre_desktop.domain import text
from cadre_desktop.domain.doc_number import (
    CERTIFICATE_PATTERN,
    PREFIX,
    NumberCheck,
    certificate_number,
    check_certificate_pattern,
    check_number,
)
from cadre_desktop.store import enrolment as enrol_store
from cadre_desktop.store.handle import Handle
from cadre_desktop.store.profile import load_profile

# The kind of each class document in its number ("DS": danh sách, "TB": thông báo).
KINDS = {"attendance": "DS", "participants": "DS", "schedule": "TB"}


def number_preview(db: Handle, typed: str, kind: str = "DS") -> NumberCheck:
    """What the number typed gives on a document of `kind`: `line` is the paper's
    "Số: 15-DS/ĐTN" (a blank to fill when nothing is typed), `message` why it cannot be
    used ('' when it can)."""
    return check_number(typed, kind, load_profile(db).doc_suffix)


@dataclass(frozen=True)
class CertificateNumbers:
    """The certificate numbers a year has given: read once, so that the Settings field
    shows the next number at every key the clerk types without asking the database."""

    year: int
    taken: frozenset[str]

    def next_number(self, pattern: str, symbol: str) -> NumberCheck:
        """The next certificate as `pattern` (blank: the default) and the office symbol
        make it: `line` is the paper's "Số: 15/GCN-ĐTN"; `message` says why the pattern
        cannot be used ('' when it can). Numbered on from the year's certificates, past
        any number already given, as services.attendance.assign_certificates numbers."""
        pattern = text.clean(pattern) or CERTIFICATE_PATTERN
        message = check_certificate_pattern(pattern)
        if message:
            return NumberCheck(None, "", message)
        seq = len(self.taken) + 1
        number = certificate_number(seq, self.year, symbol, pattern)
        while number in self.taken:
            seq += 1
            number = certificate_number(seq, self.year, symbol, pattern)
        return NumberCheck(number, f"{PREFIX}{number}", "")


def certificate_numbers(db: Handle, year: int) -> CertificateNumbers:
    """The numbers of the certificates dated in `year` (a class's end date)."""
    return CertificateNumbers(year, frozenset(enrol_store.certificates_of_year(db, year)))
