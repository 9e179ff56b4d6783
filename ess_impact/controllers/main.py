import csv
import io
from datetime import date

from werkzeug.exceptions import Forbidden, NotFound

from odoo import fields, http
from odoo.exceptions import AccessError
from odoo.http import content_disposition, request

from odoo.addons.ess_diagnosis.models.ess_diagnosis import BENCHMARK_MIN_ENTITIES

# Years the public page offers, back from the current one.
PUBLIC_YEARS = 5


class EssImpact(http.Controller):
    # ------------------------------------------------------------
    # /impact: the public, anonymised summary
    # ------------------------------------------------------------

    def _impact_years(self):
        this_year = fields.Date.context_today(request.env.user).year
        return list(range(this_year, this_year - PUBLIC_YEARS, -1))

    def _public_impact(self, year):
        """The figures of the website's office for ``year``, each an aggregate over
        BENCHMARK_MIN_ENTITIES entities or more (fewer: None, not shown)."""
        # sudo: only aggregates over five entities or more leave _ess_impact.
        report = (
            request.env["ess.impact.report"]
            .sudo()
            .new(
                {
                    "name": str(year),
                    "date_from": date(year, 1, 1),
                    "date_to": date(year, 12, 31),
                    "company_ids": [fields.Command.set(request.website.company_id.ids)],
                }
            )
        )
        return report, report._ess_impact(minimum=BENCHMARK_MIN_ENTITIES)

    @http.route(["/impact"], type="http", auth="public", website=True, sitemap=True, readonly=True)
    def impact(self, year=None, **kwargs):
        years = self._impact_years()
        try:
            year = int(year) if year else years[0]
        except (TypeError, ValueError):
            year = years[0]
        if year not in years:
            year = years[0]
        report, impact = self._public_impact(year)
        values = {
            "report": report,
            "impact": impact,
            "year": year,
            "years": years,
            "minimum": BENCHMARK_MIN_ENTITIES,
            "shown": impact["entities"] >= BENCHMARK_MIN_ENTITIES,
        }
        return request.render("ess_impact.impact_page", values)

    # ------------------------------------------------------------
    # The DMA-style CSV of a report
    # ------------------------------------------------------------

    @http.route("/ess_impact/dma/<int:report_id>", type="http", auth="user", methods=["GET"])
    def impact_dma_csv(self, report_id, **kwargs):
        """One row per entity and diagnosis, with the EU DMA dimension codes and the
        T0/T1 marks, for the office staff who may read the report."""
        report = request.env["ess.impact.report"].browse(report_id)
        try:
            if not report.exists():
                raise NotFound()
            report.check_access("read")
            lines = report._ess_dma_rows()
        except AccessError as refusal:
            raise Forbidden() from refusal
        output = io.StringIO()
        writer = csv.writer(output)
        Partner = request.env["res.partner"]
        for line in lines:
            writer.writerow([Partner._ess_privacy_cell(value) for value in line])
        filename = f"dma-{report.id}-{report.date_from.year}.csv"
        return request.make_response(
            output.getvalue().encode(),
            headers=[
                ("Content-Type", "text/csv; charset=utf-8"),
                ("Content-Disposition", content_disposition(filename)),
                ("Cache-Control", "no-store"),
            ],
        )
