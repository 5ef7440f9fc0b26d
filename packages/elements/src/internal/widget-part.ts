import { LitElement, type PropertyDeclarations } from 'lit';
import { canOpen, type ExitStore, type FlowState } from '@ai-interview-exit/core';
import { FlowController } from '../controllers/flow.js';
import { I18nController, type I18n } from '../controllers/i18n.js';

/**
 * What the parts of the widget share: the store and the translations that `<ai-interview-exit>`
 * passes down, and the controllers that re-render on either. A plain Lit element otherwise.
 */
export class WidgetPart extends LitElement {
  static override properties: PropertyDeclarations = {
    store: { attribute: false },
    i18n: { attribute: false },
    preview: { attribute: false },
  };

  /** The widget's store; set by the element that renders this one. */
  store?: ExitStore;
  /** The widget's translations (its own translator). */
  i18n?: I18n;
  /**
   * What opening would show (`store.preview()`), while nothing is open: the steps are built from it
   * inside the closed dialog before the candidate clicks, so that the click only shows them.
   */
  preview?: FlowState | undefined;

  /** The store's state, re-rendering this element when it changes. */
  protected readonly flow = new FlowController(this);
  /** `t()` and dates in the widget's language. */
  protected readonly text = new I18nController(this);

  /** What to render: the store's state, or the prepared preview while nothing is open. */
  protected get shown(): FlowState {
    const state = this.flow.state;
    return this.preview && canOpen(state) ? this.preview : state;
  }
}
