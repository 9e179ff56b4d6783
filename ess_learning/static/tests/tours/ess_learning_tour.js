import { registry } from "@web/core/registry";

// An entity's member goes from their diagnosis results to a recommended course, joins
// it and passes its quiz. Selectors are classes and the test's own data, whatever the
// language of the page.
registry.category("web_tour.tours").add("ess_learning_recommended_course_tour", {
    steps: () => [
        {
            content: "The diagnosis results recommend the course on free software",
            trigger: ".o_ess_recommended_courses a.o_ess_recommended_course:contains(Curs de programari lliure)",
            run: "click",
        },
        {
            content: "The course page shows the dimension it strengthens",
            trigger: ".o_wslides_course_header .o_ess_course_dimension",
        },
        {
            content: "Join the course",
            trigger: "a.o_wslides_js_course_join_link",
            run: "click",
        },
        {
            content: "Once enrolled, open the quiz",
            trigger: "a.o_wslides_js_slides_list_slide_link:contains(Qüestionari)",
            run: "click",
        },
        {
            content: "Choose the right answer",
            trigger: ".o_wslides_js_lesson_quiz_question a.o_wslides_quiz_answer:contains(Les quatre llibertats)",
            run: "click",
        },
        {
            content: "Submit the quiz",
            trigger: ".o_wslides_js_lesson_quiz_submit",
            run: "click",
        },
        {
            content: "The answer is marked right",
            trigger: ".o_wslides_js_lesson_quiz_question a.o_wslides_quiz_answer.list-group-item-success:contains(Les quatre llibertats)",
        },
    ],
});
