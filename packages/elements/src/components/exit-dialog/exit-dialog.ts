import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { canExitUnverified, cooldownUntil, progressPercent, type ExitSession, type FlowState } from '@ai-interview-exit/core';
import { VoiceController } from '../../controllers/voice.js';
import { deepActiveElement, hrLink, tabbables } from '../../internal/dom.js';
import { loadLaterParts } from '../../internal/later-parts.js';
import { WidgetPart } from '../../internal/widget-part.js';
import { base } from '../../styles/base.js';
import { EXIT_RESULT_PARTS } from '../exit-result/exit-result.js';
import { HELP_OFFER_PARTS } from '../help-offer/parts.js';
import { REASON_FORM_PARTS } from '../reason-form/reason-form.js';
import { VERIFY_CODE_PARTS } from '../verify-code/parts.js';
import { styles } from './exit-dialog.styles.js';

/** The parts of `<aie-exit-dialog>` and of the steps inside it, for `exportparts` up the tree. */
export const EXIT_DIALOG_PARTS = `dialog,title,body,message,progress,notice,actions,confirm-button,cancel-button,close-button,voice-button,voice-status,${HELP_OFFER_PARTS},${REASON_FORM_PARTS},${VERIFY_CODE_PARTS},${EXIT_RESULT_PARTS}`;

/** The steps before the exit: the dialog stays open until the candidate exits or stays. */
const STEPS: ReadonlySet<FlowState['status']> = new Set(['help', 'confirm', 'verify']);
/** The result view, from the moment the exit is being stored: the candidate may close it. */
export const RESULT: ReadonlySet<FlowState['status']> = new Set(['submitting', 'done']);

interface View {
  /** Changes when what is on screen changes enough to move focus. */
  key: string;
  /** Where focus goes when the view appears. */
  focus: string;
  title: string;
  body?: TemplateResult;
  actions?: TemplateResult;
}

/**
 * The exit dialog: one native `<dialog>` opened with `showModal()` that walks the steps of the
 * store's plan: the help offer, the confirmation (R5) with the progress (R7), HR review (R17),
 * cooldown (R19) and code-to-come notices, the reason and data choice (R9, R10), the one-time
 * code (R6), and the result (R12). It follows the WAI-ARIA dialog pattern: focus starts on
 * Cancel, Tab and Shift+Tab stay inside, Escape cancels, and focus returns to what opened it. The
 * store's state is the single truth: Escape and Cancel dispatch `cancel`, and the dialog closes
 * because the state says so.
 *
 * @summary The exit dialog.
 *
 * @csspart dialog - The `<dialog>` box.
 * @csspart title - The dialog's title, which names it.
 * @csspart body - What scrolls between the title and the buttons, so that neither ever scrolls away.
 * @csspart message - The confirmation question (R5).
 * @csspart progress - "You have completed 50% of the interview…" (R7); also a `message`.
 * @csspart notice - HR review (R17), re-application cooldown (R19) and one-time code to come (R6) notices.
 * @csspart actions - The row of buttons.
 * @csspart confirm-button - "确认退出" / "Confirm exit", red.
 * @csspart cancel-button - "取消" / "Cancel", grey; "返回面试" / "Back to the interview" in the help offer.
 * @csspart close-button - "关闭" / "Close" on the result view; the exit button shows it again.
 * @csspart voice-button - "语音朗读" / "Read aloud": the candidate turns the spoken prompt on or off (R21), remembered on this device.
 * @csspart voice-status - Says when this browser cannot speak.
 * @csspart faq - A common question and its answer in the help offer (R27), from `<aie-help-offer>`.
 * @csspart handoff-button - "转人工客服" / "Talk to a person" in the help offer (R27), from `<aie-help-offer>`.
 *
 * @cssproperty --aie-dialog-width - The dialog's width (default min(34rem, 100vw − 2rem)).
 * @cssproperty --aie-backdrop - What covers the page behind (default 50 % black).
 * @cssproperty --aie-divider-color - The line above the buttons (default translucent grey).
 * @cssproperty --aie-color-surface - Background (default white, dark #202124).
 * @cssproperty --aie-color-text - Text (default #1f1f1f).
 * @cssproperty --aie-color-danger - The confirm button (default #c62828, white text).
 * @cssproperty --aie-color-neutral - The cancel button (default #e3e3e3, text #1f1f1f).
 * @cssproperty --aie-radius - Corner radius (default 8px).
 * @cssproperty --aie-motion-duration - Opening animation (default 160ms; none with reduced motion).
 */
export class AieExitDialog extends WidgetPart {
  static override styles = [base, styles];
  static override properties: PropertyDeclarations = { voice: { type: Boolean }, voiceRate: { type: Number, attribute: 'voice-rate' } };

  /** Speak the confirmation prompt when the dialog opens (R21), unless the candidate turned it off on this device. */
  voice = false;
  /** Speaking rate of the prompt, 0.5 to 2. */
  voiceRate = 1;

  /** Where focus returns when the dialog closes; else the element that had focus when it opened. */
  opener: HTMLElement | null = null;

  readonly #voice = new VoiceController(this);
  /** The candidate closed the result view; the exit button shows it again. */
  #dismissed = false;
  #view?: View | null;
  #shownKey = '';
  #returnTo: HTMLElement | null = null;
  /** Said when the candidate asks for the voice and this browser has none. */
  #voiceNote = '';

  /** Show the result view again after the candidate closed it. */
  showResult(opener: HTMLElement | null = null): void {
    this.opener = opener;
    this.#dismissed = false;
    this.requestUpdate();
  }

  get #showing(): boolean {
    const { status } = this.flow.state;
    return STEPS.has(status) || status === 'complete' || (RESULT.has(status) && !this.#dismissed);
  }

  protected override render() {
    // While nothing is open, the prepared preview (if any) is built in the closed dialog.
    const view = (this.#view = this.#viewOf(this.shown));
    return html`<dialog part="dialog" class="surface" lang=${this.text.lang} aria-labelledby="title" @cancel=${this.#onCancel} @close=${this.#onClose} @keydown=${this.#onKeydown}>
      ${view
        ? html`<header>
              <h2 part="title" id="title" tabindex="-1">${view.title}</h2>
              ${STEPS.has(this.shown.status) ? this.#voiceControl() : nothing}
            </header>
            ${view.body ? html`<div part="body">${view.body}</div>` : nothing}
            ${view.actions ? html`<div part="actions">${view.actions}</div>` : nothing}`
        : nothing}
    </dialog>`;
  }

  protected override updated(): void {
    const dialog = this.renderRoot.querySelector('dialog')!;
    const view = this.#view;
    if (this.#showing && view) {
      if (!dialog.open) {
        this.#returnTo = this.opener ?? deepActiveElement();
        dialog.showModal();
        if (this.#voice.on(this.voice) && STEPS.has(this.flow.state.status)) this.#speakPrompt();
      }
      if (view.key !== this.#shownKey) {
        this.#shownKey = view.key;
        // A step renders itself after the dialog: focus it once it has.
        const target = this.renderRoot.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>(view.focus);
        void Promise.resolve(target?.updateComplete).then(() => target?.focus());
      }
      return;
    }
    this.#shownKey = '';
    if (dialog.open) dialog.close();
    const target = this.#returnTo;
    this.#returnTo = this.opener = null;
    this.#voice.stop();
    target?.focus();
  }

  /** The candidate's own switch for the spoken prompt (R21), and a word where the browser cannot speak. */
  #voiceControl(): TemplateResult {
    const { t } = this.text;
    const on = this.#voice.available && this.#voice.on(this.voice);
    return html`<button part="voice-button" class="neutral" type="button" aria-pressed=${on} @click=${this.#toggleVoice}>${t('confirm.readAloud')}</button>
      <span part="voice-status" role="status">${this.#voiceNote}</span>`;
  }

  readonly #toggleVoice = (): void => {
    if (!this.#voice.available) {
      this.#voiceNote = this.text.t('confirm.voiceUnavailable');
      this.requestUpdate();
      return;
    }
    const on = !this.#voice.on(this.voice);
    this.#voice.choose(on);
    if (on) this.#speakPrompt();
  };

  #speakPrompt(): void {
    this.#voice.speak(this.text.t('confirm.voicePrompt'), this.text.lang, this.voiceRate);
  }

  #viewOf(state: FlowState): View | null {
    const { t } = this.text;
    const store = this.store;
    const cancel = (label = t('confirm.cancel')) => html`<button part="cancel-button" class="neutral" type="button" @click=${this.#dismiss}>${label}</button>`;
    const confirm = (label: string, onClick: () => void, stay = cancel()) =>
      html`<button part="confirm-button" class="danger" type="button" @click=${onClick}>${label}</button>${stay}`;
    const close = html`<button part="close-button" class="neutral" type="button" @click=${this.#dismiss}>${t('done.close')}</button>`;
    switch (state.status) {
      case 'complete':
        // A finished interview is not an exit: nothing to confirm, nothing recorded. The words come with the later parts.
        void loadLaterParts();
        return { key: 'complete', focus: '[part=close-button]', title: t('complete.title'), body: html`<aie-interview-complete exportparts="message" .store=${store} .i18n=${this.i18n}></aie-interview-complete>`, actions: close };
      case 'help':
        // A later part: it shows itself once fetched; the buttons work meanwhile.
        void loadLaterParts();
        return {
          key: 'help',
          focus: '[part=cancel-button]',
          title: t('help.title'),
          body: html`<aie-help-offer exportparts=${HELP_OFFER_PARTS} .store=${store} .i18n=${this.i18n} .preview=${this.preview}></aie-help-offer>`,
          actions: confirm(t('help.continueExit'), () => store?.dispatch({ type: 'continueExit' }), cancel(t('help.back'))),
        };
      case 'confirm':
        return { key: 'confirm', focus: '[part=cancel-button]', title: t('confirm.title'), body: this.#confirmBody(state.session), actions: confirm(t('confirm.confirm'), this.#confirm) };
      case 'verify': {
        const { phase, challenge } = state.verify;
        const step = phase === 'locked' ? phase : challenge ? 'code' : phase;
        return {
          key: `verify-${step}`,
          focus: step === 'sending' || !customElements.get('aie-verify-code') ? 'h2' : 'aie-verify-code',
          title: t('verify.title'),
          body: this.#verifyBody(state),
          actions: cancel(),
        };
      }
      case 'submitting':
      case 'done':
        return {
          key: 'done',
          focus: 'h2',
          title: t('done.title'),
          body: html`<aie-exit-result exportparts=${EXIT_RESULT_PARTS} .store=${store} .i18n=${this.i18n}></aie-exit-result>`,
          actions: close,
        };
      default:
        return null;
    }
  }

  /**
   * The one-time code step (R6) comes with the later parts. Until they are here it says the code
   * is on its way; if they cannot be fetched, the way out opens (unverified, HR reviews).
   */
  #verifyBody(state: Extract<FlowState, { status: 'verify' }>): TemplateResult {
    const { t } = this.text;
    const store = this.store;
    if (customElements.get('aie-verify-code')) {
      return html`<aie-verify-code exportparts=${VERIFY_CODE_PARTS} .store=${store} .i18n=${this.i18n}></aie-verify-code>`;
    }
    if (!canExitUnverified(state.verify)) {
      void loadLaterParts().then((loaded) => {
        if (loaded) this.requestUpdate();
        else if (store?.getState().status === 'verify') store.dispatch({ type: 'codeStepUnavailable' });
      });
      return html`<p part="status" role="status">${t('verify.sending')}</p>`;
    }
    const contact = hrLink(store?.config.hrContact);
    return html`<p part="error" role="alert">${t('verify.stepMissing')}</p>
      <button part="exit-unverified-button" class="danger" type="button" @click=${() => store?.dispatch({ type: 'exitUnverified' })}>${t('verify.exitUnverified')}</button>
      ${contact ? html`<p><a part="link" href=${contact.href}>${t('verify.contactHr', { contact: contact.text })}</a></p>` : nothing}`;
  }

  #confirmBody({ plan, context }: ExitSession): TemplateResult {
    const { t, date } = this.text;
    const until = cooldownUntil(new Date().toISOString(), plan.cooldownDays);
    return html`<p part="message">${t('confirm.message')}</p>
      ${plan.progressNotice && context.progress
        ? html`<p part="message progress">${t('confirm.progress', { percent: progressPercent(context.progress) })}</p>`
        : nothing}
      ${plan.hrReview ? html`<p part="notice">${t('confirm.hrReview')}</p>` : nothing}
      ${until ? html`<p part="notice">${t('confirm.cooldown', { days: plan.cooldownDays, date: date(until, context.timeZone, false) })}</p>` : nothing}
      ${plan.verification ? html`<p part="notice">${t('confirm.verifyNext')}</p>` : nothing}
      <aie-reason-form exportparts=${REASON_FORM_PARTS} .store=${this.store} .i18n=${this.i18n} .preview=${this.preview}></aie-reason-form>`;
  }

  readonly #confirm = async (): Promise<void> => {
    this.store?.dispatch({ type: 'confirm' });
    const state = this.flow.state;
    if (state.status === 'confirm' && state.problem) {
      // A required reason is missing: take the candidate to it (the error is announced there).
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('aie-reason-form')?.focus();
    }
  };

  /** Cancel, or close the result view: the store decides what closing means. */
  readonly #dismiss = (): void => {
    // Closing the result while the exit is still being stored closes it too: the exit goes on.
    if (RESULT.has(this.flow.state.status)) {
      this.#dismissed = true;
      this.requestUpdate();
    } else this.store?.dispatch({ type: 'cancel' });
  };

  readonly #onCancel = (event: Event): void => {
    event.preventDefault();
    this.#dismiss();
  };

  /** The browser closed the dialog itself (a cancel it would not let us prevent): same as Escape. */
  readonly #onClose = (event: Event): void => {
    if (this.#showing && !(event.target as HTMLDialogElement).open) this.#dismiss();
  };

  /** Tab and Shift+Tab wrap inside the dialog, through the shadow roots of the steps. */
  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Tab') return;
    const items = tabbables(event.currentTarget as HTMLDialogElement);
    const first = items[0];
    const last = items[items.length - 1];
    const active = deepActiveElement();
    if (!first || !last) return;
    if (event.shiftKey ? active === first || !items.includes(active!) : active === last) {
      event.preventDefault();
      (event.shiftKey ? last : first).focus();
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'aie-exit-dialog': AieExitDialog;
  }
}
