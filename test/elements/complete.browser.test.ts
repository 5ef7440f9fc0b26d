// A finished interview is not an exit (bug 7): exit after the last answer says the interview is
// complete, records nothing, announces no cooldown, and closes as the dialog always does.
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ARTICLE_POLICY } from '@ai-interview-exit/core/presets';
import type { AieExitCancelEvent, AieExitRequestEvent } from '@ai-interview-exit/elements';
import { deepActive, expectFocusOn, isInside, mountWidget, progressAt, settle, until, untilStill } from './support.js';

async function openComplete(locale = 'en', config = ARTICLE_POLICY) {
  const parts = await mountWidget({ locale, config, progress: progressAt(10) });
  const requests: AieExitRequestEvent[] = [];
  parts.el.addEventListener('aie-exit-request', (event) => requests.push(event));
  parts.button().click();
  await until(() => parts.dialog().open, 'the dialog');
  const message = () => parts.inDialog('aie-interview-complete')?.shadowRoot?.querySelector('[part=message]')?.textContent ?? '';
  await until(() => message(), 'the words of the later part');
  return { ...parts, requests, message, title: () => parts.inDialog('h2')!.textContent, close: () => parts.inDialog<HTMLButtonElement>('[part=close-button]')! };
}

describe('exit after the last answer (bug 7)', () => {
  it('says the interview is complete: no Confirm, no cooldown, no progress, focus on Close; axe-clean', async () => {
    const parts = await openComplete();
    expect(parts.title()).to.equal('Your interview is complete');
    expect(parts.message()).to.equal('You have answered every question: there is nothing to exit, and no exit is recorded. You may close this page.');
    expect(parts.confirmButton()).to.equal(null);
    const text = parts.dialog().textContent!;
    expect(text).not.to.match(/30 days|incomplete|100%/);
    expect(parts.inDialog('[part~=notice]')).to.equal(null);
    expect(parts.requests.map((event) => event.detail.source)).to.deep.equal(['button'], 'the request comes first, as for any exit');
    expectFocusOn(parts.close(), 'Close');
    await untilStill(parts.el);
    await expect(parts.el).to.be.accessible();
  });

  it('Escape closes it: aie-exit-cancel with step "complete", focus back on the exit button, nothing recorded', async () => {
    const parts = await openComplete();
    const cancelled = oneEvent(parts.el, 'aie-exit-cancel');
    let confirmed = false;
    parts.el.addEventListener('aie-exit-confirm', () => (confirmed = true));
    await sendKeys({ press: 'Escape' });
    expect(((await cancelled) as AieExitCancelEvent).detail.step).to.equal('complete');
    await until(() => !parts.dialog().open, 'the dialog to close');
    await settle();
    expect(isInside(parts.buttonHost(), deepActive())).to.equal(true);
    expect(parts.el.store!.getState().status).to.equal('idle');
    expect(parts.adapter.calls.submitExit).to.equal(0);
    expect(confirmed).to.equal(false);
  });

  it('Close does the same, and Tab stays in the dialog', async () => {
    const parts = await openComplete();
    await sendKeys({ press: 'Tab' });
    expect(isInside(parts.dialog(), deepActive())).to.equal(true);
    const cancelled = oneEvent(parts.el, 'aie-exit-cancel');
    parts.close().click();
    expect(((await cancelled) as AieExitCancelEvent).detail.step).to.equal('complete');
    await until(() => !parts.dialog().open, 'the dialog to close');
    expect(parts.adapter.calls.submitExit).to.equal(0);
  });

  it('in Chinese', async () => {
    const parts = await openComplete('zh-CN');
    expect(parts.title()).to.equal('面试已完成');
    expect(parts.message()).to.equal('您已回答全部问题，面试已经完成，无需退出，也不会记录为退出。您可以直接关闭此页面。');
    expect(parts.close().textContent).to.equal('关闭');
    await untilStill(parts.el);
    await expect(parts.el).to.be.accessible();
  });

  it("the vendor's policy may record it as an exit anyway (whenComplete: 'exit')", async () => {
    const parts = await mountWidget({ locale: 'en', config: { ...ARTICLE_POLICY, defaults: { whenComplete: 'exit' } }, progress: progressAt(10) });
    parts.button().click();
    await until(() => parts.dialog().open && parts.confirmButton(), 'the confirmation');
    parts.confirmButton()!.click();
    await until(() => parts.adapter.calls.submitExit === 1, 'the exit');
  });

  it('one answer short is still an exit', async () => {
    const parts = await mountWidget({ locale: 'en', config: ARTICLE_POLICY, progress: progressAt(9) });
    parts.button().click();
    await until(() => parts.dialog().open && parts.confirmButton(), 'the confirmation');
  });
});
