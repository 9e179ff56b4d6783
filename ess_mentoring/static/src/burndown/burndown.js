/** The burn-down of a mentoring contract's hours in the portal: the hours left week by
 * week against an even pace, drawn with Odoo's own Chart.js bundle. */
import { loadBundle } from "@web/core/assets";
import publicWidget from "@web/legacy/js/public/public_widget";

publicWidget.registry.EssMentoringBurndown = publicWidget.Widget.extend({
    selector: ".o_ess_burndown",

    async willStart() {
        await loadBundle("web.chartjs_lib");
    },

    start() {
        const data = JSON.parse(this.el.dataset.burndown);
        this.chart = new Chart(this.el.querySelector("canvas"), {
            type: "line",
            data: {
                labels: data.labels,
                datasets: [
                    {
                        label: data.ideal_label,
                        data: data.ideal,
                        borderColor: "#999999",
                        borderDash: [4, 3],
                        pointRadius: 0,
                        fill: false,
                    },
                    {
                        label: data.actual_label,
                        data: data.actual,
                        borderColor: "#2e7d32",
                        backgroundColor: "rgba(46, 125, 50, 0.15)",
                        fill: true,
                    },
                ],
            },
            options: {
                maintainAspectRatio: false,
                animation: false,
                scales: { y: { beginAtZero: true } },
            },
        });
        return this._super(...arguments);
    },

    destroy() {
        this.chart?.destroy();
        this._super(...arguments);
    },
});

export default publicWidget.registry.EssMentoringBurndown;
