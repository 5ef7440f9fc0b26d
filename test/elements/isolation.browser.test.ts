// Two widgets on one page share nothing; a hostile host stylesheet cannot break the exit.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import type { AiInterviewExit } from '@ai-interview-exit/elements';
import { createMemoryAdapter } from '@ai-interview-exit/core/memory';
import { accessibleName, clearKeptProgress, mountWidget, partsOf, settle, until } from './support.js';

async function clickCentre(element: Element): Promise<void> {
  const rect = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(rect.x + rect.width / 2), Math.round(rect.y + rect.height / 2)] });
}

describe('isolation', () => {
  beforeEach(clearKeptProgress);
  afterEach(() => resetMouse());

  it('keeps two widgets on one page independent: state, translations, ids and records', async () => {
    const a1 = createMemoryAdapter();
    const a2 = createMemoryAdapter();
    const page = await fixture<HTMLElement>(html`<div>
      <ai-interview-exit interview-id="iv-a" candidate-ref="c-a" job-type="engineer" stage="professional" locale="zh-CN" .adapter=${a1}></ai-interview-exit>
      <ai-interview-exit interview-id="iv-b" candidate-ref="c-b" job-type="manager" stage="professional" locale="en" placement="bottom-left" .adapter=${a2}></ai-interview-exit>
    </div>`);
    const [first, second] = [...page.querySelectorAll<AiInterviewExit>('ai-interview-exit')];
    const one = partsOf(first!);
    const two = partsOf(second!);
    await settle();
    expect(first!.i18n).to.not.equal(second!.i18n);
    expect(first!.store).to.not.equal(second!.store);
    expect(accessibleName(one.button())).to.equal('退出面试');
    expect(accessibleName(two.button())).to.equal('Exit interview');

    one.button().click();
    await until(() => one.dialog().open, 'the first dialog');
    expect(two.dialog().open).to.equal(false);
    expect(second!.store!.getState().status).to.equal('idle');
    // same ids inside each shadow root, never colliding in the document
    expect(one.inDialog('#title')!.textContent).to.equal('退出面试');
    expect(document.getElementById('title')).to.equal(null);

    one.confirmButton()!.click();
    await until(() => a1.exits().length === 1, 'the first exit');
    expect(a2.exits()).to.have.length(0);
    expect(second!.store!.getState().status).to.equal('idle');

    // a language change in one leaves the other alone
    first!.locale = 'en';
    await until(() => accessibleName(one.button()) === 'Exit interview', 'the first widget in English');
    second!.locale = 'zh-CN';
    await until(() => accessibleName(two.button()) === '退出面试', 'the second widget in Chinese');
    expect(accessibleName(one.button())).to.equal('Exit interview');

    two.button().click();
    await until(() => two.dialog().open, 'the second dialog');
    two.confirmButton()!.click();
    await until(() => a2.exits().length === 1, 'the second exit');
    expect(a1.exits()[0]!.interviewId).to.equal('iv-a');
    expect(a2.exits()[0]!.interviewId).to.equal('iv-b');
  });

  describe('with a hostile host stylesheet', () => {
    let style: HTMLStyleElement;
    beforeEach(() => {
      style = document.createElement('style');
      style.textContent = '* { all: unset } button { display: none !important } dialog { display: none !important }';
      document.head.append(style);
    });
    afterEach(() => style.remove());

    it('still shows the exit button and completes the exit by mouse', async () => {
      const parts = await mountWidget();
      const rect = parts.button().getBoundingClientRect();
      expect(rect.width).to.be.at.least(44);
      expect(rect.height).to.be.at.least(44);
      expect(getComputedStyle(parts.button()).position === 'static' && rect.top).to.be.within(0, 40);
      await clickCentre(parts.button());
      await until(() => parts.dialog().open && parts.confirmButton(), 'the dialog');
      expect(parts.dialog().getBoundingClientRect().width).to.be.greaterThan(200);
      await clickCentre(parts.confirmButton()!);
      await until(() => parts.adapter.exits().length === 1, 'the exit');
      await until(() => parts.result()?.querySelector('[part=message]'), 'the result');
      expect(parts.result()!.querySelector('[part=message]')!.getBoundingClientRect().height).to.be.greaterThan(0);
    });

    it('still lets the inline link open the flow and the keyboard cancel it', async () => {
      const page = await fixture<HTMLElement>(html`<div>
        <aie-exit-link></aie-exit-link>
        <ai-interview-exit interview-id="iv-h" candidate-ref="c-h" job-type="engineer" stage="professional" locale="en" .adapter=${createMemoryAdapter()}></ai-interview-exit>
      </div>`);
      const parts = partsOf(page.querySelector<AiInterviewExit>('ai-interview-exit')!);
      await settle();
      const link = page.querySelector('aie-exit-link')!.shadowRoot!.querySelector('button')!;
      expect(link.getBoundingClientRect().height).to.be.at.least(24);
      link.scrollIntoView({ block: 'center' });
      await clickCentre(link);
      await until(() => parts.dialog().open, 'the dialog');
      await sendKeys({ press: 'Escape' });
      await until(() => !parts.dialog().open, 'the dialog to close');
    });
  });
});
