import { html, nothing } from 'lit';
import { StepPart } from '../../internal/step-part.js';
import { base } from '../../styles/base.js';
import { findWidget } from '../exit-link/exit-link.js';
import { styles } from './resume-prompt.styles.js';

export { RESUME_PROMPT_PARTS } from './parts.js';

/**
 * "Your last interview was not finished. Continue?" (R15), shown when progress kept on this device
 * says the last visit ended early. Continue tells the vendor (`aie-resume`) to restore the
 * interview; Exit opens the exit flow of the widget around it. It comes with the widget's later
 * parts: an offer to continue can wait, the exit button never does.
 *
 * @summary The resume prompt.
 *
 * @csspart message - The question.
 * @csspart actions - The two buttons.
 * @csspart continue-button - "Continue".
 * @csspart exit-button - "Exit interview".
 *
 * @cssproperty --aie-color-focus - Background of the continue button (default #1a5fd0).
 * @cssproperty --aie-color-neutral - Background of the exit button (default #e3e3e3).
 */
export class AieResumePrompt extends StepPart {
  static override styles = [base, styles];

  protected override render() {
    if (this.flow.state.status !== 'resume') return nothing;
    const { t } = this.text;
    return html`<p part="message">${t('resume.message')}</p>
      <div part="actions">
        <button part="continue-button" type="button" @click=${() => this.store?.dispatch({ type: 'resumeAccepted' })}>${t('resume.continue')}</button>
        <button part="exit-button" class="neutral" type="button" @click=${() => findWidget(this)?.open('resume-prompt')}>${t('resume.exit')}</button>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'aie-resume-prompt': AieResumePrompt;
  }
}
