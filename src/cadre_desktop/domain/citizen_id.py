"""Citizen ID (thẻ căn cước / CCCD, 12 digits) and old CMND (9 digits).

A 12-digit number is: province of birth registration (3) + century/gender (1) + two
digits of the birth year (2) + serial (6). There is no checksum, so the only check is
consistency with the person's birth date and gender; a mismatch is a warning the clerk
confirms, never a silent fix.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cadre_desktop.domain.dates import PartialDate
from cadre_desktop.domain.errors import InvalidInput

# Province codes of birth registration (the pre-2025 list of 63).
PROVINCES: dict[str, str] = {
    "001": "Hà Nội", "002": "Hà Giang", "004": "Cao Bằng", "006": "Bắc Kạn",
    "008": "Tuyên Quang", "010": "Lào Cai", "011": "Điện Biên", "012": "Lai Châu",
    "014": "Sơn La", "015": "Yên Bái", "017": "Hòa Bình", "019": "Thái Nguyên",
    "020": "Lạng Sơn", "022": "Quảng Ninh", "024": "Bắc Giang", "025": "Phú Thọ",
    "026": "Vĩnh Phúc", "027": "Bắc Ninh", "030": "Hải Dương", "031": "Hải Phòng",
    "033": "Hưng Yên", "034": "Thái Bình", "035": "Hà Nam", "036": "Nam Định",
    "037": "Ninh Bình", "038": "Thanh Hóa", "040": "Nghệ An", "042": "Hà Tĩnh",
    "044": "Quảng Bình", "045": "Quảng Trị", "046": "Thừa Thiên Huế", "048": "Đà Nẵng",
    "049": "Quảng Nam", "051": "Quảng Ngãi", "052": "Bình Định", "054": "Phú Yên",
    "056": "Khánh Hòa", "058": "Ninh Thuận", "060": "Bình Thuận", "062": "Kon Tum",
    "064": "Gia Lai", "066": "Đắk Lắk", "067": "Đắk Nông", "068": "Lâm Đồng",
    "070": "Bình Phước", "072": "Tây Ninh", "074": "Bình Dương", "075": "Đồng Nai",
    "077": "Bà Rịa - Vũng Tàu", "079": "TP. Hồ Chí Minh", "080": "Long An",
    "082": "Tiền Giang", "083": "Bến Tre", "084": "Trà Vinh", "086": "Vĩnh Long",
    "087": "Đồng Tháp", "089": "An Giang", "091": "Kiên Giang", "092": "Cần Thơ",
    "093": "Hậu Giang", "094": "Sóc Trăng", "095": "Bạc Liêu", "096": "Cà Mau",
}

# Century/gender digit -> (first year of the century, gender)
_CENTURY = {
    "0": (1900, "M"), "1": (1900, "F"), "2": (2000, "M"), "3": (2000, "F"),
    "4": (2100, "M"), "5": (2100, "F"), "6": (2200, "M"), "7": (2200, "F"),
    "8": (1800, "M"), "9": (1800, "F"),
}


@dataclass
class IdCheck:
    value: str
    warnings: list[str] = field(default_factory=list)


def normalise(raw: object) -> IdCheck | None:
    """Digits only, as text; restores a leading zero Excel dropped (with a warning).

    Raises InvalidInput when the value cannot be an ID number at all.
    """
    if raw is None:
        return None
    if isinstance(raw, float):
        if not raw.is_integer():
            raise InvalidInput(f"Số CCCD '{raw}' không hợp lệ", "citizen_id")
        raw = int(raw)
    text = str(raw).strip().replace(" ", "").replace(".", "")
    if not text:
        return None
    if not text.isdigit():
        raise InvalidInput(f"Số CCCD '{text}' chỉ được gồm chữ số", "citizen_id")
    check = IdCheck(text)
    if len(text) in (11, 8):
        check.value = "0" + text
        check.warnings.append(
            f"Số CCCD '{text}' thiếu số 0 ở đầu (Excel đã bỏ); đã khôi phục thành '{check.value}'"
        )
    if len(check.value) not in (9, 12):
        raise InvalidInput(
            f"Số CCCD '{text}' phải có 12 chữ số (hoặc 9 với CMND cũ)", "citizen_id"
        )
    return check


def consistency_warnings(
    citizen_id: str, birth: PartialDate | None, gender: str | None
) -> list[str]:
    """Warnings where a 12-digit ID disagrees with the birth date, gender or province list."""
    if len(citizen_id) != 12:
        return []
    warnings: list[str] = []
    province = citizen_id[:3]
    if province not in PROVINCES:
        warnings.append(f"Mã tỉnh '{province}' trong số CCCD không có trong danh mục")
    century, id_gender = _CENTURY[citizen_id[3]]
    year = century + int(citizen_id[4:6])
    if birth is not None and birth.year != year:
        warnings.append(
            f"Số CCCD cho năm sinh {year}, khác năm sinh đã nhập ({birth.year})"
        )
    if gender in ("M", "F") and gender != id_gender:
        said = "Nam" if id_gender == "M" else "Nữ"
        warnings.append(f"Số CCCD cho giới tính {said}, khác giới tính đã nhập")
    return warnings
