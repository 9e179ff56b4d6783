import { registry } from "@web/core/registry";

// An entity member adds a tool to the inventory, offered by the catalogue as they type,
// and sees its free alternatives.
registry.category("web_tour.tours").add("ess_catalogue_member_adds_tool", {
    url: "/my/tools",
    steps: () => [
        {
            content: "Start typing the tool's name",
            trigger: ".o_ess_tool_form input.o_ess_tool_name",
            run: "edit Big",
        },
        {
            content: "The catalogue's tool is offered",
            trigger: ".o_ess_tool_form:has(.o_ess_tool_suggestions option[value='Big Cloud'])",
        },
        {
            content: "Choose it",
            trigger: ".o_ess_tool_form input.o_ess_tool_name",
            run: "edit Big Cloud",
        },
        {
            content: "It is linked to the catalogue",
            trigger: ".o_ess_tool_form:has(input.o_ess_tool_resource_id:not([value='']))",
        },
        {
            content: "Used for video calls",
            trigger: ".o_ess_tool_form select[name='usage']",
            run: "select video_calls",
        },
        {
            content: "By seven people",
            trigger: ".o_ess_tool_form input[name='user_count']",
            run: "edit 7",
        },
        {
            content: "Add it",
            trigger: ".o_ess_tool_form .o_ess_tool_submit",
            run: "click",
        },
        {
            content: "Its free alternatives are shown, ready to plan",
            trigger: ".o_ess_alternatives .o_ess_alternative:contains('Núvol Lliure') .o_ess_plan_migration",
        },
    ],
});
