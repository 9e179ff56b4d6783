import { registry } from "@web/core/registry";

/**
 * A visitor talks with ESSBot on the website: types what they look for at the menu (a
 * search of the catalogue), gets a resource of the catalogue, then chooses the third option
 * (funding) of the menu that comes back. Selectors do not depend on the website's
 * language: the catalogue's own resources and the menu's position.
 */
const root = ".o-livechat-root:shadow";

registry.category("web_tour.tours").add("ess_bot_tour", {
    checkDelay: 50,
    steps: () => [
        {
            trigger: `${root} .o-livechat-LivechatButton`,
            run: "click",
        },
        {
            trigger: `${root} .o-mail-Message li`,
            async run() {
                // As Odoo's own chatbot tours: the bot answers without its typing delays.
                odoo.__WOWL_DEBUG__.root.env.services[
                    "im_livechat.chatbot"
                ].chatbot.script.isLivechatTourRunning = true;
            },
        },
        {
            // At ESSBot's menu the visitor may type instead of choosing.
            trigger: `${root} .o-mail-Composer-input:not([disabled])`,
            run: "edit Núvol",
        },
        {
            trigger: `${root} .o-mail-Composer-input`,
            run: "press Enter",
        },
        {
            trigger: `${root} .o-mail-Message a[href*="/catalogue/nuvol-lliure"]`,
        },
        {
            // The menu comes back: its third answer is the funding.
            trigger: `${root} .o-mail-Message:has(a[href*="/catalogue/nuvol-lliure"]) ~ .o-mail-Message li:eq(2)`,
            run: "click",
        },
        {
            trigger: `${root} .o-mail-Message a[href*="/catalogue/ajut-obert"]`,
        },
    ],
});
