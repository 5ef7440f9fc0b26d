import type { PropertyValues } from 'lit';
import { addStepStrings } from '@ai-interview-exit/core/i18n/steps';
import { WidgetPart } from './widget-part.js';

/**
 * A step that comes with the widget's later parts: it brings its strings with it, and adds them
 * to its widget's translations before it first renders (a vendor's replacements still win).
 */
export class StepPart extends WidgetPart {
  protected override willUpdate(changed: PropertyValues): void {
    if (this.i18n) addStepStrings(this.i18n);
    super.willUpdate(changed);
  }
}
