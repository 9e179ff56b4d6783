import { registry } from "@web/core/registry";

// A mentor logs this week's hours for one of their contracts in the weekly grid.
registry.category("web_tour.tours").add("ess_mentoring_week_grid", {
    url: "/odoo/action-ess_mentoring.ess_mentoring_week_grid_action",
    steps: () => [
        {
            content: "The grid has a row for the contract of Cooperativa A",
            trigger: ".o_field_x2many_2d_matrix tbody tr:has(td:contains('Cooperativa A'))",
        },
        {
            content: "Log 2.5 hours in this week's column, the last one",
            trigger:
                ".o_field_x2many_2d_matrix tbody tr:has(td:contains('Cooperativa A')) td:nth-child(5) input",
            run: "edit 2.5",
        },
        {
            content: "Save the hours",
            trigger: "button.o_ess_save_grid",
            run: "click",
        },
        {
            content: "The office confirms the hours are saved",
            trigger: ".o_notification:contains('Your hours are saved.')",
        },
        {
            content: "Go to the follow-ups (the grid is a new form each time: leave it)",
            trigger: ".o_main_navbar",
            run() {
                window.location.href = "/odoo/action-ess_mentoring.ess_mentoring_followup_action";
            },
        },
        {
            content: "The week is saved as a follow-up of Cooperativa A",
            trigger: ".o_list_view .o_data_row:contains('Cooperativa A')",
        },
    ],
});

// An entity member opens a week of the mentoring in the portal and comments on it.
registry.category("web_tour.tours").add("ess_mentoring_portal_comment", {
    url: "/my/mentoring",
    steps: () => [
        {
            content: "Open the entity's mentoring contract",
            trigger: "a:contains('MEN/')",
            run: "click",
        },
        {
            content: "The burn-down chart is drawn",
            trigger: ".o_ess_burndown canvas[style*='width']",
        },
        {
            content: "Open the week in the timeline",
            trigger: "a.o_ess_followup:contains('Instal·lació del núvol')",
            run: "click",
        },
        {
            content: "Write the entity's word on the week",
            trigger: "textarea#ess_entity_comment",
            run: "edit Ens ha anat molt bé: ja tenim les carpetes ordenades.",
        },
        {
            content: "Save it",
            trigger: "button.o_ess_save_comment",
            run: "click",
        },
        {
            content: "The comment is saved",
            trigger: ".o_ess_comment_saved",
        },
        {
            content: "and the week's thread is there to discuss it",
            trigger: ".o_portal_chatter, #discussion",
        },
    ],
});
