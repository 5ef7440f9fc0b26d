import { html, nothing } from 'lit';
import { WidgetPart } from '../../internal/widget-part.js';
import { base } from '../../styles/base.js';
import { styles } from './help-offer.styles.js';

export { HELP_OFFER_PARTS } from './parts.js';

/**
 * The help offer (R27) inside the exit dialog, before the confirmation: the vendor's answers to
 * common questions, and a person to talk to. It comes with the widget's later parts; the
 * dialog's buttons (continue to the exit, cancel) never wait for it.
 *
 * @summary The help offer step.
 *
 * @csspart faq - A common question and its answer.
 * @csspart message - An answer.
 * @csspart handoff-button - "转人工客服" / "Talk to a person".
 * @csspart status - What became of the request for a person (a live status).
 *
 * @cssproperty --aie-color-neutral - The hand-off button's grey (default #e3e3e3; dark #3c4043).
 * @cssproperty --aie-color-on-neutral - Its text (default #1f1f1f; dark #ededed).
 * @cssproperty --aie-color-focus - Focus ring of the questions and the button (default #1a5fd0).
 */
export class AieHelpOffer extends WidgetPart {
  static override styles = [base, styles];

  protected override render() {
    const state = this.shown;
    const store = this.store;
    if (state.status !== 'help' || !store) return nothing;
    const { t } = this.text;
    const { handoff } = state;
    const faq = (_: unknown, index: number) =>
      html`<details part="faq"><summary>${t(`help.faq.${index}.question`)}</summary><p part="message">${t(`help.faq.${index}.answer`)}</p></details>`;
    const status =
      handoff.status === 'done' ? t('help.humanQueued', { id: handoff.result.ticketId }) : handoff.status === 'failed' ? t('help.humanFailed') : '';
    return html`${store.config.help.faq.map(faq)}
      <button part="handoff-button" class="neutral" type="button" ?disabled=${handoff.status === 'requesting' || handoff.status === 'done'}
        @click=${() => store.dispatch({ type: 'requestHandoff', topic: 'other', message: '' })}>${t('help.human')}</button>
      <p part="status" role="status">${status}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'aie-help-offer': AieHelpOffer;
  }
}
