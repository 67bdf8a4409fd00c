"""Time: publication dates with their precision (and, later, event dates resolved against them)."""

from chronik.time.partial import PartialDate, parse_date

__all__ = ["PartialDate", "parse_date"]
