{
    "name": "ESS Office - Impact of the bootcamp",
    "summary": "The impact report counts the entities' people enrolled in the bootcamp's courses and the "
    "courses they completed, per entity and per dimension",
    "version": "18.0.1.0.0",
    "category": "Services/ESS Office",
    "website": "https://github.com/ess-office/ess-office",
    "author": "ESS Office contributors",
    "maintainers": ["ess-office"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "application": False,
    "installable": True,
    "auto_install": True,
    "depends": [
        "ess_impact",
        "ess_learning",
    ],
    "data": [
        "views/ess_impact_report_templates.xml",
    ],
}
