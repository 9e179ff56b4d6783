from datetime import timedelta

from odoo import fields

from odoo.addons.ess_mentoring.tests.common import EssMentoringCommon


class EssCohortCommon(EssMentoringCommon):
    """Cohort A (entity A active, its contacts shared) and cohort B (entity B active),
    both running from six months ago to six months ahead, facilitated by the officer; each
    has a past session (a month ago) and a coming one (in a month). Entity C is an ESS
    entity in no cohort."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.entity_c, cls.contact_c, cls.portal_c = cls._create_entity("C")
        cls.now = fields.Datetime.now().replace(hour=16, minute=0, second=0, microsecond=0)
        cls.today = cls.now.date()
        cls.Cohort = cls.env["ess.cohort"]
        cls.cohort_a = cls._cohort("Cohort A", cls.entity_a, share_contacts=True)
        cls.cohort_b = cls._cohort("Cohort B", cls.entity_b)
        cls.member_a = cls.cohort_a.member_ids
        cls.member_b = cls.cohort_b.member_ids
        cls.past_a, cls.next_a = cls._sessions(cls.cohort_a)
        cls.past_b, cls.next_b = cls._sessions(cls.cohort_b)

    @classmethod
    def _cohort(cls, name, entity=None, share_contacts=False, **values):
        cohort = cls.env["ess.cohort"].create(
            dict(
                {"name": name, "date_start": cls.today - timedelta(days=180),
                 "date_end": cls.today + timedelta(days=180), "user_id": cls.user_officer.id, "state": "running"},
                **values,
            )
        )  # fmt: skip
        if entity:
            member = cls.env["ess.cohort.member"].create(
                {"cohort_id": cohort.id, "partner_id": entity.id, "share_contacts": share_contacts}
            )
            member.with_user(cls.user_officer).action_accept()
        return cohort

    @classmethod
    def _sessions(cls, cohort):
        Session = cls.env["ess.cohort.session"]
        past = Session.create(
            {"cohort_id": cohort.id, "date": cls.now - timedelta(days=30), "topic": f"{cohort.name}: past",
             "learnings": "<p>Shared in March</p>"}
        )  # fmt: skip
        coming = Session.create(
            {"cohort_id": cohort.id, "date": cls.now + timedelta(days=30), "topic": f"{cohort.name}: coming"}
        )
        return past, coming
