import { registry } from "@web/core/registry";

// An officer opens an entity from the ESS Office app and starts its itinerary.
registry.category("web_tour.tours").add("ess_office_base_start_itinerary", {
    steps: () => [
        {
            content: "Open the entity from the Entities kanban",
            trigger: ".o_kanban_record:contains('Cooperativa A')",
            run: "click",
        },
        {
            content: "The entity's form is shown",
            trigger: ".o_last_breadcrumb_item:contains('Cooperativa A')",
        },
        {
            content: "Open the ESS tab",
            trigger: ".o_notebook .nav-link[name='ess']",
            run: "click",
        },
        {
            content: "The size class is computed from the workers",
            trigger: ".o_field_widget[name='ess_size_class']:contains('Micro')",
        },
        {
            content: "Start the itinerary",
            trigger: "button[name='action_ess_start_itinerary']",
            run: "click",
        },
        {
            content: "The new itinerary opens",
            trigger: ".o_last_breadcrumb_item:contains('Itinerary: Cooperativa A')",
        },
        {
            content: "It belongs to the entity",
            trigger: ".o_field_widget[name='ess_entity_id'] input:value('Cooperativa A')",
        },
    ],
});
