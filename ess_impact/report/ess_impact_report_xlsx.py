from odoo import models


class EssImpactReportXlsx(models.AbstractModel):
    """The impact report's spreadsheet for funders (OCA report_xlsx): a sheet of every
    figure and a sheet of the entities, one row each."""

    _name = "report.ess_impact.report_ess_impact_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Impact report spreadsheet"

    def generate_xlsx_report(self, workbook, data, reports):
        bold = workbook.add_format({"bold": True})
        number = workbook.add_format({"num_format": "0.0"})
        day = workbook.add_format({"num_format": "yyyy-mm-dd"})
        reports.check_access("read")
        # In the reader's language, whatever the request's (a download link carries none).
        reports = reports.with_context(lang=self.env.user.lang)
        for report in reports:
            impact = report._ess_impact()
            figures = workbook.add_worksheet(self._sheet_name(workbook, report.name))
            figures.set_column(0, 0, 60)
            figures.set_column(1, 5, 14)
            for row, (label, *values) in enumerate(report._ess_impact_figure_rows(impact)):
                figures.write(row, 0, label, bold if not values else None)
                for column, value in enumerate(values, start=1):
                    figures.write(row, column, value, number if isinstance(value, float) else None)
            entities = workbook.add_worksheet(self._sheet_name(workbook, report.env._("Entities")))
            columns = report._ess_impact_entity_columns()
            entities.set_column(0, 0, 40)
            entities.set_column(1, len(columns), 16)
            for column, (_key, label) in enumerate(columns):
                entities.write(0, column, label, bold)
            for row, values in enumerate(impact["rows"], start=1):
                for column, (key, _label) in enumerate(columns):
                    value = values[key]
                    if value is None or value is False:
                        continue
                    if key.endswith("_date"):
                        entities.write_datetime(row, column, value, day)
                    else:
                        entities.write(row, column, value, number if isinstance(value, float) else None)

    @staticmethod
    def _sheet_name(workbook, name):
        """A sheet name Excel takes (31 characters, none of []:*?/\\), unique in the book."""
        name = "".join(" " if char in "[]:*?/\\" else char for char in name)[:28] or "Sheet"
        taken = {sheet.get_name() for sheet in workbook.worksheets()}
        candidate, index = name, 2
        while candidate in taken:
            candidate, index = f"{name} {index}", index + 1
        return candidate
