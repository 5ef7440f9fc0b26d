import { html, nothing } from 'lit';
import { StepPart } from '../../internal/step-part.js';
import { base } from '../../styles/base.js';

/**
 * What the exit dialog says when the candidate presses exit after the last answer: the interview
 * is complete, there is nothing to exit, and no exit is recorded (the policy's `whenComplete`). It
 * comes with the widget's later parts; until it is here the dialog shows its title and Close.
 *
 * @summary The completed-interview view.
 *
 * @csspart message - "You have answered every question…".
 *
 * @cssproperty --aie-font-family - Typeface (default the system UI font); the colours are the dialog's.
 */
export class AieInterviewComplete extends StepPart {
  static override styles = [base];

  protected override render() {
    return this.flow.state.status === 'complete' ? html`<p part="message">${this.text.t('complete.message')}</p>` : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'aie-interview-complete': AieInterviewComplete;
  }
}
