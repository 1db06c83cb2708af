import datetime as dt

import pytest

from cadre_desktop.domain import citizen_id
from cadre_desktop.domain.dates import PartialDate, age_on, parse_full, parse_partial
from cadre_desktop.domain.errors import InvalidInput
from cadre_desktop.domain.money import format_vnd
from cadre_desktop.domain.phone import normalise_phone


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("17/05/1998", "1998-05-17"),
        ("7/5/1998", "1998-05-07"),
        ("17.05.1998", "1998-05-17"),
        ("05/1998", "1998-05"),
        ("1998", "1998"),
        (1998, "1998"),
        (1998.0, "1998"),
        (dt.datetime(1998, 5, 17, 0, 0), "1998-05-17"),
        (dt.date(2000, 2, 29), "2000-02-29"),
        ("1998-05-17", "1998-05-17"),
    ],
)
def test_parse_partial(raw: object, iso: str) -> None:
    parsed = parse_partial(raw)
    assert parsed is not None and parsed.iso() == iso


@pytest.mark.parametrize("raw", ["31/02/2001", "29/02/2001", "00/05/1998", "13/1998", "1850",
                                 "abc", "17/05/98", 1998.5])
def test_impossible_or_unreadable_dates(raw: object) -> None:
    with pytest.raises(InvalidInput):
        parse_partial(raw)


def test_blank_is_none() -> None:
    assert parse_partial(None) is None
    assert parse_partial("  ") is None


def test_display() -> None:
    assert PartialDate(1998, 5, 7).display() == "07/05/1998"
    assert PartialDate(1998, 5).display() == "05/1998"
    assert PartialDate(1998).display() == "1998"


def test_parse_full_refuses_partial() -> None:
    with pytest.raises(InvalidInput):
        parse_full("05/2024")
    assert parse_full("01/06/2024") == dt.date(2024, 6, 1)


def test_age_on_birthday_edges() -> None:
    born = PartialDate(1996, 3, 15)
    assert age_on(born, dt.date(2026, 3, 14)) == 29
    assert age_on(born, dt.date(2026, 3, 15)) == 30
    assert age_on(PartialDate(1996), dt.date(2026, 1, 1)) == 30


def test_citizen_id_restores_lost_zero_with_warning() -> None:
    check = citizen_id.normalise(79098001234)
    assert check is not None
    assert check.value == "079098001234"
    assert "thiếu số 0" in check.warnings[0]


def test_citizen_id_old_cmnd_kept_as_text() -> None:
    check = citizen_id.normalise("012345678")
    assert check is not None and check.value == "012345678" and not check.warnings


@pytest.mark.parametrize("raw", ["12345", "07909800123X", "1234567890123"])
def test_citizen_id_refused(raw: str) -> None:
    with pytest.raises(InvalidInput):
        citizen_id.normalise(raw)


def test_citizen_id_consistency() -> None:
    # 079 TP.HCM, 0 = 1900s male, 98 -> 1998
    assert citizen_id.consistency_warnings("079098001234", PartialDate(1998), "M") == []
    warnings = citizen_id.consistency_warnings("079098001234", PartialDate(1999, 1, 1), "F")
    assert len(warnings) == 2
    assert "1998" in warnings[0] and "Nam" in warnings[1]
    # 2000s female
    assert citizen_id.consistency_warnings("072305001234", PartialDate(2005), "F") == []
    assert "Mã tỉnh" in citizen_id.consistency_warnings("003098001234", None, None)[0]


def test_phone() -> None:
    assert normalise_phone("0912 345 678") == ("0912345678", [])
    assert normalise_phone(912345678)[0] == "0912345678"  # type: ignore[index]
    assert normalise_phone("+84912345678") == ("0912345678", [])
    with pytest.raises(InvalidInput):
        normalise_phone("12ab")


def test_money() -> None:
    assert format_vnd(1_340_000_000) == "1.340.000.000 đ"
    assert format_vnd(0) == "0 đ"
