/**
 * @ai-interview-exit/elements: the candidate widget as Lit custom elements. This entry has no side
 * effects: import `@ai-interview-exit/elements/define` to register the tags. The HR report lives
 * apart, in `@ai-interview-exit/elements/define/report`, so that candidates never download it.
 */
export { AiInterviewExit, type Placement } from './components/ai-interview-exit/ai-interview-exit.js';
export { AieExitButton } from './components/exit-button/exit-button.js';
export { AieExitDialog } from './components/exit-dialog/exit-dialog.js';
export { AieExitLink } from './components/exit-link/exit-link.js';
export { AieExitResult } from './components/exit-result/exit-result.js';
export { AieHelpOffer } from './components/help-offer/help-offer.js';
export { AieIntentNudge } from './components/intent-nudge/intent-nudge.js';
export { AieReasonForm } from './components/reason-form/reason-form.js';
export { AieResumePrompt } from './components/resume-prompt/resume-prompt.js';
export { AieVerifyCode } from './components/verify-code/verify-code.js';
export * from './events/index.js';
export type { I18n } from './controllers/i18n.js';
