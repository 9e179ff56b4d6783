from datetime import timedelta


def week_monday(day):
    """The Monday of ``day``'s week: a follow-up's week starts on it."""
    return day - timedelta(days=day.weekday())
