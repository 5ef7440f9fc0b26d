import { LitElement, type PropertyDeclarations } from 'lit';
import type { ExitStore } from '@ai-interview-exit/core';
import { FlowController } from '../controllers/flow.js';
import { I18nController, type I18n } from '../controllers/i18n.js';

/**
 * What the parts of the widget share: the store and the translations that `<ai-interview-exit>`
 * passes down, and the controllers that re-render on either. A plain Lit element otherwise.
 */
export class WidgetPart extends LitElement {
  static override properties: PropertyDeclarations = { store: { attribute: false }, i18n: { attribute: false } };

  /** The widget's store; set by the element that renders this one. */
  store?: ExitStore;
  /** The widget's translations (its own i18next instance). */
  i18n?: I18n;

  /** The store's state, re-rendering this element when it changes. */
  protected readonly flow = new FlowController(this);
  /** `t()` and dates in the widget's language. */
  protected readonly text = new I18nController(this);
}
