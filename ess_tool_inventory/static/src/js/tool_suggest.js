import publicWidget from "@web/legacy/js/public/public_widget";

/**
 * /my/tools: as an entity member types a tool's name, the catalogue's published tools
 * are offered; choosing one links the line to it (its licence and alternatives).
 */
publicWidget.registry.EssToolSuggest = publicWidget.Widget.extend({
    selector: ".o_ess_tool_form",
    events: {
        "input .o_ess_tool_name": "_onInput",
    },

    start() {
        this.suggestions = {};
        this.pending = null;
        return this._super(...arguments);
    },

    async _onInput(ev) {
        const value = ev.currentTarget.value.trim();
        const hidden = this.el.querySelector(".o_ess_tool_resource_id");
        const chosen = this.suggestions[value.toLowerCase()];
        hidden.value = chosen ? chosen.id : "";
        if (chosen || value.length < 2) {
            return;
        }
        clearTimeout(this.pending);
        this.pending = setTimeout(() => this._suggest(value), 200);
    },

    async _suggest(term) {
        const response = await fetch(`/my/tools/suggest?term=${encodeURIComponent(term)}`, {
            headers: { Accept: "application/json" },
        });
        if (!response.ok) {
            return;
        }
        const tools = await response.json();
        const list = this.el.querySelector(".o_ess_tool_suggestions");
        list.replaceChildren(
            ...tools.map((tool) => {
                const option = document.createElement("option");
                option.value = tool.name; // text, never HTML
                option.dataset.id = tool.id;
                this.suggestions[tool.name.toLowerCase()] = tool;
                return option;
            })
        );
    },
});

export default publicWidget.registry.EssToolSuggest;
