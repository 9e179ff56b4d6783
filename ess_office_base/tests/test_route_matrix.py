from odoo.tests import HttpCase, tagged

from .common import EssOfficeCommon
from .route_matrix import RouteMatrixMixin, ess_routes, installed_route_modules, installed_route_rows


@tagged("post_install", "-at_install")
class TestRouteMatrix(EssOfficeCommon, HttpCase, RouteMatrixMixin):
    """Every route of every installed ESS addon, as every role, on entity A's, entity B's
    and unpublished records: each addon's ``setup_route_records`` builds the records its
    rows request, dependencies first."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Names no page shows by chance: a page that holds one shows that entity's data.
        cls.entity_a.name = "Entitat Alfa de les rutes"
        cls.entity_b.name = "Entitat Beta de les rutes"
        for module in installed_route_modules(cls.env):
            module.setup_route_records(cls)

    def test_route_matrix_coverage(self):
        """Every route an installed ESS addon declares has its row."""
        declared = {(row.path, row.method) for row in installed_route_rows(self.env)}
        self.assertFalse(ess_routes(self.env) - declared, "these routes have no row in the route matrix")
        self.assertFalse(declared - ess_routes(self.env), "these rows are routes no more")

    def test_route_matrix(self):
        rows = installed_route_rows(self.env)
        if rows:
            self.assertGreater(self.assertRouteMatrix(rows), len(rows))

    def test_posts_need_a_valid_csrf_token(self):
        rows = installed_route_rows(self.env)
        posts = [row for row in rows if row.method == "POST"]
        self.assertEqual(self.assertPostsNeedCsrf(rows), 2 * len(posts), "no token, another session's")
