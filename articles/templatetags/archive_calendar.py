"""A month calendar marking the days that have public clippings.

Written in Python rather than through an include: a month is 35 to 42 cells, each with a date,
and for the days with clippings a link and a counted label, which cost the template engine a
millisecond or more of every month page.
"""

from __future__ import annotations

import calendar
import datetime
from html import escape

from django import template
from django.utils.dates import MONTHS, WEEKDAYS, WEEKDAYS_ABBR
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import ngettext

from articles.templatetags.listing import page_url

register = template.Library()

_INDENT = "\n      "


@register.simple_tag
def month_calendar(month: datetime.date, day_counts: dict[datetime.date, int]) -> SafeString:
    """`month` is any date in the month; `day_counts` maps dates to clipping counts.

    A table with a column per weekday from Monday; each day with clippings links to its day
    page and says how many, the others show their number alone.
    """
    # django.utils.dates numbers the week from Monday, as the calendar below does.
    weekdays = "".join(
        f'<th scope="col"><abbr title="{escape(str(WEEKDAYS[i]))}">'
        f"{escape(str(WEEKDAYS_ABBR[i]))}</abbr></th>"
        for i in range(7)
    )
    weeks = []
    # Day numbers, with 0 for the padding days: building dates for those would step outside
    # the calendar in January of year 1 and December of 9999.
    for week in calendar.Calendar(firstweekday=calendar.MONDAY).monthdayscalendar(
        month.year, month.month
    ):
        cells = []
        for number in week:
            if number == 0:
                cells.append('<td class="calendar__pad"></td>')
                continue
            day = month.replace(day=number)
            count = day_counts.get(day, 0)
            time = f'<time datetime="{day.isoformat()}">{number}</time>'
            if not count:
                cells.append(f'<td class="calendar__day">{time}</td>')
                continue
            label = ngettext(
                '%(counter)s<span class="visually-hidden"> clipping</span>',
                '%(counter)s<span class="visually-hidden"> clippings</span>',
                count,
            ) % {"counter": count}
            href = escape(page_url("articles:archive-day", day.year, day.month, day.day))
            cells.append(
                '<td class="calendar__day calendar__day--has">\n'
                f'        <a href="{href}">\n'
                f"          {time}\n"
                f'          <span class="calendar__count">{label}</span>\n'
                "        </a>\n"
                "      </td>"
            )
        weeks.append(
            "\n    <tr>\n      "
            + "".join(f"{_INDENT}{cell}{_INDENT}{_INDENT}" for cell in cells)
            + "\n    </tr>\n    "
        )
    return mark_safe(
        '\n<table class="calendar">\n'
        f"  <caption>{escape(str(MONTHS[month.month]))} {month.year:04d}</caption>\n"
        "  <thead>\n"
        f"    <tr>{weekdays}</tr>\n"
        "  </thead>\n"
        "  <tbody>\n"
        f"    {''.join(weeks)}\n"
        "  </tbody>\n"
        "</table>\n"
    )
