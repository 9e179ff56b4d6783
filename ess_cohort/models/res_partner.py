from lxml import html
from markupsafe import Markup

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
    # A learning shared from the portal is a paragraph signed with the entity's name and
    # marked with its author: <p class="o_ess_learning" data-id="<author partner id>">.
    def _ess_learning_paragraphs(self, sessions):
        """(session, paragraph element) of the learnings on ``sessions`` that are the
        partner's: signed by the entity, or written by the person."""
        for session in sessions.filtered("learnings"):
            tree = html.fragment_fromstring(str(session.learnings), create_parent="div")
            for paragraph in tree.iter("p"):
                author = paragraph.find("strong")
                if self.is_company:
                    if author is None or (author.text or "").strip() != self.name:
                        continue
                elif paragraph.get("data-id") != str(self.id):
                    continue
                yield session, tree, paragraph

    def _ess_privacy_learning_rows(self, sessions):
        rows = []
        for session, _tree, paragraph in self._ess_learning_paragraphs(sessions):
            author = paragraph.find("strong")
            text = paragraph.text_content()
            if author is not None:
                text = text[len(author.text_content()) :].lstrip(": ").strip()
            rows.append(
                {
                    "cohort": session.cohort_id.display_name,
                    "session": session.topic,
                    "date": session.date.isoformat(),
                    "learning": text,
                }
            )
        return rows

    def _ess_privacy_learning_sessions(self):
        """The sessions holding a learning the person wrote."""
        return self.env["ess.cohort.session"].search([("learnings", "ilike", f'data-id="{self.id}"')])

    def _ess_privacy_export_data(self):
        """Cohorts take entities, not people: their memberships, attendance and the
        learnings signed by the entity are in an entity's export; a person's holds the
        learnings they wrote."""
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
        elif learnings := self._ess_privacy_learning_rows(self._ess_privacy_learning_sessions()):
            data["learnings"] = learnings
        return data

    def _ess_privacy_erase(self):
        """The learnings the person wrote leave the sessions (the others stay as they are)."""
        result = super()._ess_privacy_erase()
        trees = {}
        for session, tree, paragraph in list(
            self._ess_learning_paragraphs(self._ess_privacy_learning_sessions())
        ):
            trees[session] = tree
            paragraph.drop_tree()  # its tail text stays in place
        for session, tree in trees.items():
            session.learnings = Markup(
                (tree.text or "") + "".join(html.tostring(child, encoding="unicode") for child in tree)
            )
        return result
