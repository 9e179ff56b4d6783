import { loadBundle } from "@web/core/assets";
import { registry } from "@web/core/registry";
import { standardFieldProps } from "@web/views/fields/standard_field_props";

import { Component, onWillStart, useEffect, useRef } from "@odoo/owl";

/**
 * The label's words in lines of at most `width` characters (a longer word keeps a line
 * of its own): Chart.js draws an array label as lines, and never cuts it.
 */
export function wrapLabel(label, width = 18) {
    const lines = [];
    for (const word of label.split(" ")) {
        const last = lines.length - 1;
        if (last >= 0 && `${lines[last]} ${word}`.length <= width) {
            lines[last] = `${lines[last]} ${word}`;
        } else {
            lines.push(word);
        }
    }
    return lines;
}

/**
 * Radar chart of a diagnosis' dimension scores, the previous diagnosis overlaid.
 * The field holds {labels, current, previous, current_label, previous_label}.
 */
export class EssRadarChartField extends Component {
    static template = "ess_diagnosis.EssRadarChartField";
    static props = { ...standardFieldProps };

    setup() {
        this.chart = null;
        this.canvasRef = useRef("canvas");
        onWillStart(async () => await loadBundle("web.chartjs_lib"));
        useEffect(() => {
            this.renderChart();
            return () => this.chart?.destroy();
        });
    }

    get data() {
        return this.props.record.data[this.props.name] || {};
    }

    renderChart() {
        const data = this.data;
        if (!data.labels?.length) {
            return;
        }
        const datasets = [
            {
                label: data.current_label,
                data: data.current,
                backgroundColor: "rgba(46, 125, 50, 0.25)",
                borderColor: "#2e7d32",
                borderWidth: 2,
            },
        ];
        if (data.previous) {
            datasets.push({
                label: data.previous_label,
                data: data.previous,
                backgroundColor: "rgba(120, 120, 120, 0.12)",
                borderColor: "#777777",
                borderDash: [4, 3],
                borderWidth: 1.5,
            });
        }
        this.chart = new Chart(this.canvasRef.el, {
            type: "radar",
            data: { labels: data.labels.map((label) => wrapLabel(label)), datasets },
            options: {
                animation: false,
                maintainAspectRatio: false,
                layout: { padding: 8 },
                scales: {
                    r: {
                        min: 0,
                        max: 100,
                        ticks: { stepSize: 25 },
                        pointLabels: { font: { size: 13 } },
                    },
                },
            },
        });
    }
}

registry.category("fields").add("ess_radar_chart", {
    component: EssRadarChartField,
    supportedTypes: ["json"],
});
