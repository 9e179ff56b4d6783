from pathlib import Path

import polib

from odoo import sql_db
from odoo.modules.module import get_module_path
from odoo.tests import TransactionCase, new_test_user


def page_queries(case, url, between=None):
    """(SQL queries, response) of ``url`` requested again by the HttpCase ``case``: the first
    request warms templates, assets and caches; ``between`` runs before the measured one
    (clearing a cache, say). The page must answer 200."""
    case.url_open(url)
    if between:
        between()
    before = sql_db.sql_counter
    response = case.url_open(url)
    case.assertEqual(response.status_code, 200, url)
    return sql_db.sql_counter - before, response


class EssOfficeCommon(TransactionCase):
    """One user per role and two entities, A and B, each with a contact who is a portal user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, no_reset_password=True))
        # Catalan and Spanish may be installed: the office users here work in English.
        cls.user_manager = new_test_user(
            cls.env, "ess_manager", groups="ess_office_base.group_ess_manager", lang="en_US"
        )
        cls.user_officer = new_test_user(
            cls.env, "ess_officer", groups="ess_office_base.group_ess_officer", lang="en_US"
        )
        cls.user_mentor = new_test_user(
            cls.env, "ess_mentor", groups="ess_office_base.group_ess_mentor", lang="en_US"
        )
        # A second mentor on entity A's team, and a mentor who accompanies no entity (a
        # cohort's facilitator, say).
        cls.user_expert = new_test_user(
            cls.env, "ess_expert", groups="ess_office_base.group_ess_mentor", lang="en_US"
        )
        cls.user_facilitator = new_test_user(
            cls.env, "ess_facilitator", groups="ess_office_base.group_ess_mentor", lang="en_US"
        )
        cls.user_employee = new_test_user(cls.env, "ess_employee", groups="base.group_user", lang="en_US")
        cls.sector = cls.env.ref("ess_office_base.ess_sector_housing")
        cls.entity_a, cls.contact_a, cls.portal_a = cls._create_entity("A")
        cls.entity_b, cls.contact_b, cls.portal_b = cls._create_entity("B")
        # The mentor and the expert accompany entity A, not B.
        cls.entity_a.ess_mentor_user_ids = cls.user_mentor | cls.user_expert

    @classmethod
    def _create_entity(cls, letter):
        entity = cls.env["res.partner"].create(
            {
                "name": f"Cooperativa {letter}",
                "is_company": True,
                "is_ess_entity": True,
                "ess_legal_form": "worker_coop",
                "ess_sector_id": cls.sector.id,
                "ess_worker_count": 5,
                "ess_referent_id": cls.user_officer.id,
            }
        )
        contact = cls.env["res.partner"].create(
            {
                "name": f"Persona {letter}",
                "parent_id": entity.id,
                "email": f"persona.{letter.lower()}@example.com",
            }
        )
        portal_user = new_test_user(
            cls.env,
            f"portal_{letter.lower()}",
            groups="base.group_portal",
            partner_id=contact.id,
            name=contact.name,
        )
        return entity, contact, portal_user

    @classmethod
    def _start_itinerary(cls, entity, user=None):
        action = entity.with_user(user or cls.user_officer).action_ess_start_itinerary()
        return cls.env["project.project"].browse(action["res_id"])


class TranslationsCase:
    """Checks an addon ships Catalan and Spanish translations of every term of its template."""

    def assertTranslated(self, addon, at_least=50):
        """``at_least``: the terms an up-to-date template of the addon holds, at least."""
        i18n = Path(get_module_path(addon)) / "i18n"
        terms = {entry.msgid for entry in polib.pofile(str(i18n / f"{addon}.pot"))}
        self.assertGreaterEqual(len(terms), at_least)
        for lang in ("ca", "es"):
            catalogue = polib.pofile(str(i18n / f"{lang}.po"))
            translated = {e.msgid for e in catalogue if e.msgstr.strip() and "fuzzy" not in e.flags}
            with self.subTest(addon=addon, lang=lang):
                self.assertEqual(terms - translated, set(), f"{addon}/i18n/{lang}.po misses these terms")
