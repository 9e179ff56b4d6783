{
    "name": "ESS Office - Digital maturity diagnosis",
    "summary": "Participatory digital-maturity diagnosis of ESS entities on top of Odoo surveys",
    "version": "18.0.1.0.1",
    "category": "Services/ESS Office",
    "website": "https://github.com/ess-office/ess-office",
    "author": "ESS Office contributors",
    "maintainers": ["ess-office"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "application": False,
    "installable": True,
    "depends": [
        "ess_office_base",
        "survey",
    ],
    "data": [
        "security/ess_diagnosis_groups.xml",
        "security/ir.model.access.csv",
        "security/ess_diagnosis_security.xml",
        "data/ess_diagnosis_level_data.xml",
        "data/survey_ess_diagnosis_data.xml",
        "views/ess_diagnosis_views.xml",
        "views/ess_diagnosis_level_views.xml",
        "views/survey_question_views.xml",
        "views/ess_diagnosis_templates.xml",
        "views/ess_diagnosis_menus.xml",
        "report/ess_diagnosis_report.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "ess_diagnosis/static/src/radar_chart/*",
        ],
        "web.assets_tests": [
            "ess_diagnosis/static/tests/tours/*.js",
        ],
    },
    "demo": [
        "demo/ess_diagnosis_demo.xml",
    ],
}
