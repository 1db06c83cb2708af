"""The periodic training report's kinds and the wording of its subject.

Reviews of a plan (DOMAIN: Plans, targets and reports): 6-month (sơ kết 6 tháng), yearly
(tổng kết năm), mid-term (sơ kết giữa kỳ) and final (tổng kết giai đoạn). Any date range
can be reported; the kind only changes the subject line.
"""

from __future__ import annotations

import datetime as dt

from cadre_desktop.domain.errors import InvalidInput

KINDS = {"six_month": "Sơ kết 6 tháng", "annual": "Tổng kết năm",
         "mid_term": "Sơ kết giữa kỳ", "final": "Tổng kết giai đoạn"}
TOPIC = "công tác đào tạo, bồi dưỡng cán bộ Đoàn"


def check_range(start: dt.date, end: dt.date) -> None:
    if end < start:
        raise InvalidInput(f"Khoảng thời gian không hợp lệ: ngày kết thúc {end:%d/%m/%Y} "
                           f"trước ngày bắt đầu {start:%d/%m/%Y}", "to")


def check_kind(kind: str) -> None:
    if kind and kind not in KINDS:
        raise InvalidInput(f"Loại báo cáo '{kind}' không hợp lệ (chọn một trong: "
                           f"{', '.join(KINDS)})", "kind")


def infer_kind(start: dt.date, end: dt.date,
               plan_period: tuple[dt.date, dt.date] | None = None) -> str:
    """The kind a range most likely is: a half year, a calendar year, the whole plan
    period; '' for any other range."""
    if plan_period and (start, end) == plan_period:
        return "final"
    if start.year == end.year and (start.month, start.day) in ((1, 1), (7, 1)) \
            and (end.month, end.day) in ((6, 30), (12, 31)):
        return "annual" if (start.month, end.month) == (1, 12) else "six_month"
    return ""


def _period(plan_period: tuple[dt.date, dt.date] | None) -> str:
    if plan_period is None:
        return ""
    first, last = plan_period
    return f" giai đoạn {first.year} - {last.year}" if first.year != last.year \
        else f" năm {first.year}"


def subject(kind: str, start: dt.date, end: dt.date,
            plan_period: tuple[dt.date, dt.date] | None = None) -> str:
    """'Kết quả công tác đào tạo, bồi dưỡng cán bộ Đoàn 6 tháng đầu năm 2026' and so on."""
    dates = f" từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}"
    if kind == "six_month":
        half = "đầu" if end.month <= 6 else "cuối"
        if start.year == end.year and end.month in (6, 12):
            return f"Kết quả {TOPIC} 6 tháng {half} năm {end.year}"
        return f"Kết quả {TOPIC} 6 tháng{dates}"
    if kind == "annual":
        if start.year == end.year:
            return f"Kết quả {TOPIC} năm {end.year}"
        return f"Kết quả {TOPIC}{dates}"
    if kind == "mid_term":
        return f"Sơ kết giữa kỳ {TOPIC}{_period(plan_period) or dates}"
    if kind == "final":
        return f"Tổng kết {TOPIC}{_period(plan_period) or dates}"
    return f"Kết quả {TOPIC}{dates}"
