from odoo.http import request

from odoo.addons.website_slides.controllers.main import WebsiteSlides


class EssLearningSlides(WebsiteSlides):
    """/slides/all filters the courses by the diagnosis dimension they strengthen
    (?dimension=<id>); the model builds the domain (slide.channel._search_get_detail)."""

    def _ess_dimension_param(self, post):
        value = post.get("dimension")
        if isinstance(value, str) and value.isdigit() and len(value) < 10:
            dimension = request.env["ess.dimension"].sudo().browse(int(value)).exists()
            return dimension
        return request.env["ess.dimension"]

    def _get_slide_channel_search_options(self, my=None, slug_tags=None, slide_category=None, **post):
        options = super()._get_slide_channel_search_options(
            my=my, slug_tags=slug_tags, slide_category=slide_category, **post
        )
        options["ess_dimension"] = self._ess_dimension_param(post).id
        return options

    def slides_channel_all_values(self, slide_category=None, slug_tags=None, my=False, **post):
        values = super().slides_channel_all_values(
            slide_category=slide_category, slug_tags=slug_tags, my=my, **post
        )
        # The dimensions some published course strengthens (public taxonomy).
        courses = (
            request.env["slide.channel"]
            .sudo()
            .search([("is_published", "=", True), ("ess_dimension_ids", "!=", False)])
        )
        values.update(
            ess_dimensions=courses.ess_dimension_ids.sorted(lambda d: (d.sequence, d.id)),
            ess_dimension=self._ess_dimension_param(post),
        )
        return values
