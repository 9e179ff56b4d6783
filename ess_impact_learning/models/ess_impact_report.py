from collections import defaultdict
from datetime import datetime, time, timedelta

from odoo import models
from odoo.tools import SQL


class EssImpactReport(models.Model):
    """The bootcamp's block of the impact report: the entities' people who enrolled in a
    course in the period and the courses they completed in it, per entity (the
    spreadsheet's sheet of entities) and per dimension of the courses."""

    _inherit = "ess.impact.report"

    def _ess_impact(self, minimum=None):
        impact = super()._ess_impact(minimum=minimum)
        impact["learning"], by_entity = self._ess_impact_learning(
            impact["records"]["entities"], impact["minimum"]
        )
        for row in impact["rows"]:
            row.update(by_entity.get(row["id"], {"people_enrolled": 0, "courses_completed": 0}))
        return impact

    def _ess_impact_learning(self, entity_ids, minimum):
        """({people enrolled, people who completed, courses completed, per dimension},
        {entity id: its figures}), from one query whatever the number of entities. The
        enrolments read past the record rules: only figures leave this method, over the
        entities the caller may see."""
        self.env["slide.channel.partner"].flush_model(
            ["ess_entity_id", "partner_id", "channel_id", "member_status", "active", "ess_completed_date"]
        )
        start = datetime.combine(self.date_from, time.min)
        end = datetime.combine(self.date_to + timedelta(days=1), time.min)
        rows = self.env.execute_query(
            SQL(
                """
                SELECT membership.ess_entity_id, membership.partner_id, membership.channel_id,
                       membership.create_date >= %(start)s AND membership.create_date < %(end)s,
                       membership.member_status = 'completed' AND membership.ess_completed_date >= %(start)s
                           AND membership.ess_completed_date < %(end)s,
                       COALESCE(array_agg(rel.dimension_id) FILTER (WHERE rel.dimension_id IS NOT NULL), '{}')
                  FROM slide_channel_partner membership
             LEFT JOIN ess_slide_channel_dimension_rel rel ON rel.channel_id = membership.channel_id
                 WHERE membership.ess_entity_id = ANY(%(entities)s) AND membership.active
                   AND membership.member_status != 'invited' AND membership.create_date < %(end)s
              GROUP BY membership.id
                """,
                start=start,
                end=end,
                entities=entity_ids,
            )
        )
        enrolled, completers, completed = set(), set(), 0
        by_entity = defaultdict(lambda: {"people": set(), "courses_completed": 0})
        by_dimension = defaultdict(lambda: {"people": set(), "courses_completed": 0})
        for entity_id, partner_id, _channel_id, enrolled_now, completed_now, dimension_ids in rows:
            targets = [by_entity[entity_id]] + [by_dimension[dimension_id] for dimension_id in dimension_ids]
            if enrolled_now:
                enrolled.add(partner_id)
                for target in targets:
                    target["people"].add(partner_id)
            if completed_now:
                completers.add(partner_id)
                completed += 1
                for target in targets:
                    target["courses_completed"] += 1
        dimensions = (
            self.env["ess.dimension"].sudo().browse(list(by_dimension)).sorted(lambda d: (d.sequence, d.id))
        )
        shown = len(entity_ids) >= minimum
        block = {
            "people_enrolled": len(enrolled) if shown else None,
            "people_completed": len(completers) if shown else None,
            "courses_completed": completed if shown else None,
            "dimensions": [
                {
                    "name": dimension.name,
                    "code": dimension.code,
                    "people_enrolled": len(by_dimension[dimension.id]["people"]),
                    "courses_completed": by_dimension[dimension.id]["courses_completed"],
                }
                for dimension in dimensions
            ]
            if shown
            else [],
        }
        entities = {
            entity_id: {
                "people_enrolled": len(values["people"]),
                "courses_completed": values["courses_completed"],
            }
            for entity_id, values in by_entity.items()
        }
        return block, entities

    def _ess_impact_figure_rows(self, impact):
        rows = super()._ess_impact_figure_rows(impact)
        learning = impact["learning"]
        rows += [
            (self.env._("Bootcamp"), self.env._("People enrolled"), self.env._("Courses completed")),
            (self.env._("People of the entities who enrolled in a course"), learning["people_enrolled"]),
            (self.env._("People who completed a course"), learning["people_completed"]),
            (self.env._("Courses completed"), learning["courses_completed"]),
            *(
                (f"{row['name']} ({row['code']})", row["people_enrolled"], row["courses_completed"])
                for row in learning["dimensions"]
            ),
        ]
        return rows

    def _ess_impact_entity_columns(self):
        return super()._ess_impact_entity_columns() + [
            ("people_enrolled", self.env._("People enrolled in a course")),
            ("courses_completed", self.env._("Courses completed")),
        ]
