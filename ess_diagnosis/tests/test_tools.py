"""The radar's geometry, a plain function (``ess_diagnosis.tools.radar``), tested
without a database; and the demo data's helpers, private over RPC."""

import json
import re

from odoo.tests import HttpCase, tagged
from odoo.tests.common import BaseCase
from odoo.tools import mute_logger

from odoo.addons.ess_diagnosis.tools.radar import radar_chart

from .common import EssDiagnosisCommon


def points(polygon):
    return [tuple(map(float, point.split(","))) for point in polygon.split()]


class TestRadarChart(BaseCase):
    def test_fewer_than_three_dimensions_draw_no_radar(self):
        self.assertEqual(radar_chart([], [], False), {})
        self.assertEqual(radar_chart(["Data", "Tools"], [50, 60], [40, 50]), {})

    def assertNear(self, got, expected):
        """Coordinates printed to a tenth: equal within that rounding."""
        self.assertEqual(len(got), len(expected))
        for (x, y), (expected_x, expected_y) in zip(got, expected, strict=True):
            self.assertAlmostEqual(x, expected_x, delta=0.11)
            self.assertAlmostEqual(y, expected_y, delta=0.11)

    def test_axes_start_at_the_top_and_turn_clockwise(self):
        radar = radar_chart(["North", "East", "South", "West"], [100, 50, 0, 25], False, radius=100)
        x, y = float(radar["center_x"]), float(radar["center_y"])
        ends = [(float(axis["x"]), float(axis["y"])) for axis in radar["axes"]]
        self.assertNear(ends, [(x, y - 100), (x + 100, y), (x, y + 100), (x - 100, y)])
        self.assertEqual([axis["anchor"] for axis in radar["axes"]], ["middle", "start", "middle", "end"])
        self.assertNear(points(radar["current"]), [(x, y - 100), (x + 50, y), (x, y), (x - 25, y)])
        self.assertIs(radar["previous"], False, "no previous diagnosis: nothing overlaid")
        self.assertEqual(len(radar["rings"]), 4)
        self.assertNear(points(radar["rings"][-1]), ends)

    def test_a_previous_diagnosis_is_overlaid_and_the_view_box_holds_the_labels(self):
        names = [
            "Data and privacy",
            "Free software and digital sovereignty",
            "Gender",
            "Governance",
            "Skills",
        ]
        radar = radar_chart(names, [60] * 5, [30] * 5, font_size=12, wrap_width=16)
        self.assertEqual(len(points(radar["previous"])), 5)
        self.assertEqual(radar["font_size"], 12)
        for axis, name in zip(radar["axes"], names, strict=True):
            lines = [text for _baseline, text in axis["label"]]
            self.assertEqual(" ".join(lines), name, "wrapped at word boundaries, never cut")
            self.assertTrue(all(len(line) <= 16 or " " not in line for line in lines))
            for baseline, _text in axis["label"]:
                self.assertTrue(0 < float(baseline) < radar["height"])
        for x, y in points(radar["rings"][-1]):
            self.assertTrue(0 < x < radar["width"] and 0 < y < radar["height"])
        self.assertTrue(all(re.fullmatch(r"-?\d+\.\d", axis["label_x"]) for axis in radar["axes"]))


@tagged("post_install", "-at_install")
class TestDiagnosisDemoHelpers(EssDiagnosisCommon, HttpCase):
    def test_the_demo_helpers_cannot_be_called_over_rpc(self):
        diagnosis = self._diagnosis()
        self.authenticate("admin", "admin")
        payload = {"jsonrpc": "2.0", "method": "call", "id": 1, "params": {
            "model": "ess.diagnosis.demo", "method": "_ess_demo_respond",
            "args": [diagnosis.id, [[self.contact_a.id, [4] * 9]]], "kwargs": {},
        }}  # fmt: skip
        with mute_logger("odoo.http"):
            response = self.url_open(
                "/web/dataset/call_kw", data=json.dumps(payload), headers={"Content-Type": "application/json"}
            )
        error = response.json()["error"]["data"]
        self.assertEqual(error["name"], "odoo.exceptions.AccessError")
        self.assertIn("Private methods", error["message"])
        self.assertFalse(diagnosis.user_input_ids)
