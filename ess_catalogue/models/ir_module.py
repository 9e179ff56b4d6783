from odoo import models


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    def _load_module_terms(self, modules, langs, overwrite=False, imported_module=False):
        res = super()._load_module_terms(modules, langs, overwrite=overwrite, imported_module=imported_module)
        # Translations from PO files are written in SQL, past the ORM: the catalogue's
        # search document reads them again.
        resources = self.env["ess.catalogue.resource"].with_context(active_test=False).search([])
        self.env.add_to_compute(resources._fields["search_document"], resources)
        return res
