from odoo.addons.ess_catalogue.tests.common import EssCatalogueCommon
from odoo.addons.ess_diagnosis.tests.common import EssDiagnosisCommon


class EssToolInventoryCommon(EssDiagnosisCommon, EssCatalogueCommon):
    """The catalogue's small catalogue (ess_catalogue's common) and the diagnosis's small
    questionnaire (ess_diagnosis's common), for the inventory and the recommendations."""
