import { html, LitElement, type PropertyDeclarations } from 'lit';
import { I18nController, type I18n } from '../../controllers/i18n.js';
import { TooltipController } from '../../controllers/tooltip.js';
import { base } from '../../styles/base.js';
import { styles } from './exit-button.styles.js';

/**
 * The always-visible exit button (R2): a red "×" and the words "退出面试" / "Exit interview", with a
 * tooltip (R3) on hover and on keyboard focus that Escape dismisses. It only presents: the
 * widget around it opens the exit flow when it is clicked.
 *
 * @summary The exit button with its tooltip.
 *
 * @csspart button - The button (at least 44 × 44 px).
 * @csspart icon - The red "×".
 * @csspart label - The text "退出面试" / "Exit interview".
 * @csspart tooltip - The tooltip: "点击此处终止面试，数据将保存为'未完成'".
 *
 * @cssproperty --aie-exit-button-background - The button's background (default: the surface colour).
 * @cssproperty --aie-color-danger-text - Colour of the icon, the text and the border (default #c62828).
 * @cssproperty --aie-color-danger - Background on hover (default #c62828).
 * @cssproperty --aie-color-surface - Background (default white) and tooltip text colour.
 * @cssproperty --aie-color-text - Tooltip background (default #1f1f1f).
 * @cssproperty --aie-color-focus - Focus ring colour.
 * @cssproperty --aie-font-family - Typeface.
 * @cssproperty --aie-radius - Corner radius.
 * @cssproperty --aie-shadow - Drop shadow of the button and the tooltip.
 */
export class AieExitButton extends LitElement {
  /** @ignore Focusing the host focuses its first control (focus returns here after the dialog). */
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [base, styles];
  static override properties: PropertyDeclarations = { i18n: { attribute: false } };

  /** The widget's translations; set by `<ai-interview-exit>`. */
  i18n?: I18n;

  readonly #text = new I18nController(this);
  readonly #tooltip = new TooltipController(this, () => [
    this.renderRoot.querySelector<HTMLElement>('button'),
    this.renderRoot.querySelector<HTMLElement>('[role=tooltip]'),
  ]);

  constructor() {
    super();
    this.addEventListener('pointerenter', this.#tooltip.show);
    // A grace period, so that the pointer can move onto the tooltip (WCAG 1.4.13 "hoverable").
    this.addEventListener('pointerleave', () => this.#tooltip.hide(300));
  }

  protected override render() {
    const { t } = this.#text;
    return html`<button
        part="button"
        type="button"
        aria-describedby="tooltip"
        @click=${() => this.#tooltip.hide()}
        @focus=${(event: FocusEvent) => (event.target as Element).matches(':focus-visible') && this.#tooltip.show()}
        @blur=${() => this.#tooltip.hide()}
      >
        <svg part="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M6 6l12 12M18 6 6 18" /></svg
        ><span part="label">${t('exit.button')}</span>
      </button>
      <div part="tooltip" id="tooltip" role="tooltip" ?hidden=${!this.#tooltip.open}>${t('exit.tooltip')}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'aie-exit-button': AieExitButton;
  }
}
