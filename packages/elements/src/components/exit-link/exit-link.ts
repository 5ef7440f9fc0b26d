import { html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import type { ExitSource } from '@ai-interview-exit/core';
import { I18nController, type I18n } from '../../controllers/i18n.js';
import { closestDeep } from '../../internal/dom.js';
import { base } from '../../styles/base.js';
import { styles } from './exit-link.styles.js';

/** What a link or a prompt needs from the widget it opens. */
export interface ExitOpener {
  readonly i18n: I18n;
  open(source?: ExitSource, opener?: HTMLElement | null): void;
}

/**
 * The widget an exit link or prompt belongs to: the one with the given id, else the nearest
 * `<ai-interview-exit>` around `from` (through shadow roots), else the first in the document.
 */
export function findWidget(from: Element, id?: string | null): ExitOpener | null {
  if (id) {
    const element = (from.getRootNode() as Document).getElementById(id) ?? document.getElementById(id);
    return element?.localName === 'ai-interview-exit' ? (element as unknown as ExitOpener) : null;
  }
  return (closestDeep(from, 'ai-interview-exit') ?? document.querySelector('ai-interview-exit')) as unknown as ExitOpener | null;
}

/**
 * An inline "退出面试" / "Exit interview" link (R4) that a vendor places under a question, in voice
 * and text interviews. It opens the same exit flow as the widget's button, and focus comes back
 * to it when the candidate cancels.
 *
 * @summary An inline exit link under a question.
 *
 * @csspart link - The link-styled button.
 *
 * @cssproperty --aie-exit-link-color - Text colour (default: `--aie-color-danger-text`, #c62828).
 * @cssproperty --aie-color-focus - Focus ring colour.
 */
export class AieExitLink extends LitElement {
  /** @ignore Focusing the host focuses its first control (focus returns here after the dialog). */
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [base, styles];
  static override properties: PropertyDeclarations = { htmlFor: { attribute: 'for' } };

  /** The `id` of the `<ai-interview-exit>` to open; without it, the nearest one around the link, else the first on the page. */
  htmlFor = '';

  /** The widget's translations: the link speaks its language. */
  i18n?: I18n;
  readonly #text = new I18nController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    // The widget may be defined after this link: take its translations once it is.
    void customElements.whenDefined('ai-interview-exit').then(() => this.requestUpdate());
  }

  protected override willUpdate(): void {
    this.i18n = findWidget(this, this.htmlFor)?.i18n;
  }

  /** Nothing shows until the widget it opens is on the page: a link that opens nothing would trap. */
  protected override render() {
    return this.i18n
      ? html`<button part="link" type="button" @click=${() => findWidget(this, this.htmlFor)?.open('link', this)}>${this.#text.t('exit.link')}</button>`
      : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'aie-exit-link': AieExitLink;
  }
}
