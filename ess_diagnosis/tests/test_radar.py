import re

from lxml import etree

from odoo.tests import TransactionCase

from .common import EssDiagnosisCommon

SVG = {"svg": "http://www.w3.org/2000/svg"}
# A conservative mean advance of a glyph, in em: wider than that of the sans-serif fonts
# of the portal and of wkhtmltopdf, so that a label inside this estimate is inside the chart.
GLYPH_WIDTH_EM = 0.6
ASCENT_EM, DESCENT_EM = 1.0, 0.3


class TestRadar(EssDiagnosisCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for code in ("ca_ES", "es_ES"):
            cls.env["res.lang"]._activate_lang(code)
        cls.env["ir.module.module"]._load_module_terms(["ess_office_base"], ["ca_ES", "es_ES"])
        cls.dimensions = cls.env["ess.dimension"].search([])
        cls.other_questions = [
            cls._question(f"{dimension.code} single", "simple_choice", dimension, [0, 1, 2, 3, 4])
            for dimension in cls.dimensions - cls.dim_data - cls.dim_free
        ]

    def _scored_diagnosis(self):
        diagnosis = self._diagnosis()
        self._answer(diagnosis, dict.fromkeys([self.q_data_single, self.q_free, *self.other_questions], 2))
        self.assertEqual(diagnosis.score_ids.dimension_id, self.dimensions)
        return diagnosis

    def _label_boxes(self, svg):
        """Each label of the drawn radar: its lines and their estimated boxes
        (left, top, right, bottom), in the text's font size and anchor."""
        labels = []
        for text in svg.iterfind(".//svg:text", SVG):
            font_size = float(text.get("font-size"))
            anchor = text.get("text-anchor", "start")
            x, y = float(text.get("x", 0)), float(text.get("y", 0))
            lines = []
            for tspan in text.iterfind("svg:tspan", SVG):
                x = float(tspan.get("x", x))
                y = float(tspan.get("y", y)) + self._length(tspan.get("dy", "0"), font_size)
                width = len(tspan.text) * GLYPH_WIDTH_EM * font_size
                left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
                top, bottom = y - ASCENT_EM * font_size, y + DESCENT_EM * font_size
                lines.append((tspan.text, (left, top, left + width, bottom)))
            labels.append(lines)
        return labels

    def _length(self, value, font_size):
        number, unit = re.fullmatch(r"(-?[\d.]+)(em)?", value).groups()
        return float(number) * (font_size if unit else 1.0)

    def test_every_dimension_name_is_whole_and_inside_the_chart(self):
        diagnosis = self._scored_diagnosis()
        self.assertEqual(
            self.dimensions.with_context(lang="ca_ES").filtered(lambda d: d.code == "ess_gender").name,
            "Gènere i equitat",
        )
        for lang in ("en_US", "ca_ES", "es_ES"):
            translated = diagnosis.with_context(lang=lang)
            markup = translated.env["ir.qweb"]._render(
                "ess_diagnosis.diagnosis_radar", {"radar": translated._ess_radar()}
            )
            svg = etree.fromstring(str(markup))
            min_x, min_y, width, height = map(float, svg.get("viewBox").split())
            labels = self._label_boxes(svg)
            names = translated.score_ids.sorted(lambda line: (line.sequence, line.dimension_id.id))
            joined = [" ".join(text for text, _box in lines) for lines in labels]
            self.assertEqual(joined, names.dimension_id.mapped("name"))
            for lines in labels:
                for text, (left, top, right, bottom) in lines:
                    with self.subTest(lang=lang, line=text):
                        # Wrapped at word boundaries: only a single long word makes a long line.
                        self.assertTrue(len(text) <= 20 or " " not in text)
                        self.assertGreaterEqual(left, min_x)
                        self.assertLessEqual(right, min_x + width)
                        self.assertGreaterEqual(top, min_y)
                        self.assertLessEqual(bottom, min_y + height)
            with self.subTest(lang=lang):
                # It scales to its container, never wider than it.
                self.assertEqual(svg.get("width"), "100%")
