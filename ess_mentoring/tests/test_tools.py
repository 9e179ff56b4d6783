from datetime import date, timedelta

from odoo.tests.common import BaseCase

from odoo.addons.ess_mentoring.tools.date_utils import week_monday


class TestWeekMonday(BaseCase):
    def test_every_day_of_a_week_gives_its_monday(self):
        monday = date(2026, 3, 2)
        for offset in range(7):
            with self.subTest(day=monday + timedelta(days=offset)):
                self.assertEqual(week_monday(monday + timedelta(days=offset)), monday)
        self.assertEqual(week_monday(monday + timedelta(days=7)), monday + timedelta(days=7))

    def test_a_week_across_a_month_and_a_year_starts_in_the_previous_one(self):
        self.assertEqual(week_monday(date(2026, 4, 1)), date(2026, 3, 30))
        self.assertEqual(week_monday(date(2027, 1, 3)), date(2026, 12, 28))
