// The floor for `npm run bench`: the least a Lit element can do to let someone leave. A button
// opens a native modal <dialog> that is already in the shadow root (a heading, a line of text,
// Cancel and Leave); Escape and Cancel close it and focus goes back to the button. The widget's
// figures are read against this one's, measured in the same run.
import { css, html, LitElement } from 'lit';

export class BenchFloor extends LitElement {
  static override styles = css`
    :host {
      position: fixed;
      top: 1rem;
      right: 1rem;
      font: 1rem system-ui, sans-serif;
    }
    dialog {
      max-width: min(34rem, 100vw - 2rem);
      border: none;
      border-radius: 0.5rem;
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 50%);
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: 0.5rem;
    }
  `;

  get #dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog')!;
  }

  protected override render() {
    return html`<button part="button" type="button" @click=${this.#open}>Leave interview</button>
      <dialog part="dialog" aria-labelledby="title" @close=${this.#returnFocus}>
        <h2 id="title">Leave the interview?</h2>
        <p>Your answers so far are kept. You can come back later.</p>
        <div class="actions">
          <button part="cancel-button" type="button" autofocus @click=${this.#close}>Cancel</button>
          <button part="confirm-button" type="button" @click=${this.#close}>Leave</button>
        </div>
      </dialog>`;
  }

  readonly #open = (): void => this.#dialog.showModal();
  readonly #close = (): void => this.#dialog.close();
  readonly #returnFocus = (): void => this.renderRoot.querySelector<HTMLButtonElement>('[part=button]')!.focus();
}

customElements.define('bench-floor', BenchFloor);
