{
    "name": "ESS Office - Mentoring",
    "summary": "Mentoring contracts with hours budgets and goals",
    "version": "18.0.1.0.2",
    "category": "Services/ESS Office",
    "website": "https://github.com/ess-office/ess-office",
    "author": "ESS Office contributors",
    "maintainers": ["ess-office"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "application": False,
    "installable": True,
    "depends": [
        "ess_diagnosis",
        "portal",
        "web_widget_x2many_2d_matrix",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/ess_mentoring_security.xml",
        "data/ess_mentoring_data.xml",
        "data/survey_ess_satisfaction_data.xml",
        "views/ess_mentoring_contract_views.xml",
        "views/ess_mentoring_followup_views.xml",
        "views/ess_mentoring_wizard_views.xml",
        "views/ess_mentoring_templates.xml",
        "views/ess_mentoring_menus.xml",
    ],
    "assets": {
        "web.assets_frontend": [
            "ess_mentoring/static/src/burndown/*.js",
        ],
        "web.assets_tests": [
            "ess_mentoring/static/tests/tours/*.js",
        ],
    },
    "demo": [
        "demo/ess_mentoring_demo.xml",
    ],
}
