{
    "name": "ESS Office - Public catalogue",
    "summary": "Public website catalogue of digital resources, programmes and ESS providers",
    "version": "18.0.1.0.3",
    "category": "Services/ESS Office",
    "website": "https://github.com/ess-office/ess-office",
    "author": "ESS Office contributors",
    "maintainers": ["ess-office"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "application": False,
    "installable": True,
    "external_dependencies": {"python": ["openupgradelib"]},
    "uninstall_hook": "uninstall_hook",
    "depends": [
        "ess_office_base",
        "website",
        "portal_rating",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/ess_catalogue_security.xml",
        "data/website_data.xml",
        "data/ir_cron_data.xml",
        "views/ess_catalogue_resource_views.xml",
        "views/ess_catalogue_templates.xml",
        "views/ess_catalogue_menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "ess_catalogue/static/tests/tours/*.js",
        ],
    },
    "demo": [
        "demo/website_demo.xml",
        "demo/ess_catalogue_resource_demo.xml",
    ],
}
