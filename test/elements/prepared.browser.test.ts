// The click only shows: the dialog is built, closed, before the candidate clicks (when the page is
// idle, or when the pointer or focus reaches the exit button), follows every change meanwhile, and
// the first open is right even when nothing was prepared.
import { expect, fixture, html } from '@open-wc/testing';
import { ARTICLE_POLICY } from '@ai-interview-exit/core/presets';
import { createMemoryAdapter } from '@ai-interview-exit/core/memory';
import type { AieExitDialog, AiInterviewExit } from '@ai-interview-exit/elements';
import { expectFocusOn, mountWidget, openDialog, partsOf, progressAt, settle, typeInto, until } from './support.js';

type Parts = Awaited<ReturnType<typeof mountWidget>>;

/** The pointer reaches the exit button, as before a click. */
async function hover(parts: Parts): Promise<void> {
  parts.buttonHost().dispatchEvent(new PointerEvent('pointerenter'));
  await until(() => !parts.dialog().open && parts.reasonForm()?.querySelector('input'), 'the prepared view');
}

describe('the prepared dialog', () => {
  it('is built, closed, when the pointer reaches the button; the click shows that same view', async () => {
    const parts = await mountWidget({ config: ARTICLE_POLICY, progress: progressAt(5) });
    await hover(parts);
    const form = parts.inDialog('aie-reason-form');
    expect(parts.dialog().open).to.equal(false);
    expect(parts.inDialog('[part~=progress]')!.textContent).to.match(/50%/);
    expect(parts.el.store!.getState().status).to.equal('idle');

    await openDialog(parts);
    expect(parts.inDialog('aie-reason-form')).to.equal(form);
    await settle();
    expectFocusOn(parts.cancelButton(), 'Cancel');
  });

  it('follows the progress, the stage and the language given after it was prepared', async () => {
    const parts = await mountWidget({ config: ARTICLE_POLICY, progress: progressAt(5) });
    await hover(parts);
    parts.el.progress = progressAt(8);
    await settle();
    expect(parts.inDialog('[part~=progress]')!.textContent).to.match(/80%/);

    parts.el.locale = 'zh-CN';
    await until(() => parts.inDialog('h2')!.textContent === '退出面试', 'the prepared view in Chinese');

    parts.el.stage = 'self-introduction';
    parts.el.progress = null;
    await until(() => !parts.inDialog('[part~=progress]'), 'a free exit: no progress sentence');
    await openDialog(parts);
    const state = parts.el.store!.getState();
    expect(state.status === 'confirm' && state.session.plan.gate).to.equal('free');
    expect(parts.inDialog('[part~=progress]')).to.equal(null);
    expect(parts.inDialog('h2')!.textContent).to.equal('退出面试');
  });

  it('follows the policy: a new config prepares the help offer the new plan begins with', async () => {
    const parts = await mountWidget({ config: ARTICLE_POLICY });
    await hover(parts);
    parts.el.config = { ...ARTICLE_POLICY, defaults: { helpOffer: true } };
    await until(() => parts.confirmButton()?.textContent === 'Exit anyway', 'the prepared help offer');
    expect(parts.dialog().open).to.equal(false);
    parts.button().click();
    await until(() => parts.dialog().open, 'the dialog');
    expect(parts.el.store!.getState().status).to.equal('help');
  });

  it('comes back empty after a cancel: what the candidate chose is not shown to the next open', async () => {
    const parts = await mountWidget({ config: ARTICLE_POLICY });
    await hover(parts);
    await openDialog(parts);
    parts.reasonForm()!.querySelector<HTMLInputElement>('input[name=reason]')!.click();
    typeInto(parts.reasonForm()!.querySelector('textarea')!, 'not for me');
    // Cancel before the form has rendered the choice: the view must not keep what the DOM holds.
    parts.cancelButton()!.click();
    await until(() => !parts.dialog().open, 'the dialog to close');
    await openDialog(parts);
    const checked = [...parts.reasonForm()!.querySelectorAll<HTMLInputElement>('input[name=reason]')].filter((input) => input.checked);
    expect(checked.map((input) => input.parentElement!.textContent)).to.deep.equal(['Prefer not to say']);
    expect(parts.reasonForm()!.querySelector('textarea')!.value).to.equal('');
  });

  it('opens the right view when the candidate clicks before anything was prepared', async () => {
    const adapter = createMemoryAdapter();
    const el = await fixture<AiInterviewExit>(html`<ai-interview-exit interview-id="iv-early" candidate-ref="c-1" job-type="executive" locale="en"
      .adapter=${adapter} .config=${ARTICLE_POLICY}></ai-interview-exit>`);
    const parts = partsOf(el);
    // Right after the first render: the page has not been idle yet.
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector<AieExitDialog>('aie-exit-dialog')!.preview).to.equal(undefined);
    parts.button().click();
    await until(() => parts.dialog().open && parts.confirmButton(), 'the dialog');
    expect(parts.inDialog('h2')!.textContent).to.equal('Exit the interview');
    expect(parts.reasonForm()!.querySelectorAll('input[name=reason]').length).to.be.greaterThan(1);
    parts.confirmButton()!.click();
    await until(() => el.store!.getState().status === 'verify', 'the code step');
  });
});
