{
    "name": "ESS Office - Impact",
    "summary": "What the accompaniment changed, per entity, cohort, office and period: dashboard, funder PDF "
    "and spreadsheet, DMA-style CSV and a public /impact page",
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
        "report_xlsx",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/ess_impact_security.xml",
        "report/ess_impact_report.xml",
        "views/ess_impact_report_templates.xml",
        "views/ess_impact_report_views.xml",
        "views/ess_impact_templates.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "ess_impact/static/tests/tours/*.js",
        ],
    },
    "demo": [
        "demo/ess_impact_demo.xml",
    ],
}
