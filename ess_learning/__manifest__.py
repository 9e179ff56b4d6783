{
    "name": "ESS Office - Learning",
    "summary": "The bootcamp's short courses on Odoo's eLearning, tied to the diagnosis dimensions: recommended "
    "from each entity's gaps, named by mentoring goals and cohort sessions, followed by the mentors",
    "version": "18.0.1.0.0",
    "category": "Services/ESS Office",
    "website": "https://github.com/ess-office/ess-office",
    "author": "ESS Office contributors",
    "maintainers": ["ess-office"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "application": False,
    "installable": True,
    "depends": [
        "ess_cohort",
        "ess_tool_inventory",
        "website_slides_survey",
    ],
    "data": [
        "security/ess_learning_security.xml",
        "security/ir.model.access.csv",
        "views/slide_channel_views.xml",
        "views/slide_channel_partner_views.xml",
        "views/ess_diagnosis_views.xml",
        "views/ess_mentoring_views.xml",
        "views/ess_cohort_views.xml",
        "views/ess_learning_menus.xml",
        "views/website_slides_templates.xml",
        "views/ess_diagnosis_templates.xml",
        "views/ess_learning_portal_templates.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "ess_learning/static/tests/tours/*.js",
        ],
    },
    "demo": [
        "demo/ess_learning_courses_demo.xml",
        "demo/ess_learning_demo.xml",
    ],
}
