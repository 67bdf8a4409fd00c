"""Event dates from the words of a sentence, resolved against the publication date, keeping precision.

    "am 19. Juni dieses Jahres" -> 2006-06-19   "im Januar 2006" -> 2006-01   "im Jahre 1980" -> 1980
    "am Montag" -> the last Monday on or before publication (day precision only when publication is)
    "gestern", "heute", "morgen", "vor zwei Wochen", "im November dieses Jahres", "letzten Monat"
Without any of these, the event takes the publication date and its precision. A weekday needs a
publication day to resolve; against a publication month it stays at the month.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from chronik.time.partial import _MONTH_RE, MONTHS_DE, PartialDate

WEEKDAYS = {"montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5,
            "sonnabend": 5, "sonntag": 6}
NUMBERS = {"einem": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7,
           "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12}
UNITS = {"tag": 1, "tagen": 1, "woche": 7, "wochen": 7}

_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})\.\s*({_MONTH_RE})\b\.?(?:\s+(\d{{4}})|\s+(dieses|letzten|vergangenen|"
                        rf"nächsten) Jahres)?", re.I)
_MONTH = re.compile(rf"\b(?:im|Im|seit|bis|Ende|Anfang|Mitte)\s+({_MONTH_RE})\b(?:\s+(\d{{4}})|\s+(dieses|"
                    rf"letzten|vergangenen|nächsten) Jahres)?", re.I)
_YEAR = re.compile(r"\b(?:im Jahre?|Jahr|seit|bis)\s+(1[89]\d\d|20\d\d)\b|\b(?:im|Im) (1[89]\d\d|20\d\d)\b")
_WEEKDAY = re.compile(r"\b(?:am|Am|vom|seit|bis)\s+(?:vergangenen\s+|letzten\s+|kommenden\s+|nächsten\s+)?"
                      r"(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)", re.I)
_AGO = re.compile(r"\bvor\s+(einem|einer|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|\d+)\s+"
                  r"(Tag|Tagen|Woche|Wochen)\b", re.I)
_REL_DAY = re.compile(r"\b(vorgestern|gestern|heute|morgen|übermorgen|gestrigen|heutigen|morgigen)\b", re.I)
_REL_OFFSET = {"vorgestern": -2, "gestern": -1, "gestrigen": -1, "heute": 0, "heutigen": 0, "morgen": 1,
               "morgigen": 1, "übermorgen": 2}


def _year_of(word: str | None, year: str | None, base: date) -> int:
    if year:
        return int(year)
    if word and word.lower() in ("letzten", "vergangenen"):
        return base.year - 1
    if word and word.lower() == "nächsten":
        return base.year + 1
    return base.year


def event_date(sentence: str, published: PartialDate | None) -> PartialDate | None:
    """The date a sentence gives its event, or the publication date."""
    if published is None:
        m = _DAY_MONTH.search(sentence)
        if m and m.group(3):
            return PartialDate(date(int(m.group(3)), MONTHS_DE[m.group(2).lower()], int(m.group(1))).isoformat(),
                               "day")
        return None
    base = published.first_day
    day_known = published.precision not in ("year", "month")
    m = _DAY_MONTH.search(sentence)
    if m:
        try:
            d = date(_year_of(m.group(4), m.group(3), base), MONTHS_DE[m.group(2).lower()], int(m.group(1)))
            return PartialDate(d.isoformat(), "day")
        except ValueError:
            pass
    m = _MONTH.search(sentence)
    if m:
        y = _year_of(m.group(3), m.group(2), base)
        return PartialDate(f"{y:04d}-{MONTHS_DE[m.group(1).lower()]:02d}", "month")
    m = _YEAR.search(sentence)
    if m:
        return PartialDate(m.group(1) or m.group(2), "year")
    if day_known:
        m = _WEEKDAY.search(sentence)
        if m:
            wd = WEEKDAYS[m.group(1).lower()]
            forward = re.search(r"kommenden|nächsten", m.group(0), re.I)
            delta = (wd - base.weekday()) % 7 if forward else -((base.weekday() - wd) % 7)
            return PartialDate((base + timedelta(days=delta)).isoformat(), "day")
        m = _AGO.search(sentence)
        if m:
            n = NUMBERS.get(m.group(1).lower()) or int(m.group(1)) if m.group(1).isdigit() else \
                NUMBERS.get(m.group(1).lower(), 1)
            return PartialDate((base - timedelta(days=n * UNITS[m.group(2).lower()])).isoformat(), "day")
        m = _REL_DAY.search(sentence)
        if m:
            return PartialDate((base + timedelta(days=_REL_OFFSET[m.group(1).lower()])).isoformat(), "day")
    return PartialDate(published.value[:10] if day_known else published.value,
                       "day" if day_known else published.precision)
