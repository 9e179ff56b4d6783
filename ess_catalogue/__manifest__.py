{
    "name": "ESS Office - Public catalogue",
    "summary": "Public website catalogue of free-software tools",
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
        "ess_diagnosis",
        "website",
    ],
    "data": [],
    "demo": [
        "demo/website_demo.xml",
    ],
}
