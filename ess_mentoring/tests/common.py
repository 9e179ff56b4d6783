from datetime import date, timedelta

from odoo.tests import new_test_user

from odoo.addons.ess_diagnosis.tests.common import EssDiagnosisCommon


class EssMentoringCommon(EssDiagnosisCommon):
    """Mentoring contracts, active, running through 2026:

    - ``contract_a`` for entity A: main mentor ``user_mentor`` (mentor A), expert ``user_expert``;
    - ``contract_b`` for entity B: main mentor ``user_mentor_b`` (mentor B).
    """

    MONDAY = date(2026, 3, 2)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_mentor.partner_id.write(cls._mentor_values(capacity=20))
        cls.user_mentor_b = new_test_user(
            cls.env, "ess_mentor_b", groups="ess_office_base.group_ess_mentor", lang="en_US", name="Mentor B"
        )
        cls.user_mentor_b.partner_id.write(cls._mentor_values(capacity=10))
        cls.user_expert.name = "Expert"
        cls.user_expert.partner_id.write(cls._mentor_values(capacity=5))
        cls.mentor_a = cls.user_mentor.partner_id
        cls.mentor_b = cls.user_mentor_b.partner_id
        cls.expert = cls.user_expert.partner_id
        cls.contract_a = cls._contract(cls, cls.entity_a, cls.mentor_a, experts=cls.expert, state="active")
        cls.contract_b = cls._contract(cls, cls.entity_b, cls.mentor_b, state="active")

    @classmethod
    def _mentor_values(cls, capacity, mentor_type="staff", expertise=None):
        return {
            "is_ess_mentor": True,
            "ess_mentor_type": mentor_type,
            "ess_mentor_capacity": capacity,
            "ess_expertise_ids": [(6, 0, (expertise or cls.env["ess.dimension"]).ids)],
        }

    def _contract(self, entity, mentor=None, experts=None, state="draft", **values):
        contract = self.env["ess.mentoring.contract"].create(
            dict(
                {
                    "partner_id": entity.id,
                    "mentor_id": mentor and mentor.id,
                    "expert_ids": [(6, 0, experts.ids)] if experts else [],
                    "date_start": "2026-01-01",
                    "date_end": "2026-12-31",
                    "hours_budget": 50,
                },
                **values,
            )
        )
        if state != "draft":
            contract.state = state
        return contract

    def _followup(self, contract, hours=2.0, week=None, member=None, **values):
        return self.env["ess.mentoring.followup"].create(
            dict(
                {
                    "contract_id": contract.id,
                    "member_id": (member or contract.mentor_id).id,
                    "week_start": week or self.MONDAY,
                    "hours": hours,
                },
                **values,
            )
        )

    @staticmethod
    def _weeks(first, count):
        return [first + timedelta(days=7 * index) for index in range(count)]
