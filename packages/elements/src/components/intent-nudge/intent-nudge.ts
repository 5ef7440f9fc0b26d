import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { newUuid, type ExitAdapter } from '@ai-interview-exit/core';
import { NudgeRecordSchema, outcomeMovesOn, type NudgeRecord } from '@ai-interview-exit/core/intent';
import type { AieIntentDetail } from '../../events/intent.js';
import { StepPart } from '../../internal/step-part.js';
import { base } from '../../styles/base.js';
import { styles } from './intent-nudge.styles.js';

export { INTENT_NUDGE_PARTS } from './parts.js';

/**
 * A polite offer of help when the candidate seems about to leave (R29): "Need a hand?", with
 * "Get help" (the help offer, R27) and a dismiss button. It is not a dialog: it announces itself
 * in its widget's polite live region, never takes focus, never covers the exit button, and goes on
 * Escape. Each nudge and what followed (stayed, asked for help, exited) is sent to the backend's
 * optional `recordNudge`, for HR. It comes with the widget's later parts, and tells only its
 * widget (events that neither bubble nor leave the shadow root).
 *
 * @summary The exit-intent nudge.
 *
 * @fires aie-nudge-help - To its widget only (no bubbling): the candidate pressed "Get help".
 * @fires aie-nudge-dismiss - To its widget only (no bubbling): the candidate dismissed it; `detail` is whether focus was inside it.
 *
 * @csspart nudge - The card.
 * @csspart title - "需要帮助吗？" / "Need a hand?".
 * @csspart message - The sentence under it.
 * @csspart help-button - "获取帮助" / "Get help".
 * @csspart dismiss-button - The "×".
 *
 * @cssproperty --aie-color-focus - The help button's colour (default #1a5fd0).
 * @cssproperty --aie-color-surface - The card's background (default white).
 */
export class AieIntentNudge extends StepPart {
  static override styles = [base, styles];
  static override properties: PropertyDeclarations = {
    nudge: { attribute: false },
    adapter: { attribute: false },
  };

  /** The nudge on show (from `aie-intent`), or null. */
  nudge: AieIntentDetail | null = null;
  /** Where the record for HR goes: the widget's backend, if it has `recordNudge`. */
  adapter?: ExitAdapter | undefined;

  /** The last nudge shown and what followed, as last sent. */
  #record?: NudgeRecord;
  #shownFor: AieIntentDetail | null = null;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const context = this.store?.getContext();
    if (this.nudge && this.nudge !== this.#shownFor && context) {
      this.#shownFor = this.nudge;
      const { interviewId, candidateRef, jobType, stage } = context;
      const { signals, score, at } = this.nudge;
      this.#record = undefined;
      this.#follow({ id: newUuid(), interviewId, candidateRef, jobType, stage, shownAt: at, signals, score, outcome: 'shown' });
    }
    // An exit within the quiet period after a nudge followed it.
    const state = this.flow.state;
    const quietMs = (this.store?.config.intent.quietMinutes ?? 0) * 60_000;
    if (state.status === 'done' && this.#record && Date.parse(state.record.exitedAt) - Date.parse(this.#record.shownAt) < quietMs) {
      this.#follow({ ...this.#record, outcome: 'exited', exitKey: state.record.idempotencyKey });
    }
  }

  protected override updated(): void {
    if (this.nudge) document.addEventListener('keydown', this.#escape);
    else document.removeEventListener('keydown', this.#escape);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.#escape);
  }

  protected override render() {
    if (!this.nudge) return nothing;
    const { t } = this.text;
    return html`<section part="nudge" class="surface" aria-labelledby="title">
      <p part="title" id="title">${t('nudge.title')}</p>
      <p part="message">${t('nudge.message')}</p>
      <button part="help-button" @click=${this.#help}>${t('nudge.help')}</button>
      <button part="dismiss-button" aria-label=${t('nudge.dismiss')} @click=${this.#dismiss}>×</button>
    </section>`;
  }

  /** Move the record on (never back) and send it: the backend keeps one row per id, the latest outcome. */
  #follow(record: NudgeRecord): void {
    if (this.#record && !outcomeMovesOn(this.#record.outcome, record.outcome)) return;
    this.#record = record;
    const checked = NudgeRecordSchema.safeParse(record);
    // Best effort: a nudge not recorded never changes what the candidate can do.
    if (checked.success) this.adapter?.recordNudge?.(checked.data).catch(() => {});
  }

  readonly #help = (): void => {
    if (this.#record) this.#follow({ ...this.#record, outcome: 'help' });
    this.dispatchEvent(new CustomEvent('aie-nudge-help'));
  };

  readonly #dismiss = (): void => {
    if (this.#record) this.#follow({ ...this.#record, outcome: 'stayed' });
    this.dispatchEvent(new CustomEvent('aie-nudge-dismiss', { detail: this.matches(':focus-within') }));
  };

  /** Escape closes it wherever focus is (WCAG 1.4.13), unless something else took the key first. */
  readonly #escape = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && !event.defaultPrevented) this.#dismiss();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'aie-intent-nudge': AieIntentNudge;
  }
  interface HTMLElementEventMap {
    'aie-nudge-help': CustomEvent<void>;
    'aie-nudge-dismiss': CustomEvent<boolean>;
  }
}
