from datetime import date

from odoo import Command

from odoo.addons.ess_cohort.tests.common import EssCohortCommon

PERIOD = {"date_from": date(2026, 1, 1), "date_to": date(2026, 12, 31)}
# The day the figures are read: the weeks of contract count up to it.
TODAY = "2026-12-31"


class EssImpactCommon(EssCohortCommon):
    """A small office whose figures are counted by hand in the tests. Every entity here is
    of the sector ``impact_sector`` (the reports filter on it: the database may hold the
    demo office too).

    - A (cohort A, contract A: mentor A staff, expert volunteer): three done diagnoses,
      baseline, intermediate and final;
    - B (cohort B, contract B: mentor B, a consultancy): two done diagnoses;
    - C (contract C, mentor B): two done diagnoses, the same scores;
    - D (contract D, mentor B): one done diagnosis;
    - E (contract E, mentor B): no diagnosis;
    - W: withdrew from cohort B, no contract: not counted;
    - X: two done diagnoses and only a cancelled contract: not counted.

    On the questionnaire (data management: 7 points, weight 1; free software: 4 points,
    weight 3), each diagnosis is answered by the entity's own contact."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.impact_sector = cls.env["ess.sector"].create({"name": "Impact test sector"})
        cls.user_mentor_b.partner_id.ess_mentor_type = "consultancy"
        cls.expert.ess_mentor_type = "volunteer"
        cls.entity_d, cls.contact_d, cls.portal_d = cls._create_entity("D")
        cls.entity_e, cls.contact_e, cls.portal_e = cls._create_entity("E")
        cls.entity_w, cls.contact_w, cls.portal_w = cls._create_entity("W")
        cls.entity_x, cls.contact_x, cls.portal_x = cls._create_entity("X")
        # The entities the report counts, and all of the office's.
        cls.accompanied = cls.entity_a | cls.entity_b | cls.entity_c | cls.entity_d | cls.entity_e
        cls.office_entities = cls.accompanied | cls.entity_w | cls.entity_x
        cls.office_entities.ess_sector_id = cls.impact_sector
        cls.contract_c, cls.contract_d, cls.contract_e = (
            cls._contract(cls, entity, cls.mentor_b, state="active")
            for entity in (cls.entity_c, cls.entity_d, cls.entity_e)
        )
        # Cancelled after a first follow-up (follow-ups are logged on active contracts only).
        cls.contract_x = cls._contract(cls, cls.entity_x, cls.mentor_a, state="active")
        member_w = cls.env["ess.cohort.member"].create(
            {"cohort_id": cls.cohort_b.id, "partner_id": cls.entity_w.id}
        )
        member_w.action_accept()
        member_w.action_withdraw()

        q_data, q_multi, q_free = cls.q_data_single, cls.q_data_multi, cls.q_free
        cls.diagnoses = {
            "a_baseline": cls._dated_diagnosis(cls.entity_a, cls.contact_a, "2026-01-15", "baseline",
                                               {q_data: 1, q_free: 0}),
            "a_intermediate": cls._dated_diagnosis(cls.entity_a, cls.contact_a, "2026-06-01", "intermediate",
                                                   {q_data: 2, q_free: 1}),
            "a_final": cls._dated_diagnosis(cls.entity_a, cls.contact_a, "2026-11-02", "final",
                                            {q_data: 4, q_multi: [0, 1, 2], q_free: 2}),
            "b_baseline": cls._dated_diagnosis(cls.entity_b, cls.contact_b, "2026-01-20", "baseline",
                                               {q_data: 2, q_free: 1}),
            "b_final": cls._dated_diagnosis(cls.entity_b, cls.contact_b, "2026-10-20", "final",
                                            {q_data: 3, q_multi: [0], q_free: 1}),
            "c_baseline": cls._dated_diagnosis(cls.entity_c, cls.contact_c, "2026-02-01", "baseline",
                                               {q_data: 0, q_free: 4}),
            "c_final": cls._dated_diagnosis(cls.entity_c, cls.contact_c, "2026-11-15", "final",
                                            {q_data: 0, q_free: 4}),
            "d_baseline": cls._dated_diagnosis(cls.entity_d, cls.contact_d, "2026-03-01", "baseline",
                                               {q_data: 4, q_free: 4}),
            "x_baseline": cls._dated_diagnosis(cls.entity_x, cls.contact_x, "2026-01-10", "baseline",
                                               {q_data: 4, q_free: 4}),
            "x_final": cls._dated_diagnosis(cls.entity_x, cls.contact_x, "2026-09-10", "final",
                                            {q_data: 0, q_free: 0}),
        }  # fmt: skip
        # The inventory each diagnosis kept: (free software share, tools with data at risk).
        snapshots = {
            "a_baseline": (10.0, 2), "a_final": (60.0, 0), "b_baseline": (0.0, 1), "b_final": (20.0, 1),
            "c_baseline": (50.0, 0), "c_final": (50.0, 0), "x_baseline": (0.0, 5), "x_final": (90.0, 0),
        }  # fmt: skip
        for key, (free_share, risks) in snapshots.items():
            cls.diagnoses[key].write(
                {"ess_free_software_share": free_share, "ess_sovereignty_risk_count": risks}
            )
        Line = cls.env["ess.tool.inventory.line"]
        cls.tools = Line.create(
            [
                {"partner_id": cls.entity_a.id, "name": "Dropbox", "status": "replaced", "usage": "files"},
                {
                    "partner_id": cls.entity_a.id,
                    "name": "Zoom",
                    "status": "migrating",
                    "usage": "video_calls",
                },
                {"partner_id": cls.entity_b.id, "name": "Excel", "status": "kept", "usage": "accounting"},
                {"partner_id": cls.entity_b.id, "name": "Gmail", "status": "in_use", "usage": "email"},
                {
                    "partner_id": cls.entity_x.id,
                    "name": "Slack",
                    "status": "replaced",
                    "usage": "communication",
                },
            ]
        )

        # Follow-ups: mentor A 2 h and 3 h, the expert 1.5 h on contract A; mentor B 4 h on B.
        week_1, week_2 = cls._weeks(cls.MONDAY, 2)
        cls._followup(cls, cls.contract_a, hours=2.0, week=week_1)
        cls._followup(cls, cls.contract_a, hours=3.0, week=week_2)
        cls._followup(cls, cls.contract_a, hours=1.5, week=week_1, member=cls.expert)
        cls._followup(cls, cls.contract_b, hours=4.0, week=week_1)
        cls._followup(cls, cls.contract_x, hours=8.0, week=week_1)
        cls.contract_x.state = "cancelled"
        cls.env["ess.mentoring.goal"].create(
            [
                {"contract_id": cls.contract_a.id, "name": "Nextcloud for the team", "state": "achieved"},
                {"contract_id": cls.contract_a.id, "name": "A data protection register", "state": "open"},
                {"contract_id": cls.contract_b.id, "name": "A new website", "state": "dropped"},
                {"contract_id": cls.contract_x.id, "name": "Never started", "state": "achieved"},
            ]
        )
        cls._satisfaction(cls.contract_a, cls.contact_a, 4)
        cls._satisfaction(cls.contract_b, cls.contact_b, 5)
        cls._satisfaction(cls.contract_x, cls.contact_x, 1)

        # Cohorts through 2026, each with one session held (the common's sessions, a month
        # from today, would leave the year): A present, B absent, C joined A's as a guest.
        for cohort in cls.cohort_a | cls.cohort_b:
            cohort.session_ids.unlink()
            cohort.write({"date_start": PERIOD["date_from"], "date_end": PERIOD["date_to"]})
        Session = cls.env["ess.cohort.session"]
        cls.session_a = Session.create(
            {"cohort_id": cls.cohort_a.id, "date": "2026-05-12 15:00:00", "topic": "Free software day",
             "learnings": "<p>Nextcloud works</p><p>Ask the provider first</p>", "is_open": True}
        )  # fmt: skip
        cls.session_b = Session.create(
            {"cohort_id": cls.cohort_b.id, "date": "2026-05-14 15:00:00", "topic": "Data protection",
             "learnings": "<p>A register of processing</p>"}
        )  # fmt: skip
        cls.env["ess.cohort.attendance"].create(
            [
                {"session_id": cls.session_a.id, "partner_id": cls.entity_a.id, "attended": "present"},
                {"session_id": cls.session_b.id, "partner_id": cls.entity_b.id, "attended": "absent"},
                {"session_id": cls.session_a.id, "partner_id": cls.entity_c.id, "attended": "present",
                 "is_guest": True},
            ]
        )  # fmt: skip
        cls.report = cls.env["ess.impact.report"].create(
            dict(PERIOD, name="Impact 2026", sector_ids=[Command.set(cls.impact_sector.ids)])
        )

    @classmethod
    def _dated_diagnosis(cls, entity, contact, day, phase, answers):
        return cls._done_diagnosis(cls, entity, answers, partner=contact, date=day, phase=phase)

    @classmethod
    def _satisfaction(cls, contract, person, choice):
        """A done answer of ``person`` to the closing survey of ``contract``: ``choice``
        from 1 (very dissatisfied) to 5 (very satisfied)."""
        survey = cls.env.ref("ess_mentoring.survey_ess_satisfaction")
        question = cls.env.ref("ess_mentoring.survey_ess_satisfaction_q_overall")
        answer = survey._create_answer(
            partner=person, check_attempts=False, ess_mentoring_contract_id=contract.id
        )
        answer._save_lines(
            question, question.suggested_answer_ids.filtered(lambda a: a.sequence == choice).id
        )
        answer._mark_done()
        return answer


class EssImpactVolume:
    """Generated offices of any size, for the query counts and the benchmark: ``count``
    entities of a new sector, each with a baseline and a final diagnosis scored on the
    office's dimensions, an active contract with two follow-ups and a goal, two tools,
    and, ten by ten, a cohort with a held session whose attendance is recorded."""

    @classmethod
    def _generate_office(cls, env, count, mentor, label="Generated"):
        sector = env["ess.sector"].create({"name": f"{label} sector {count}"})
        entities = env["res.partner"].create(
            [{"name": f"{label} entity {index}", "is_company": True, "is_ess_entity": True,
              "ess_sector_id": sector.id, "ess_worker_count": index % 60} for index in range(count)]
        )  # fmt: skip
        people = env["res.partner"].create(
            [
                {"name": f"{label} person {index}", "parent_id": entity.id}
                for index, entity in enumerate(entities)
            ]
        )
        survey = env.ref("ess_diagnosis.survey_ess_diagnosis")
        dimensions = env["ess.dimension"].search([])
        Diagnosis = env["ess.diagnosis"]
        diagnoses = Diagnosis.create(
            [{"partner_id": entity.id, "survey_id": survey.id, "date": day, "phase": phase, "state": "done"}
             for entity in entities for day, phase in (("2026-01-15", "baseline"), ("2026-11-15", "final"))]
        )  # fmt: skip
        diagnoses._ess_replace_score_lines(
            [(diagnosis.id, dimension.id, float((diagnosis.id * 7 + dimension.id * 13) % 100), 1)
             for diagnosis in diagnoses for dimension in dimensions]
        )  # fmt: skip
        answers = env["survey.user_input"].create(
            [{"survey_id": survey.id, "partner_id": person.id, "ess_diagnosis_id": diagnosis.id, "state": "done"}
             for person, diagnosis in zip(people, diagnoses[::2], strict=True)]
        )  # fmt: skip
        contracts = env["ess.mentoring.contract"].create(
            [{"partner_id": entity.id, "mentor_id": mentor.id, "date_start": "2026-01-01", "date_end": "2026-12-31",
              "hours_budget": 40} for entity in entities]
        )  # fmt: skip
        contracts.write({"state": "active"})
        env["ess.mentoring.followup"].create(
            [{"contract_id": contract.id, "member_id": mentor.id, "week_start": week, "hours": 2.0}
             for contract in contracts for week in ("2026-03-02", "2026-03-09")]
        )  # fmt: skip
        env["ess.mentoring.goal"].create(
            [{"contract_id": contract.id, "name": "A goal", "state": "achieved"} for contract in contracts]
        )
        env["ess.tool.inventory.line"].create(
            [{"partner_id": entity.id, "name": name, "status": status}
             for entity in entities for name, status in (("Drive", "replaced"), ("Excel", "kept"))]
        )  # fmt: skip
        for start in range(0, count, 10):
            group = entities[start : start + 10]
            cohort = env["ess.cohort"].create(
                {"name": f"{label} cohort {start}", "date_start": "2026-01-01", "date_end": "2026-12-31",
                 "state": "running"}
            )  # fmt: skip
            env["ess.cohort.member"].create(
                [{"cohort_id": cohort.id, "partner_id": entity.id, "state": "active"} for entity in group]
            )
            session = env["ess.cohort.session"].create(
                {
                    "cohort_id": cohort.id,
                    "date": "2026-05-12 15:00:00",
                    "topic": "Held",
                    "learnings": "<p>One</p>",
                }
            )
            env["ess.cohort.attendance"].create(
                [
                    {"session_id": session.id, "partner_id": entity.id, "attended": "present"}
                    for entity in group
                ]
            )
        return sector, entities, answers
