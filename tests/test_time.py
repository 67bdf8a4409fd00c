from datetime import UTC, date, datetime

import pytest

from chronik.time import PartialDate, parse_date


@pytest.mark.parametrize(
    ("raw", "value", "precision"),
    [
        ("2017", "2017", "year"),
        ("2017-03", "2017-03", "month"),
        ("2017-03-05", "2017-03-05", "day"),
        ("2017-03-05T10:20", "2017-03-05T10:20", "minute"),
        ("2017-03-05T10:20:30+01:00", "2017-03-05T10:20:30+01:00", "second"),
        ("2017-03-05T10:20:30Z", "2017-03-05T10:20:30+00:00", "second"),
        ("05.03.2017", "2017-03-05", "day"),
        ("5. März 2017", "2017-03-05", "day"),
        ("März 2017", "2017-03", "month"),
        ("Sun, 05 Mar 2017 10:20:30 +0100", "2017-03-05T10:20:30+01:00", "second"),
        (2017, "2017", "year"),
        (date(2017, 3, 5), "2017-03-05", "day"),
    ],
)
def test_time_parse_date_keeps_precision(raw, value, precision):
    pd = parse_date(raw)
    assert pd == PartialDate(value, precision)


@pytest.mark.parametrize("raw", ["", "  ", "gestern", "2017-13", "2017-02-30", "32.01.2017", None, 3.5, "0999"])
def test_time_parse_date_rejects_non_dates(raw):
    assert parse_date(raw) is None


def test_time_partial_date_covers_its_period():
    assert parse_date("2016-02").first_day == date(2016, 2, 1)
    assert parse_date("2016-02").last_day == date(2016, 2, 29)
    assert parse_date("2017").last_day == date(2017, 12, 31)
    assert parse_date("2017-03-05").first_day == parse_date("2017-03-05").last_day


def test_time_datetime_object_is_seconds():
    pd = parse_date(datetime(2020, 1, 2, 3, 4, 5, tzinfo=UTC))
    assert pd.precision == "second" and pd.value.startswith("2020-01-02T03:04:05")
