{
    "name": "ESS Office - Digital tool inventory",
    "summary": "Entities' digital tool inventory, free software share and migration plans to free alternatives",
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
        "ess_catalogue",
        "ess_diagnosis",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/ess_tool_inventory_security.xml",
        "data/project_data.xml",
        "views/ess_diagnosis_views.xml",
        "views/ess_diagnosis_templates.xml",
        "views/ess_tool_inventory_views.xml",
        "views/ess_tool_inventory_templates.xml",
        "views/ess_tool_inventory_menus.xml",
    ],
    "assets": {
        "web.assets_frontend": [
            "ess_tool_inventory/static/src/js/tool_suggest.js",
        ],
        "web.assets_tests": [
            "ess_tool_inventory/static/tests/tours/*.js",
        ],
    },
    "demo": [
        "demo/ess_tool_inventory_demo.xml",
    ],
}
