{
    "name": "ESS Office - ESSBot",
    "summary": "ESSBot, the office's virtual advisor on the website: finds tools and free alternatives, local "
    "ESS providers and funding in the catalogue, takes requests for accompaniment and hands over to a person",
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
        "ess_catalogue",
        "im_livechat",
        "website_livechat",
    ],
    "data": [
        "security/ess_bot_security.xml",
        "security/ir.model.access.csv",
        "data/ess_bot_data.xml",
        "data/ess_bot_cron.xml",
        "views/chatbot_script_views.xml",
        "views/ess_bot_request_views.xml",
        "views/ess_bot_report_views.xml",
        "views/ess_bot_menus.xml",
    ],
    "assets": {
        "im_livechat.assets_embed_core": [
            "ess_bot/static/src/embed/**/*",
        ],
        "web.assets_tests": [
            "ess_bot/static/tests/tours/*.js",
        ],
    },
    "demo": [
        "demo/ess_bot_demo.xml",
    ],
}
