"""The radar chart's SVG geometry: plain arithmetic on names and scores, no ORM, so that
every addon that draws a radar (diagnoses, cohorts) computes it the same way."""

import math
import textwrap


def radar_chart(names, current, previous, radius=130, font_size=12, wrap_width=16):
    """Geometry of an SVG radar chart of scores (0-100) on the dimensions ``names``,
    ``previous`` ones (or False) overlaid: drawn by QWeb, so that it shows in the portal
    and prints (cohorts draw their averages with it too).

    Labels are wrapped at word boundaries, never cut, and anchored by side; the view
    box grows around them, its margins computed from the wrapped lines' widths
    estimated at 0.6 em a glyph (more than the mean of common sans-serif fonts)."""
    if len(names) < 3:
        return {}
    glyph_width, line_height, gap = 0.6 * font_size, 1.25 * font_size, 0.8 * font_size
    directions = [
        (math.cos(angle), math.sin(angle))
        for angle in (-math.pi / 2 + 2 * math.pi * index / len(names) for index in range(len(names)))
    ]

    # Labels around (0, 0) first: their extent sets the view box.
    labels, left, top, right, bottom = [], -radius, -radius, radius, radius
    for name, (cos, sin) in zip(names, directions, strict=True):
        parts = textwrap.wrap(name, wrap_width, break_long_words=False, break_on_hyphens=False)
        x, y = (radius + gap) * cos, (radius + gap) * sin
        anchor = "middle" if abs(cos) < 0.2 else ("start" if cos > 0 else "end")
        # Above the axis at the top, below it at the bottom, centred on the sides.
        block_top = y - (1 - sin) / 2 * len(parts) * line_height
        width = max(len(part) for part in parts) * glyph_width
        block_left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
        left, right = min(left, block_left), max(right, block_left + width)
        top, bottom = min(top, block_top), max(bottom, block_top + len(parts) * line_height)
        baselines = [block_top + index * line_height + font_size for index in range(len(parts))]
        labels.append((x, anchor, list(zip(baselines, parts, strict=True))))
    margin = font_size / 2
    center_x, center_y = margin - left, margin - top

    def point(index, value):
        cos, sin = directions[index]
        return center_x + radius * value / 100 * cos, center_y + radius * value / 100 * sin

    def polygon(values):
        return " ".join("{:.1f},{:.1f}".format(*point(index, value)) for index, value in enumerate(values))

    axes = []
    for index, (x, anchor, parts) in enumerate(labels):
        end_x, end_y = point(index, 100)
        axes.append(
            {
                "x": f"{end_x:.1f}",
                "y": f"{end_y:.1f}",
                "label_x": f"{center_x + x:.1f}",
                "anchor": anchor,
                "label": [(f"{center_y + baseline:.1f}", part) for baseline, part in parts],
            }
        )
    return {
        "width": round(right - left + 2 * margin),
        "height": round(bottom - top + 2 * margin),
        "font_size": font_size,
        "center_x": f"{center_x:.1f}",
        "center_y": f"{center_y:.1f}",
        "axes": axes,
        "rings": [polygon([ring] * len(names)) for ring in (25, 50, 75, 100)],
        "current": polygon(current),
        "previous": previous and polygon(previous),
    }
