import { registry } from "@web/core/registry";

// A visitor narrows the catalogue to a dimension and opens a resource.
registry.category("web_tour.tours").add("ess_catalogue_visitor_filters", {
    url: "/catalogue",
    steps: () => [
        {
            content: "Filter by the dimension 'Data management'",
            trigger: ".o_ess_facet_dimension label.o_ess_facet_value:contains('Data management')",
            run: "click",
        },
        {
            content: "The filter is on and kept in the URL",
            trigger: ".o_ess_facet_dimension label.o_ess_facet_value.fw-bold:contains('Data management')",
            run() {
                if (!window.location.search.includes("dimension=")) {
                    throw new Error("the filter is not in the URL");
                }
            },
        },
        {
            content: "Open the free cloud",
            trigger: ".o_ess_resource_card a:contains('Núvol Lliure')",
            run: "click",
        },
        {
            content: "The resource shows its licence and the proprietary tool it replaces",
            trigger: ".o_ess_catalogue_resource:has(.o_ess_free_software) .o_ess_replaces:contains('Big Cloud')",
        },
    ],
});

// An entity member proposes a resource from the catalogue.
registry.category("web_tour.tours").add("ess_catalogue_member_proposes", {
    url: "/catalogue",
    steps: () => [
        {
            content: "Propose a resource",
            trigger: "a.o_ess_propose",
            run: "click",
        },
        {
            trigger: "input#ess_name",
            run: "edit Pads de la Coop",
        },
        {
            trigger: "input#ess_url",
            run: "edit https://pads.example.org",
        },
        {
            trigger: "input#ess_summary",
            run: "edit Documents col·laboratius xifrats",
        },
        {
            trigger: "textarea#ess_description",
            run: "edit Ens serveix per escriure actes entre totes sense donar les dades a ningú.",
        },
        {
            trigger: "select#ess_license_type",
            run: "select free_software",
        },
        {
            content: "Send it",
            trigger: "button.o_ess_submit",
            run: "click",
        },
        {
            content: "The office thanks the member",
            trigger: ".o_ess_submit_thanks",
        },
    ],
});
