from odoo.tests import tagged

from .access_matrix import AccessMatrixMixin, AccessMatrixTests, models_without_row
from .access_rows import ACCESS_ROWS
from .common import EssOfficeCommon


class AccessMatrixCommon(EssOfficeCommon, AccessMatrixMixin):
    """The records of ess_office_base's rows, for entities A and B and shared."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.itinerary_a = cls._start_itinerary(cls.entity_a)
        cls.itinerary_b = cls._start_itinerary(cls.entity_b)
        cls.matrix_mentor = cls.env["res.partner"].create(
            {"name": "Mentora de la matriu", "is_ess_mentor": True, "ess_mentor_type": "volunteer"}
        )
        cls.matrix_package = cls.env["ess.service.package"].create({"name": "Paquet de la matriu"})
        cls.matrix_dimension = cls.env["ess.dimension"].create(
            {"name": "Dimensió de la matriu", "code": "matrix"}
        )
        cls.matrix_sector = cls.env["ess.sector"].create({"name": "Sector de la matriu"})
        cls.matrix_privacy_log = cls.contact_a._ess_privacy_log("export")


@tagged("post_install", "-at_install")
class TestAccessMatrix(AccessMatrixCommon, AccessMatrixTests):
    access_rows = ACCESS_ROWS

    def test_access_matrix(self):
        self.assertGreater(self.assertAccessMatrix(ACCESS_ROWS), 0)

    def test_access_matrix_coverage(self):
        """Every installed ess.* model has its row, declared by the addon that defines it."""
        self.assertFalse(models_without_row(self.env), "these models have no row in the access matrix")
