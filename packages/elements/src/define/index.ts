/**
 * @ai-interview-exit/elements/define: registers every tag. Importing a class elsewhere never
 * registers anything; this module does, once, and leaves a tag someone else defined alone. The
 * tags of the later parts (the one-time code step, the help offer, the resume prompt) are
 * registered when a widget fetches them (internal/later-parts.ts).
 */
import { AiInterviewExit } from '../components/ai-interview-exit/ai-interview-exit.js';
import { AieExitButton } from '../components/exit-button/exit-button.js';
import { AieExitDialog } from '../components/exit-dialog/exit-dialog.js';
import { AieExitLink } from '../components/exit-link/exit-link.js';
import { AieExitResult } from '../components/exit-result/exit-result.js';
import { AieReasonForm } from '../components/reason-form/reason-form.js';

// The first script's classes only: re-exporting the later parts' would pull them in.
export { AiInterviewExit, AieExitButton, AieExitDialog, AieExitLink, AieExitResult, AieReasonForm };
export type { Placement } from '../components/ai-interview-exit/ai-interview-exit.js';
export * from '../events/index.js';
export type { I18n } from '../controllers/i18n.js';

customElements.get('aie-exit-button') || customElements.define('aie-exit-button', AieExitButton);
customElements.get('aie-exit-link') || customElements.define('aie-exit-link', AieExitLink);
customElements.get('aie-reason-form') || customElements.define('aie-reason-form', AieReasonForm);
customElements.get('aie-exit-result') || customElements.define('aie-exit-result', AieExitResult);
customElements.get('aie-exit-dialog') || customElements.define('aie-exit-dialog', AieExitDialog);
customElements.get('ai-interview-exit') || customElements.define('ai-interview-exit', AiInterviewExit);
