/**
 * The widget's later parts (see internal/later-parts.ts): registered when the first script
 * fetches this module, never imported directly by a page.
 */
import { AieHelpOffer } from '../components/help-offer/help-offer.js';
import { AieIntentNudge } from '../components/intent-nudge/intent-nudge.js';
import { AieInterviewComplete } from '../components/interview-complete/interview-complete.js';
import { AieResumePrompt } from '../components/resume-prompt/resume-prompt.js';
import { AieVerifyCode } from '../components/verify-code/verify-code.js';

customElements.get('aie-verify-code') || customElements.define('aie-verify-code', AieVerifyCode);
customElements.get('aie-help-offer') || customElements.define('aie-help-offer', AieHelpOffer);
customElements.get('aie-resume-prompt') || customElements.define('aie-resume-prompt', AieResumePrompt);
customElements.get('aie-intent-nudge') || customElements.define('aie-intent-nudge', AieIntentNudge);
customElements.get('aie-interview-complete') || customElements.define('aie-interview-complete', AieInterviewComplete);
