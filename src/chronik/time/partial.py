"""Dates that keep their precision: `2017` is a year, `2017-03` a month, `2017-03-05` a day.

A news record often knows only the month of publication; widening it to `2017-03-01` would invent a
day. `PartialDate` keeps what is known, and gives the first and last day it covers for range queries.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from typing import Literal

Precision = Literal["year", "month", "day", "minute", "second"]

MONTHS_DE = {
    "januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feber": 2, "feb": 2, "märz": 3, "maerz": 3, "mär": 3,
    "mrz": 3, "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8,
    "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "dezember": 12, "dez": 12,
}
_MONTH_RE = "|".join(sorted(MONTHS_DE, key=len, reverse=True))

_ISO = re.compile(
    r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})"
    r"(?:[T ](?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?(?P<tz>Z|[+-]\d{2}:?\d{2})?)?)?)?$"
)
_DOTTED = re.compile(r"^(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4})$")
_GERMAN_DAY = re.compile(rf"^(?P<d>\d{{1,2}})\.\s*(?P<m>{_MONTH_RE})\.?\s+(?P<y>\d{{4}})$", re.I)
_GERMAN_MONTH = re.compile(rf"^(?P<m>{_MONTH_RE})\.?\s+(?P<y>\d{{4}})$", re.I)


@dataclass(frozen=True, order=True)
class PartialDate:
    """An ISO 8601 date string (`2017`, `2017-03`, `2017-03-05`, `2017-03-05T10:20:00+01:00`)."""

    value: str
    precision: Precision

    def __str__(self) -> str:
        return self.value

    @property
    def first_day(self) -> date:
        y = int(self.value[:4])
        if self.precision == "year":
            return date(y, 1, 1)
        m = int(self.value[5:7])
        if self.precision == "month":
            return date(y, m, 1)
        return date(y, m, int(self.value[8:10]))

    @property
    def last_day(self) -> date:
        y = int(self.value[:4])
        if self.precision == "year":
            return date(y, 12, 31)
        m = int(self.value[5:7])
        if self.precision == "month":
            return date(y, m, calendar.monthrange(y, m)[1])
        return self.first_day

    @classmethod
    def from_datetime(cls, dt: datetime, precision: Precision = "second") -> PartialDate:
        if precision == "day":
            return cls(dt.date().isoformat(), "day")
        spec = "minutes" if precision == "minute" else "seconds"
        return cls(dt.isoformat(timespec=spec), precision)


def _checked(y: int, m: int | None = None, d: int | None = None) -> bool:
    try:
        date(y, m or 1, d or 1)
    except ValueError:
        return False
    return 1000 <= y <= 2999


def parse_date(raw: object) -> PartialDate | None:
    """Parse a publication date, keeping its precision; None when it is not a date.

    Understands ISO 8601 (`2017`, `2017-03`, `2017-03-05`, with a time and zone), German forms
    (`05.03.2017`, `5. März 2017`, `März 2017`), RFC 2822 as used by feeds and e-mail, and
    `datetime`/`date` objects.
    """
    if raw is None:
        return None
    if isinstance(raw, datetime):
        return PartialDate.from_datetime(raw)
    if isinstance(raw, date):
        return PartialDate(raw.isoformat(), "day")
    if isinstance(raw, int) and 1000 <= raw <= 2999:
        return PartialDate(str(raw), "year")
    if not isinstance(raw, str):
        return None
    s = raw.strip()
    if not s:
        return None
    m = _ISO.match(s)
    if m:
        y, mo, d = int(m["y"]), m["m"], m["d"]
        if not _checked(y, int(mo) if mo else None, int(d) if d else None):
            return None
        if m["H"] is None:
            if d:
                return PartialDate(f"{y:04d}-{mo}-{d}", "day")
            if mo:
                return PartialDate(f"{y:04d}-{mo}", "month")
            return PartialDate(f"{y:04d}", "year")
        try:
            dt = datetime.fromisoformat(s.replace(" ", "T").replace("Z", "+00:00"))
        except ValueError:
            return None
        return PartialDate.from_datetime(dt, "second" if m["S"] else "minute")
    for pattern in (_DOTTED, _GERMAN_DAY):
        m = pattern.match(s)
        if m:
            mo_s = m["m"].lower()
            mo_i = int(mo_s) if mo_s.isdigit() else MONTHS_DE[mo_s]
            y, d_i = int(m["y"]), int(m["d"])
            return PartialDate(f"{y:04d}-{mo_i:02d}-{d_i:02d}", "day") if _checked(y, mo_i, d_i) else None
    m = _GERMAN_MONTH.match(s)
    if m:
        return PartialDate(f"{int(m['y']):04d}-{MONTHS_DE[m['m'].lower()]:02d}", "month")
    try:
        dt = parsedate_to_datetime(s)
    except (TypeError, ValueError, IndexError):
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return PartialDate.from_datetime(dt)
