import { registry } from "@web/core/registry";

// An officer opens an impact report of the demo office, reads its figures and drills
// down to the entities behind them.
registry.category("web_tour.tours").add("ess_impact_officer_drills_down", {
    url: "/odoo/action-ess_impact.ess_impact_report_action",
    steps: () => [
        {
            content: "Open the report of the year",
            trigger: ".o_list_view .o_data_row:first-child .o_data_cell[name='name']",
            run: "click",
        },
        {
            content: "The figures, with the maturity table and the radar",
            trigger: ".o_form_view .o_ess_impact_report .o_ess_impact_maturity",
        },
        {
            content: "The radar is drawn",
            trigger: ".o_form_view .o_field_ess_radar_chart canvas",
        },
        {
            content: "Drill down to the entities accompanied (the first figure, whatever the language)",
            trigger: ".o-form-buttonbox button[name='action_ess_drill']:first",
            run: "click",
        },
        {
            content: "The entities are listed",
            trigger: ".o_list_view .o_data_row",
        },
    ],
});

// The public summary of the year, with its figures over enough entities.
registry.category("web_tour.tours").add("ess_impact_visitor_reads_impact", {
    url: "/impact",
    steps: () => [
        {
            content: "The year's figures are shown",
            trigger: ".o_ess_impact_page .o_ess_impact_figures",
        },
        {
            content: "Open the oldest year offered, before the office's first accompaniment",
            trigger: ".o_ess_impact_page nav a:last",
            run: "click",
        },
        {
            content: "A year without enough entities shows no figure",
            trigger: ".o_ess_impact_page .o_ess_impact_hidden",
        },
    ],
});
