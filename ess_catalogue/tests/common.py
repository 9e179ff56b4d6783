from odoo.addons.ess_office_base.tests.common import EssOfficeCommon


class EssCatalogueCommon(EssOfficeCommon):
    """A small catalogue: two published free tools and a published proprietary one they
    replace (data management), a published guide (free software dimension), and a draft
    and a submitted resource that nobody but officers sees."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dim_data = cls.env.ref("ess_office_base.ess_dimension_data_management")
        cls.dim_free = cls.env.ref("ess_office_base.ess_dimension_free_software")
        cls.Resource = cls.env["ess.catalogue.resource"]
        # The demo catalogue is set aside: these tests count and order their own resources.
        cls.Resource.search([]).with_context(tracking_disable=True).write({"state": "draft"})
        cls.tag_cloud = cls.env["ess.catalogue.tag"].create({"name": "Test cloud"})
        cls.lang_ca = cls.env.ref("base.lang_ca_ES")
        cls.provider = cls.env["res.partner"].create(
            {"name": "Cooperativa Proveïdora", "is_company": True, "is_ess_provider": True, "city": "Manresa"}
        )
        cls.free_cloud = cls._resource(
            "Núvol Lliure", license_type="free_software", cost="free", dimension_ids=cls.dim_data.ids,
            tag_ids=cls.tag_cloud.ids, language_ids=cls.lang_ca.ids, provider_id=cls.provider.id, self_hostable=True,
            data_location="self_hosted",
        )  # fmt: skip
        cls.free_office = cls._resource(
            "Ofimàtica Lliure", license_type="free_software", cost="free", dimension_ids=cls.dim_data.ids
        )
        cls.proprietary_cloud = cls._resource(
            "Big Cloud", license_type="proprietary", cost="paid", dimension_ids=cls.dim_data.ids,
            tag_ids=cls.tag_cloud.ids, data_location="outside_eu", vendor_sells_data=True,
            alternative_ids=(cls.free_cloud | cls.free_office).ids,
        )  # fmt: skip
        cls.guide = cls._resource(
            "Guia de sobirania", resource_type="guide", license_type="open_content", cost="free",
            dimension_ids=cls.dim_free.ids,
        )  # fmt: skip
        cls.draft = cls._resource("Esborrany secret", state="draft", dimension_ids=cls.dim_data.ids)
        cls.submitted = cls._resource(
            "Proposta pendent", state="submitted", dimension_ids=cls.dim_data.ids, proposer_name="Visitant",
            proposer_email="visitant@example.com",
        )  # fmt: skip
        cls.published = cls.free_cloud | cls.free_office | cls.proprietary_cloud | cls.guide
        # Tracking messages are written before a commit: now, not in the middle of a test.
        cls.env.flush_all()
        cls.env.cr.precommit.run()

    @classmethod
    def _resource(cls, name, state="published", **values):
        for key in ("dimension_ids", "tag_ids", "language_ids", "alternative_ids"):
            if key in values:
                values[key] = [(6, 0, values[key])]
        return cls.env["ess.catalogue.resource"].create(
            dict(
                {"name": name, "summary": f"{name}, in short", "resource_type": "tool", "state": state},
                **values,
            )
        )
