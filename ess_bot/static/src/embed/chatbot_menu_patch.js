/**
 * ESSBot's menu: instead of choosing an answer, the visitor may type what they look for,
 * and the server answers with a search of the catalogue (see chatbot.script.step's
 * ess_is_menu). Odoo's live chat only takes typed text on free-input steps.
 */
import { Chatbot } from "@im_livechat/embed/common/chatbot/chatbot_model";
import { ChatBotService } from "@im_livechat/embed/common/chatbot/chatbot_service";
import { patch } from "@web/core/utils/patch";

function isTypedOnMenu(step) {
    return step?.type === "question_selection" && Boolean(step.scriptStep?.ess_is_menu);
}

patch(ChatBotService.prototype, {
    get inputEnabled() {
        const step = this.chatbot?.currentStep;
        if (isTypedOnMenu(step) && !step.operatorFound) {
            return !step.completed && !this.chatbot.isTyping;
        }
        return super.inputEnabled;
    },
});

patch(Chatbot.prototype, {
    async _processAnswer(message) {
        if (isTypedOnMenu(this.currentStep) && !this.currentStep.selectedAnswer) {
            this.currentStep.completed = true;
            return;
        }
        return super._processAnswer(message);
    },
});
