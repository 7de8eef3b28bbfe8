"""A month calendar marking the days that have public clippings."""

from __future__ import annotations

import calendar
import datetime

from django import template
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR

register = template.Library()


@register.inclusion_tag("includes/month_calendar.html")
def month_calendar(month: datetime.date, day_counts: dict[datetime.date, int]) -> dict:
    """`month` is any date in the month; `day_counts` maps dates to clipping counts."""
    weeks = []
    # Day numbers, with 0 for the padding days: building dates for those would step outside
    # the calendar in January of year 1 and December of 9999.
    for week in calendar.Calendar(firstweekday=calendar.MONDAY).monthdayscalendar(
        month.year, month.month
    ):
        cells = []
        for number in week:
            if number == 0:
                cells.append(None)
                continue
            day = month.replace(day=number)
            cells.append({"date": day, "count": day_counts.get(day, 0)})
        weeks.append(cells)
    return {
        "month": month,
        "weeks": weeks,
        # django.utils.dates numbers the week from Monday, as the calendar above does.
        "weekdays": [(WEEKDAYS[i], WEEKDAYS_ABBR[i]) for i in range(7)],
    }
