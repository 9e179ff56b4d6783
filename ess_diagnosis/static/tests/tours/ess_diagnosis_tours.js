import { registry } from "@web/core/registry";

// An entity member answers the diagnosis from the portal, then reads the result.
registry.category("web_tour.tours").add("ess_diagnosis_portal_answer", {
    url: "/my/diagnoses",
    steps: () => [
        {
            content: "Open the entity's diagnosis",
            trigger: "a:contains('Cooperativa A - Baseline')",
            run: "click",
        },
        {
            content: "Answer the questionnaire",
            trigger: "a.o_ess_answer",
            run: "click",
        },
        {
            trigger: "button.btn:contains('Start')",
            run: "click",
        },
        {
            trigger: "div.js_question-wrapper:contains('Data single') label:contains('Data single 3')",
            run: "click",
        },
        {
            trigger: "div.js_question-wrapper:contains('Data multi') label:contains('Data multi 0')",
            run: "click",
        },
        {
            trigger: "div.js_question-wrapper:contains('Free single') label:contains('Free single 4')",
            run: "click",
        },
        {
            trigger: "div.js_question-wrapper:contains('Gender single') label:contains('Gender single 2')",
            run: "click",
        },
        {
            content: "Submit the answers",
            trigger: "button[value='finish']",
            run: "click",
        },
        {
            content: "Go to the results",
            trigger: "a.o_ess_see_results",
            run: "click",
        },
        {
            content: "The score and the level show",
            trigger: ".o_ess_score:contains('81')",
        },
        {
            trigger: ".o_ess_level:contains('Advanced')",
        },
        {
            content: "The radar chart is drawn",
            trigger: ".o_ess_radar_current",
        },
    ],
});

// An officer sees the radar chart on the diagnosis form.
registry.category("web_tour.tours").add("ess_diagnosis_backend_radar", {
    steps: () => [
        {
            content: "Open the radar tab",
            trigger: ".o_notebook .nav-link[name='radar']",
            run: "click",
        },
        {
            content: "Chart.js draws the radar",
            trigger: ".o_ess_radar_chart canvas",
        },
    ],
});
