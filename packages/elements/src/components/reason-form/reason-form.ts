import { html, LitElement, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { DataChoiceSchema, type FlowInput } from '@ai-interview-exit/core';
import { WidgetPart } from '../../internal/widget-part.js';
import { base } from '../../styles/base.js';
import { styles } from './reason-form.styles.js';

/** The parts of `<aie-reason-form>`, for `exportparts` up the tree. */
export const REASON_FORM_PARTS = 'fieldset,legend,option,label,textarea,counter,hint,error';

/**
 * Why the candidate leaves (R1, R9), whether they would rather be interviewed by a person (PIPL
 * art. 24), and what happens to their personal data (R10), inside the confirm step. The reasons come from the config (labels from the locale files or the config's
 * own labels); the reason is optional unless the policy requires it. What is chosen lives in the
 * store's draft, so it survives every later step, a wrong code included.
 *
 * @summary The reason and data-choice part of the confirm step.
 *
 * @csspart fieldset - Each group: the reasons, the data choice.
 * @csspart legend - A group's question.
 * @csspart option - A radio button, or the checkbox asking for a person, with its label.
 * @csspart label - The free-text label.
 * @csspart textarea - The free text.
 * @csspart counter - "12/500" under the free text.
 * @csspart hint - The one-sentence explanation of a data choice, or of asking for a person.
 * @csspart error - "Please choose or write a reason." when a required reason is missing.
 *
 * @cssproperty --aie-color-accent - Colour of the radio buttons (default: the focus colour).
 * @cssproperty --aie-color-muted - Hints and counter (default #575757).
 * @cssproperty --aie-color-border - The text box's border (default #767676).
 * @cssproperty --aie-color-danger-text - The error message (default #c62828).
 */
export class AieReasonForm extends WidgetPart {
  /** @ignore Focusing the host focuses its first control (focus returns here after the dialog). */
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [base, styles];

  protected override render() {
    const state = this.shown;
    if (state.status !== 'confirm' && state.status !== 'verify') return nothing;
    const { t } = this.text;
    const { plan, draft, options } = state.session;
    const invalid = state.status === 'confirm' && state.problem === 'reason-required';
    const required = plan.reason === 'required';
    const option = (name: string, checked: boolean, label: string, action: FlowInput, hint?: string) =>
      html`<label part="option"
          ><input type="radio" name=${name} .checked=${live(checked)} aria-describedby=${hint ?? nothing} @change=${() => this.store?.dispatch(action)} />${label}</label
        >${hint ? html`<span part="hint" id=${hint}>${t(`data.${hint}`)}</span>` : nothing}`;
    return html`${plan.steps.includes('reason')
        ? html`<fieldset part="fieldset" role="radiogroup" aria-required=${required} aria-invalid=${invalid} aria-describedby=${invalid ? 'error' : nothing}>
              <legend part="legend">${t(required ? 'reason.legendRequired' : 'reason.legend')}</legend>
              ${options.reasonCodes.map((code) =>
                option('reason', draft.reasonCode === code, t(`reason.${code}`, { defaultValue: code }), { type: 'setReason', code }),
              )}
              ${required ? nothing : option('reason', draft.reasonCode === null, t('reason.none'), { type: 'setReason', code: null })}
            </fieldset>
            ${options.freeText
              ? html`<label part="label" for="text">${t('reason.textLabel')}</label>
                  <textarea
                    part="textarea"
                    id="text"
                    maxlength=${options.textLimit}
                    aria-describedby=${invalid ? 'counter error' : 'counter'}
                    aria-invalid=${invalid}
                    .value=${live(draft.reasonText)}
                    @input=${(event: InputEvent) => this.store?.dispatch({ type: 'setReasonText', text: (event.target as HTMLTextAreaElement).value })}
                  ></textarea>
                  <span part="counter" id="counter">${t('reason.counter', { count: draft.reasonText.length, max: options.textLimit })}</span>`
              : nothing}
            ${invalid ? html`<p part="error" id="error" role="alert">${t('reason.required')}</p>` : nothing}
            <label part="option"
              ><input type="checkbox" .checked=${live(draft.personRequested)} aria-describedby="person"
                @change=${(event: Event) => this.store?.dispatch({ type: 'setPersonRequested', requested: (event.target as HTMLInputElement).checked })}
              />${t('person.label')}</label
            ><span part="hint" id="person">${t('person.next')}</span>`
        : nothing}
      <fieldset part="fieldset">
        <legend part="legend">${t('data.legend')}</legend>
        ${DataChoiceSchema.options.map((choice) => option('data', draft.dataChoice === choice, t(`data.${choice}`), { type: 'setDataChoice', choice }, `${choice}Hint`))}
      </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'aie-reason-form': AieReasonForm;
  }
}
