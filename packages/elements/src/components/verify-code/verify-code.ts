import { html, LitElement, nothing } from 'lit';
import { canExitUnverified } from '@ai-interview-exit/core';
import { errorMessageKey } from '@ai-interview-exit/core/i18n';
import { hrLink } from '../../internal/dom.js';
import { StepPart } from '../../internal/step-part.js';
import { base } from '../../styles/base.js';
import { styles } from './verify-code.styles.js';

export { VERIFY_CODE_PARTS } from './parts.js';

/**
 * The second verification (R6) inside the exit dialog. The store asks the backend to send a
 * one-time code and to check it; this element never checks a code. One input for the whole code
 * (`autocomplete="one-time-code"`, numeric keyboard, paste works), a resend button with a visible
 * countdown, the attempts left, errors in words, and a way out when no code can help: exit
 * unverified (HR reviews), with the HR contact beside it when the config says `contact-hr`.
 *
 * @summary The one-time code step.
 *
 * @csspart status - "We sent a code to 138****5678." (a live status).
 * @csspart label - The input's label.
 * @csspart input - The code input.
 * @csspart submit-button - "Verify and exit".
 * @csspart attempts - "Attempts left: 4".
 * @csspart error - What went wrong, in words (an alert): a code too short, wrong, or not sent.
 * @csspart resend-button - "Send a new code", or the countdown while it is not yet allowed.
 * @csspart exit-unverified-button - The way out when the code cannot be sent or is locked.
 * @csspart link - The HR contact beside the way out, when the config says `contact-hr`.
 *
 * @cssproperty --aie-color-border - The input's border (default #767676).
 * @cssproperty --aie-color-danger-text - Errors (default #c62828).
 * @cssproperty --aie-color-muted - Attempts left and the countdown (default #575757).
 */
export class AieVerifyCode extends StepPart {
  /** @ignore Focusing the host focuses its first control (focus returns here after the dialog). */
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [base, styles];

  #tick?: ReturnType<typeof setTimeout>;
  /** The candidate typed since the store refused a short code: its message goes until the next try. */
  #typed = false;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#tick);
  }

  protected override render() {
    const state = this.flow.state;
    const store = this.store;
    if (state.status !== 'verify' || !store) return nothing;
    const { t } = this.text;
    const verify = state.verify;
    const { phase, challenge } = verify;
    const failed = phase === 'failed' ? verify.error : null;
    // A code too short (refused by the store, never sent) is said until the candidate types again.
    const error = failed === 'short-code' && this.#typed ? null : failed;
    const failure = error && error !== 'wrong-code' && error !== 'short-code' ? t(errorMessageKey(error)) : '';
    const { codeLength, onFailure } = store.config.verification;
    const stuck = canExitUnverified(verify);
    const wait = this.#wait();
    const contact = hrLink(store.config.hrContact);
    return html`<p part="status" role="status">${phase === 'sending'
          ? t('verify.sending')
          : phase === 'checking'
            ? t('verify.checking')
            : challenge
              ? t('verify.sent', { destination: challenge.maskedDestination })
              : ''}</p>
      ${challenge && phase !== 'locked'
        ? html`<form novalidate @submit=${this.#submit}>
              <label part="label" for="code">${t('verify.label')}</label>
              <input
                part="input"
                id="code"
                name="code"
                autocomplete="one-time-code"
                inputmode="numeric"
                required
                minlength=${codeLength}
                aria-invalid=${error === 'short-code' || error === 'wrong-code'}
                aria-describedby="attempts error"
                @input=${(event: InputEvent) => {
                  const input = event.target as HTMLInputElement;
                  input.value = input.value.replace(/\D/g, '').slice(0, codeLength);
                  if (!this.#typed) {
                    this.#typed = true;
                    this.requestUpdate();
                  }
                }}
              />
              <button part="submit-button" class="danger">${t('verify.submit')}</button>
            </form>
            <p part="attempts" id="attempts">${t('verify.attemptsLeft', { count: challenge.attemptsLeft })}</p>`
        : nothing}
      <p part="error" id="error" role="alert">${phase === 'locked'
          ? t('verify.locked')
          : error === 'short-code'
            ? t('verify.incomplete', { count: codeLength })
            : error === 'wrong-code'
              ? t('verify.wrongCode')
              : failure && !challenge
                ? t('verify.sendFailed', { reason: failure })
                : failure}</p>
      ${phase === 'sent' || phase === 'failed'
        ? html`<button
            part="resend-button"
            class="neutral"
            type="button"
            ?disabled=${wait > 0}
            @click=${() => store.dispatch({ type: 'resendCode', at: new Date().toISOString() })}
          >
            ${wait > 0 ? t('verify.resendIn', { seconds: wait }) : t('verify.resend')}
          </button>`
        : nothing}
      ${stuck
        ? html`<button part="exit-unverified-button" class="danger" type="button" @click=${() => store.dispatch({ type: 'exitUnverified' })}>
              ${t('verify.exitUnverified')}
            </button>
            ${onFailure === 'contact-hr' && contact ? html`<p><a part="link" href=${contact.href}>${t('verify.contactHr', { contact: contact.text })}</a></p>` : nothing}`
        : nothing}`;
  }

  protected override updated(): void {
    // Count down to the resend time, one render a second.
    clearTimeout(this.#tick);
    if (this.#wait() > 0) this.#tick = setTimeout(() => this.requestUpdate(), 1000);
  }

  /** Whole seconds before a new code may be asked for. */
  #wait(): number {
    const state = this.flow.state;
    const challenge = state.status === 'verify' ? state.verify.challenge : null;
    return challenge ? Math.ceil((Date.parse(challenge.resendAt) - Date.now()) / 1000) : 0;
  }

  #submit(event: SubmitEvent): void {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('code') as HTMLInputElement;
    const store = this.store!;
    this.#typed = false;
    // The store checks the code's shape (the backend, the code): a short one is refused there, said here.
    store.dispatch({ type: 'submitCode', code: input.value });
    const state = store.getState();
    if (state.status === 'verify' && state.verify.phase === 'failed' && state.verify.error === 'short-code') {
      this.requestUpdate();
      input.focus();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'aie-verify-code': AieVerifyCode;
  }
}
