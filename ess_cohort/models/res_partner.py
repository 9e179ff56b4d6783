from lxml import html

from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    ess_cohort_member_ids = fields.One2many("ess.cohort.member", "partner_id", string="Cohorts")

    def _ess_cohort_contacts(self):
        """The entities' contact people with an email (the entity itself when it has none)."""
        people = self.env["res.partner"]
        for entity in self:
            contacts = entity.child_ids.filtered(lambda person: person.type == "contact" and person.email)
            people |= contacts or entity.filtered("email")
        return people

    # --- personal data (see ess_office_base's res_partner.py) ---------------------
    def _ess_privacy_learning_rows(self, sessions):
        """The learnings the entity shared on ``sessions``: the portal signs each paragraph
        with the entity's name (not the person's: they belong to the entity)."""
        rows = []
        for session in sessions.filtered("learnings"):
            for paragraph in html.fragment_fromstring(str(session.learnings), create_parent="div").iter("p"):
                author = paragraph.find("strong")
                if author is None or (author.text or "").strip() != self.name:
                    continue
                text = paragraph.text_content()[len(author.text_content()) :].lstrip(": ").strip()
                rows.append(
                    {
                        "cohort": session.cohort_id.display_name,
                        "session": session.topic,
                        "date": session.date.isoformat(),
                        "learning": text,
                    }
                )
        return rows

    def _ess_privacy_export_data(self):
        """Cohorts take entities, not people: their memberships, attendance and learnings
        are in an entity's export."""
        data = super()._ess_privacy_export_data()
        if self.is_company:
            members = self.env["ess.cohort.member"].search([("partner_id", "=", self.id)])
            attendance = self.env["ess.cohort.attendance"].search([("partner_id", "=", self.id)])
            data["cohort_memberships"] = self._ess_privacy_rows(
                members,
                ("cohort_id", "project_id", "state", "share_contacts", "attendance_rate"),
                date_start=lambda member: member.cohort_id.date_start.isoformat(),
                date_end=lambda member: member.cohort_id.date_end.isoformat(),
            )
            data["attendance"] = self._ess_privacy_rows(
                attendance,
                ("cohort_id", "session_id", "is_guest", "attended"),
                date=lambda line: line.session_id.date.isoformat(),
            )
            data["learnings"] = self._ess_privacy_learning_rows(
                attendance.session_id | members.cohort_id.session_ids
            )
        return data
