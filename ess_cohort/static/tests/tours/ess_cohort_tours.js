import { registry } from "@web/core/registry";

// A member opens the cohort's page and downloads a session's calendar file.
registry.category("web_tour.tours").add("ess_cohort_member_opens_cohort", {
    url: "/my/cohorts",
    steps: () => [
        {
            content: "Open the cohort",
            trigger: ".o_ess_my_cohorts a.o_ess_cohort_link",
            run: "click",
        },
        {
            content: "The upcoming sessions, the progress of the cohort and its members are shown",
            trigger: ".o_ess_cohort_page:has(.o_ess_cohort_progress):has(.o_ess_cohort_members) .o_ess_upcoming_sessions",
        },
        {
            content: "Download the next session's calendar file",
            trigger: ".o_ess_upcoming_sessions a.o_ess_session_ics",
            async run({ anchor }) {
                const response = await fetch(anchor.getAttribute("href"));
                const text = await response.text();
                if (!response.ok || !text.includes("BEGIN:VCALENDAR") || !text.includes("BEGIN:VEVENT")) {
                    throw new Error("the session's calendar file is not an iCalendar file");
                }
                document.body.classList.add("o_ess_ics_downloaded");
            },
        },
        {
            content: "The file was an iCalendar file",
            trigger: "body.o_ess_ics_downloaded",
        },
    ],
});
