import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { FlowState, HandoffRequest } from '@ai-interview-exit/core';
import { StepPart } from '../../internal/step-part.js';
import { base } from '../../styles/base.js';
import { styles as formStyles } from '../reason-form/reason-form.styles.js';
import { styles } from './help-offer.styles.js';

const HANDOFF_TOPICS: readonly HandoffRequest['topic'][] = ['reschedule', 'edit-resume', 'other'];
/** The protocol's bound on the message (HandoffRequestSchema). */
const MESSAGE_LIMIT = 1000;

export { HELP_OFFER_PARTS } from './parts.js';

/**
 * The help offer (R27) inside the exit dialog, before the confirmation: the vendor's answers to
 * common questions, and a person to talk to (about what, and a message if the candidate wants),
 * then the ticket and when a person answers. It comes with the widget's later parts; the
 * dialog's buttons (on to the exit, back to the interview) never wait for it.
 *
 * @summary The help offer step.
 *
 * @csspart faq - A common question and its answer.
 * @csspart message - An answer.
 * @csspart fieldset - The topics of a request for a person.
 * @csspart legend - "What do you need help with?".
 * @csspart option - A topic with its radio button.
 * @csspart label - The message's label.
 * @csspart textarea - The message to the person, optional.
 * @csspart handoff-button - "转人工客服" / "Talk to a person".
 * @csspart status - What became of the request for a person (a live status).
 *
 * @cssproperty --aie-color-neutral - The hand-off button's grey (default #e3e3e3; dark #3c4043).
 * @cssproperty --aie-color-on-neutral - Its text (default #1f1f1f; dark #ededed).
 * @cssproperty --aie-color-focus - Focus ring of the questions and the button (default #1a5fd0).
 */
export class AieHelpOffer extends StepPart {
  static override styles = [base, formStyles, styles];

  /** What the candidate asks a person about; kept here until sent, so that a failed send loses nothing. */
  #topic: HandoffRequest['topic'] = 'reschedule';
  #message = '';

  protected override render() {
    const state = this.shown;
    const store = this.store;
    if (state.status !== 'help' || !store) return nothing;
    const { t } = this.text;
    const { handoff } = state;
    const faq = (_: unknown, index: number) =>
      html`<details part="faq"><summary>${t(`help.faq.${index}.question`)}</summary><p part="message">${t(`help.faq.${index}.answer`)}</p></details>`;
    return html`${store.config.help.faq.map(faq)}
      ${handoff.status === 'done' ? nothing : this.#form(handoff.status === 'requesting')}
      <p part="status" role="status">${this.#status(state)}</p>`;
  }

  /** A person to talk to: about what (a short list) and, if the candidate wants, in their words. */
  #form(sending: boolean) {
    const { t } = this.text;
    const topic = (value: HandoffRequest['topic']) =>
      html`<label part="option"
        ><input type="radio" name="topic" .checked=${live(this.#topic === value)} @change=${() => (this.#topic = value)} />${t(`help.topic.${value}`)}</label
      >`;
    return html`<form @submit=${this.#send}>
      <fieldset part="fieldset" ?disabled=${sending}>
        <legend part="legend">${t('help.topicLegend')}</legend>
        ${HANDOFF_TOPICS.map(topic)}
      </fieldset>
      <label part="label" for="message">${t('help.messageLabel')}</label>
      <textarea part="textarea" id="message" maxlength=${MESSAGE_LIMIT} .value=${live(this.#message)} ?disabled=${sending}
        @input=${(event: InputEvent) => (this.#message = (event.target as HTMLTextAreaElement).value)}></textarea>
      <button part="handoff-button" class="neutral" ?disabled=${sending}>${t('help.human')}</button>
    </form>`;
  }

  /** What became of the request: the ticket and when a person answers, or what to do now. */
  #status(state: Extract<FlowState, { status: 'help' }>): string {
    const { t, date } = this.text;
    const { handoff, session } = state;
    if (handoff.status === 'failed') return t('help.humanFailed');
    if (handoff.status !== 'done') return '';
    const { ticketId: id, answerBy } = handoff.result;
    return answerBy ? t('help.humanQueuedBy', { id, time: date(answerBy, session.context.timeZone) }) : t('help.humanQueued', { id });
  }

  readonly #send = (event: SubmitEvent): void => {
    event.preventDefault();
    this.store?.dispatch({ type: 'requestHandoff', topic: this.#topic, message: this.#message.trim() });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'aie-help-offer': AieHelpOffer;
  }
}
