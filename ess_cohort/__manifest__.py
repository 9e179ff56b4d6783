{
    "name": "ESS Office - Cohorts",
    "summary": "Cohorts of entities that follow an itinerary together",
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
        "ess_mentoring",
        "calendar",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/ess_cohort_security.xml",
        "views/ess_cohort_templates.xml",
        "views/ess_cohort_views.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "ess_cohort/static/tests/tours/*.js",
        ],
    },
    "demo": [
        "demo/ess_cohort_demo.xml",
    ],
}
