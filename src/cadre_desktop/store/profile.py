"""The office profile: the names and titles printed on documents."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from cadre_desktop.domain import text
from cadre_desktop.store.handle import Handle
from cadre_desktop.store.tx import Transaction

_PREFIX = "profile."


@dataclass
class OfficeProfile:
    office_name: str = ""       # the issuing body, e.g. "BCH ĐOÀN PHƯỜNG GIA LỘC"
    office_code: str = ""
    upper_body: str = ""        # e.g. "TỈNH ĐOÀN TÂY NINH"
    place_name: str = ""        # for the date line: "Gia Lộc, ngày ... "
    signer_title: str = ""      # e.g. "BÍ THƯ"
    signer_name: str = ""
    doc_suffix: str = ""        # e.g. "ĐTN" in "Số: 12-KH/ĐTN"
    certificate_pattern: str = ""  # e.g. "{số}/GCN-{ký hiệu}"; "" is that default

    @property
    def complete(self) -> bool:
        return bool(self.office_name and self.office_code and self.place_name)


def load_profile(db: Handle) -> OfficeProfile:
    rows = dict(db.conn.execute(
        "SELECT key, value FROM setting WHERE key LIKE ?", (_PREFIX + "%",)
    ).fetchall())
    return OfficeProfile(**{
        f.name: rows.get(_PREFIX + f.name, "") for f in fields(OfficeProfile)
    })


def save_profile(tx: Transaction, profile: OfficeProfile) -> None:
    for key, value in asdict(profile).items():
        value = text.clean(value)
        old = tx.conn.execute("SELECT value FROM setting WHERE key = ?",
                              (_PREFIX + key,)).fetchone()
        if old and old[0] == value:
            continue
        tx.conn.execute("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                        (_PREFIX + key, value))
        tx.note("setting", _PREFIX + key, {"old": old[0] if old else None, "new": value})
    tx.conn.execute(
        "UPDATE office SET code = ?, name = ?, updated_at = ? WHERE id = ?",
        (text.clean(profile.office_code), text.clean(profile.office_name), tx.stamp,
         tx.office_id),
    )
