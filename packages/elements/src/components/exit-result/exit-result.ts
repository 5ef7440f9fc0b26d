import { html, nothing } from 'lit';
import { deliveryMessageKey } from '@ai-interview-exit/core/i18n';
import { hrLink } from '../../internal/dom.js';
import { WidgetPart } from '../../internal/widget-part.js';
import { base } from '../../styles/base.js';
import { styles } from './exit-result.styles.js';

/** The parts of `<aie-exit-result>`, for `exportparts` up the tree. */
export const EXIT_RESULT_PARTS = 'message,time,reason,status,notice,receipt,link';

/**
 * What the candidate sees after the exit (R12): they are out, when, why, whether the record has
 * reached HR or waits for the network, and the receipt of a data request (R10), pending until
 * the backend issues it. On a return visit after an exit (R14) it says so and offers HR's
 * contact to reschedule. Its title is the container's (the dialog or the widget's panel).
 *
 * @summary The success and re-entry views.
 *
 * @csspart message - The main sentence; it says what happens to the candidate's data, as they chose.
 * @csspart time - "Exit time: …" in the widget's language and the interview's time zone.
 * @csspart reason - "Reason: …".
 * @csspart status - Delivery: submitting, offline or not accepted yet (queued), refused by the server, or submitted with the receipt number.
 * @csspart notice - HR review and re-application cooldown notes, and that HR will arrange an interview with a person.
 * @csspart receipt - The data request's receipt (the date it will be done by, or done), "pending", or refused.
 * @csspart link - "Contact HR to reschedule" on re-entry.
 *
 * @cssproperty --aie-color-muted - Notices and receipts (default #575757).
 * @cssproperty --aie-color-focus - Link colour.
 */
export class AieExitResult extends WidgetPart {
  static override styles = [base, styles];

  protected override render() {
    const state = this.flow.state;
    const { t, date } = this.text;
    if (state.status === 'reentry') {
      const contact = hrLink(this.store?.config.hrContact);
      return html`<p part="message">${t('reentry.message')}</p>
        ${contact ? html`<a part="link" href=${contact.href}>${t('reentry.contactHr')}</a>` : nothing}`;
    }
    if (state.status !== 'done' && state.status !== 'submitting') return nothing;
    const { record } = state;
    const delivery = state.status === 'done' ? state.delivery : null;
    const deletion = state.status === 'done' ? state.deletion : null;
    const receipt = delivery?.state === 'delivered' ? delivery.receipt : null;
    const reason = record.reason
      ? [record.reason.code && t(`reason.${record.reason.code}`, { defaultValue: record.reason.code }), record.reason.text].filter(Boolean).join(' · ')
      : t('done.noReason');
    // A context (i18next's format): `done.message_delete` when the candidate asked for it, else `done.message`.
    return html`<p part="message">${t('done.message', { context: record.dataChoice })}</p>
      <p part="time">${t('done.time', { time: date(record.exitedAt, record.timeZone) })}</p>
      <p part="reason">${t('done.reason', { reason })}</p>
      ${record.personRequested ? html`<p part="notice">${t('person.next')}</p>` : nothing}
      <p part="status" role="status">${receipt ? t('done.delivered', { id: receipt.idempotencyKey }) : t(deliveryMessageKey(delivery))}</p>
      ${record.hrReview || receipt?.status === 'under-review' ? html`<p part="notice">${t('done.underReview')}</p>` : nothing}
      ${receipt?.cooldownUntil ? html`<p part="notice">${t('done.cooldown', { date: date(receipt.cooldownUntil, record.timeZone, false) })}</p>` : nothing}
      ${deletion
        ? html`<p part="receipt" role="status">${deletion.receipt
              ? t('done.deletionReceipt', { context: deletion.receipt.status, id: deletion.receipt.requestId, deadline: date(deletion.receipt.deadline, record.timeZone, false) })
              : t(deletion.rejected ? 'done.deletionRejected' : 'done.deletionPending')}</p>`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'aie-exit-result': AieExitResult;
  }
}
