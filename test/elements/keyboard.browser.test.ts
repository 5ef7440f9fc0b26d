// The WAI-ARIA APG dialog pattern, driven with real key presses.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AiInterviewExit } from '@ai-interview-exit/elements';
import { createMemoryAdapter } from '@ai-interview-exit/core/memory';
import { clearKeptProgress, deepActive, describe as describeElement, expectFocusOn, expectSame, isInside, mountWidget, openWithKeyboard, partsOf, settle, until } from './support.js';

describe('keyboard (WAI-ARIA APG dialog pattern)', () => {
  beforeEach(clearKeptProgress);

  it('opens the dialog with Enter on the exit button, focus on Cancel', async () => {
    const parts = await mountWidget();
    await openWithKeyboard(parts, 'Enter');
    expect(parts.dialog().open).to.equal(true);
    expectFocusOn(parts.cancelButton(), 'Cancel');
  });

  it('opens the dialog with Space on the exit button, focus on Cancel', async () => {
    const parts = await mountWidget();
    await openWithKeyboard(parts, 'Space');
    expect(parts.dialog().open).to.equal(true);
    expectFocusOn(parts.cancelButton(), 'Cancel');
  });

  it('keeps Tab and Shift+Tab inside the dialog, wrapping at both ends', async () => {
    const parts = await mountWidget();
    await openWithKeyboard(parts);
    const dialog = parts.dialog();
    const forward: Element[] = [];
    for (let i = 0; i < 12; i++) {
      await sendKeys({ press: 'Tab' });
      const active = deepActive()!;
      expect(isInside(dialog, active), `Tab ${i + 1} left the dialog for ${describeElement(active)}`).to.equal(true);
      forward.push(active);
      if (active === parts.cancelButton()) break;
    }
    expectSame(forward.at(-1), parts.cancelButton(), 'Tab comes round to Cancel');
    // reason radios, free text, data radios, confirm, cancel: at least 5 stops
    expect(forward.length).to.be.greaterThanOrEqual(5);
    const backward: Element[] = [];
    for (let i = 0; i < forward.length; i++) {
      await sendKeys({ press: 'Shift+Tab' });
      const active = deepActive()!;
      expect(isInside(dialog, active), `Shift+Tab ${i + 1} left the dialog for ${describeElement(active)}`).to.equal(true);
      backward.push(active);
    }
    // Backwards visits the same stops in reverse order, wrapping from the first to Cancel.
    const expected = [...forward].reverse().slice(1).concat(parts.cancelButton()!);
    // (compared one by one: a deep equality would walk the whole DOM)
    expect(backward.length).to.equal(expected.length);
    backward.forEach((element, i) => expectSame(element, expected[i], `Shift+Tab stop ${i + 1}`));
  });

  it('cancels with Escape from every focusable element in the dialog', async () => {
    const parts = await mountWidget();
    await openWithKeyboard(parts);
    const stops: number[] = [];
    for (let i = 0; i < 12; i++) {
      await sendKeys({ press: 'Tab' });
      stops.push(i + 1);
      if (deepActive() === parts.cancelButton()) break;
    }
    await sendKeys({ press: 'Escape' });
    await until(() => !parts.dialog().open, 'the dialog to close');

    for (const presses of stops) {
      await openWithKeyboard(parts);
      for (let i = 0; i < presses; i++) await sendKeys({ press: 'Tab' });
      const from = deepActive()!;
      expect(isInside(parts.dialog(), from)).to.equal(true);
      let cancelled = 0;
      parts.el.addEventListener('aie-exit-cancel', () => cancelled++, { once: true });
      await sendKeys({ press: 'Escape' });
      await until(() => !parts.dialog().open, `Escape from ${describeElement(from)} to close the dialog`);
      expect(cancelled, `aie-exit-cancel from ${describeElement(from)}`).to.equal(1);
      expect(parts.el.store!.getState().status).to.equal('idle');
      expectFocusOn(parts.button(), 'the exit button');
    }
  });

  it('cancels with Escape in the one-time-code step too', async () => {
    const parts = await mountWidget({ jobType: 'executive', config: { defaults: { gate: 'verify' } } });
    await openWithKeyboard(parts);
    parts.confirmButton()!.click();
    await until(() => parts.verify()?.querySelector('input'), 'the code input');
    expectFocusOn(parts.verify()!.querySelector('input'), 'the code input');
    await sendKeys({ press: 'Escape' });
    await until(() => !parts.dialog().open, 'the dialog to close');
    expectFocusOn(parts.button(), 'the exit button');
  });

  it('returns focus to the exit button after Cancel', async () => {
    const parts = await mountWidget();
    await openWithKeyboard(parts);
    await sendKeys({ press: 'Enter' }); // on Cancel
    await until(() => !parts.dialog().open, 'the dialog to close');
    expectFocusOn(parts.button(), 'the exit button');
  });

  it('returns focus to the inline exit link that opened the dialog', async () => {
    const container = await fixture<HTMLElement>(html`<div>
      <p>Question 3 of 10 <aie-exit-link></aie-exit-link></p>
      <ai-interview-exit interview-id="iv-link" candidate-ref="cand-1" job-type="engineer" stage="professional" locale="en" .adapter=${createMemoryAdapter()}></ai-interview-exit>
    </div>`);
    const el = container.querySelector<AiInterviewExit>('ai-interview-exit')!;
    const link = container.querySelector<HTMLElement>('aie-exit-link')!;
    const parts = partsOf(el);
    await settle();
    const linkButton = link.shadowRoot!.querySelector('button')!;
    link.focus();
    expectFocusOn(linkButton, 'the inline link');
    await sendKeys({ press: 'Enter' });
    await until(() => parts.dialog().open, 'the dialog to open');
    expectFocusOn(parts.cancelButton(), 'Cancel');
    await sendKeys({ press: 'Escape' });
    await until(() => !parts.dialog().open, 'the dialog to close');
    expectFocusOn(linkButton, 'the inline link');
    // and with the Cancel button
    await sendKeys({ press: 'Space' });
    await until(() => parts.dialog().open, 'the dialog to open again');
    await sendKeys({ press: 'Enter' });
    await until(() => !parts.dialog().open, 'the dialog to close again');
    expectFocusOn(linkButton, 'the inline link');
  });

  it('dismisses the tooltip with Escape while the button keeps focus (WCAG 1.4.13)', async () => {
    const parts = await mountWidget();
    await sendKeys({ press: 'Tab' });
    await until(() => deepActive() === parts.button(), 'the exit button to take focus');
    await until(() => !parts.tooltip().hidden, 'the tooltip on keyboard focus');
    await sendKeys({ press: 'Escape' });
    await until(() => parts.tooltip().hidden, 'Escape to hide the tooltip');
    expectFocusOn(parts.button(), 'the exit button');
    expect(parts.dialog().open).to.equal(false);
  });
});
