/**
 * @ai-interview-exit/elements/define: registers every tag. Importing a class elsewhere never
 * registers anything; this module does, once, and leaves a tag someone else defined alone.
 */
import { AiInterviewExit } from '../components/ai-interview-exit/ai-interview-exit.js';
import { AieExitButton } from '../components/exit-button/exit-button.js';
import { AieExitDialog } from '../components/exit-dialog/exit-dialog.js';
import { AieExitLink } from '../components/exit-link/exit-link.js';
import { AieExitResult } from '../components/exit-result/exit-result.js';
import { AieReasonForm } from '../components/reason-form/reason-form.js';
import { AieResumePrompt } from '../components/resume-prompt/resume-prompt.js';
import { AieVerifyCode } from '../components/verify-code/verify-code.js';

export * from '../index.js';

customElements.get('aie-exit-button') || customElements.define('aie-exit-button', AieExitButton);
customElements.get('aie-exit-link') || customElements.define('aie-exit-link', AieExitLink);
customElements.get('aie-reason-form') || customElements.define('aie-reason-form', AieReasonForm);
customElements.get('aie-verify-code') || customElements.define('aie-verify-code', AieVerifyCode);
customElements.get('aie-exit-result') || customElements.define('aie-exit-result', AieExitResult);
customElements.get('aie-resume-prompt') || customElements.define('aie-resume-prompt', AieResumePrompt);
customElements.get('aie-exit-dialog') || customElements.define('aie-exit-dialog', AieExitDialog);
customElements.get('ai-interview-exit') || customElements.define('ai-interview-exit', AiInterviewExit);
