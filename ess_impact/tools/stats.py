"""Descriptive statistics of the impact report: plain arithmetic, no ORM."""

import statistics


def describe(values):
    """{n, mean, median, q1, q3} of ``values`` (None without values). Quartiles are the
    inclusive ones (as a spreadsheet's QUARTILE.INC): the median of each half, the
    median included."""
    values = sorted(values)
    if not values:
        return None
    if len(values) == 1:
        q1 = median = q3 = values[0]
    else:
        q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return {"n": len(values), "mean": statistics.fmean(values), "median": median, "q1": q1, "q3": q3}


def share(part, whole):
    """``part`` of ``whole`` in % (None when there is no whole)."""
    return 100.0 * part / whole if whole else None
