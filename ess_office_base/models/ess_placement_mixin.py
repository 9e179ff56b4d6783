from odoo import models


class EssPlacementMixin(models.AbstractModel):
    """Checks where a record lands, not only where it was.

    Odoo checks the write rules of a record before the write: a user allowed to write a
    record may move it (change its entity, contract, cohort, session or author) to a
    place where he could never have created it. Models that hold an entity's data name
    the fields that place them in ``_ess_placement_fields``; a write that changes one of
    them is kept only where the writer could create the record as it now is (the create
    rules, checked after the write, as Odoo checks them after a create)."""

    _name = "ess.placement.mixin"
    _description = "ESS record placement check"

    # The fields that say where a record belongs (its entity, parent or author).
    _ess_placement_fields = ()

    def write(self, vals):
        result = super().write(vals)
        if (
            not self.env.su
            and self._ess_placement_fields
            and not vals.keys().isdisjoint(self._ess_placement_fields)
        ):
            self._ess_check_placement()
        return result

    def _ess_check_placement(self):
        """Raise an AccessError unless the current user may create ``self`` as it is now."""
        self.flush_recordset()
        self.check_access("create")
