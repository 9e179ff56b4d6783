"""Time the scoring of 1,000 completed responses of the shipped questionnaire.

Run inside Odoo's shell on a database with ess_diagnosis installed; everything it
creates is rolled back:

    tools/ess bench-scoring [DATABASE]
"""

import random
import time

RESPONSES, PER_DIAGNOSIS = 1000, 10

survey = env.ref("ess_diagnosis.survey_ess_diagnosis")  # noqa: F821 - the shell's environment
entities = env["res.partner"].create(  # noqa: F821
    [{"name": f"Benchmark entity {n}", "is_ess_entity": True} for n in range(RESPONSES // PER_DIAGNOSIS)]
)
diagnoses = env["ess.diagnosis"].create([{"partner_id": entity.id} for entity in entities])  # noqa: F821
questions = survey.question_ids.filtered(lambda q: q.question_type in ("simple_choice", "multiple_choice"))
rng = random.Random(42)
answers = env["survey.user_input"].create(  # noqa: F821
    [
        {"survey_id": survey.id, "ess_diagnosis_id": diagnosis.id, "partner_id": diagnosis.partner_id.id}
        for diagnosis in diagnoses
        for _n in range(PER_DIAGNOSIS)
    ]
)
lines = []
for answer in answers:
    for question in questions:
        for choice in rng.sample(
            question.suggested_answer_ids.ids, 1 if question.question_type == "simple_choice" else 2
        ):
            lines.append(
                {
                    "user_input_id": answer.id,
                    "question_id": question.id,
                    "answer_type": "suggestion",
                    "suggested_answer_id": choice,
                }
            )
env["survey.user_input.line"].create(lines)  # noqa: F821
answers.write({"state": "done"})
env.flush_all()  # noqa: F821
env.invalidate_all()  # noqa: F821

start = time.perf_counter()
diagnoses._ess_recompute_scores()
env.flush_all()  # noqa: F821
elapsed = time.perf_counter() - start
print(
    f"scored {len(answers)} completed responses ({len(lines)} answer lines) of {len(diagnoses)} diagnoses "
    f"in {elapsed:.2f} s: {len(diagnoses.score_ids)} dimension scores"
)
env.cr.rollback()  # noqa: F821
