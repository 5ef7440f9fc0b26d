// Accessible names (the product's public face), the tooltip, and axe-core on every state.
import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { AiInterviewExit } from '@ai-interview-exit/elements';
import { ARTICLE_POLICY } from '@ai-interview-exit/core/presets';
import { createMemoryAdapter } from '@ai-interview-exit/core/memory';
import { accessibleName, clearKeptProgress, keepProgressFor, mountWidget, openDialog, partsOf, progressAt, settle, typeInto, until, untilStill } from './support.js';

const NAMES = {
  'zh-CN': { button: '退出面试', dialog: '退出面试', confirm: '确认退出', cancel: '取消', link: '退出面试' },
  en: { button: 'Exit interview', dialog: 'Exit the interview', confirm: 'Confirm exit', cancel: 'Cancel', link: 'Exit interview' },
} as const;

describe('accessibility', () => {
  beforeEach(clearKeptProgress);
  afterEach(() => resetMouse());

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`names the exit button, the dialog and its buttons exactly (${locale})`, async () => {
      const page = await fixture<HTMLElement>(html`<div>
        <aie-exit-link></aie-exit-link>
        <ai-interview-exit interview-id="iv-n" candidate-ref="c-n" job-type="engineer" stage="professional" locale=${locale} .adapter=${createMemoryAdapter()}></ai-interview-exit>
      </div>`);
      const parts = partsOf(page.querySelector<AiInterviewExit>('ai-interview-exit')!);
      await settle();
      const names = NAMES[locale];
      expect(parts.button().localName).to.equal('button');
      expect(accessibleName(parts.button())).to.equal(names.button);
      expect(accessibleName(page.querySelector('aie-exit-link')!.shadowRoot!.querySelector('button')!)).to.equal(names.link);
      parts.button().click();
      await until(() => parts.dialog().open && parts.cancelButton(), 'the dialog');
      expect(parts.dialog().localName).to.equal('dialog');
      expect(accessibleName(parts.dialog())).to.equal(names.dialog);
      expect(accessibleName(parts.confirmButton()!)).to.equal(names.confirm);
      expect(accessibleName(parts.cancelButton()!)).to.equal(names.cancel);
      expect(parts.dialog().getAttribute('lang')).to.equal(locale);
    });
  }

  it('takes its language from the nearest lang when it has no locale', async () => {
    const page = await fixture<HTMLElement>(html`<section lang="zh-Hans-CN">
      <ai-interview-exit interview-id="iv-l" candidate-ref="c-l" job-type="engineer" stage="professional" .adapter=${createMemoryAdapter()}></ai-interview-exit>
    </section>`);
    const parts = partsOf(page.querySelector<AiInterviewExit>('ai-interview-exit')!);
    await settle();
    expect(accessibleName(parts.button())).to.equal('退出面试');
  });

  it('describes the exit button with its tooltip, shown on hover and kept while hovered (WCAG 1.4.13)', async () => {
    const parts = await mountWidget({ locale: 'zh-CN' });
    const button = parts.button();
    const tooltip = parts.tooltip();
    expect(tooltip.getAttribute('role')).to.equal('tooltip');
    expect(button.getAttribute('aria-describedby')).to.equal(tooltip.id);
    expect(tooltip.textContent).to.equal("点击此处终止面试，数据将保存为'未完成'");
    expect(tooltip.hidden).to.equal(true);
    const rect = button.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(rect.x + rect.width / 2), Math.round(rect.y + rect.height / 2)] });
    // Placed once Floating UI has come with the later parts (or by the fallback): hidden until then.
    await until(() => !tooltip.hidden && tooltip.style.top, 'the tooltip on hover, placed');
    const tip = tooltip.getBoundingClientRect();
    expect(tip.top, 'below the button').to.be.at.least(rect.bottom);
    expect(tip.right, 'inside the viewport').to.be.at.most(innerWidth);
    const onTooltip = new Promise((resolve) => tooltip.addEventListener('pointerover', resolve, { once: true }));
    await sendMouse({ type: 'move', position: [Math.round(tip.x + tip.width / 2), Math.round(tip.y + tip.height / 2)] });
    await onTooltip;
    await parts.buttonHost().updateComplete;
    expect(tooltip.hidden, 'still shown while the pointer is on it').to.equal(false);
    await sendKeys({ press: 'Escape' });
    await until(() => tooltip.hidden, 'Escape to dismiss it without moving the pointer');
    // Shown again on the next hover, and hidden once the pointer has left (after the grace period that lets it reach the tooltip).
    await sendMouse({ type: 'move', position: [5, innerHeight - 5] });
    await sendMouse({ type: 'move', position: [Math.round(rect.x + rect.width / 2), Math.round(rect.y + rect.height / 2)] });
    await until(() => !tooltip.hidden, 'the tooltip on hover again');
    await sendMouse({ type: 'move', position: [5, innerHeight - 5] });
    await until(() => tooltip.hidden, 'the tooltip hidden once the pointer left');
  });

  it('puts the tooltip above the button in a bottom corner, inside the viewport', async () => {
    const parts = await mountWidget({ placement: 'bottom-left' });
    const button = parts.button().getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(button.x + button.width / 2), Math.round(button.y + button.height / 2)] });
    await until(() => !parts.tooltip().hidden && parts.tooltip().style.top, 'the tooltip on hover, placed');
    const tip = parts.tooltip().getBoundingClientRect();
    expect(tip.bottom, 'above the button').to.be.at.most(button.top);
    expect(tip.left, 'inside the viewport').to.be.at.least(0);
    expect(tip.top, 'inside the viewport').to.be.at.least(0);
    await resetMouse();
  });

  it('gives every target at least 24 × 24 px, and Confirm and Cancel the same size', async () => {
    const parts = await mountWidget();
    const button = parts.button().getBoundingClientRect();
    expect(button.width).to.be.at.least(24);
    expect(button.height).to.be.at.least(24);
    await openDialog(parts);
    const confirm = parts.confirmButton()!.getBoundingClientRect();
    const cancel = parts.cancelButton()!.getBoundingClientRect();
    expect(confirm.width).to.be.closeTo(cancel.width, 1);
    expect(confirm.height).to.be.closeTo(cancel.height, 1);
    expect(confirm.height).to.be.at.least(24);
  });

  describe('axe-core finds nothing', () => {
    it('idle, and with the tooltip shown', async () => {
      const parts = await mountWidget({ locale: 'zh-CN' });
      await untilStill(parts.el);
      await expect(parts.el).to.be.accessible();
      parts.buttonHost().focus();
      await sendKeys({ press: 'Shift' });
      await untilStill(parts.el);
      await expect(parts.el).to.be.accessible();
    });

    it('in the confirm step, with a required reason missing', async () => {
      const parts = await mountWidget({ jobType: 'frontline', config: { ...ARTICLE_POLICY, defaults: { reason: 'required' } }, progress: progressAt(9) });
      parts.button().click();
      await until(() => parts.reasonForm(), 'the dialog');
      await untilStill(parts.el);
      await expect(parts.el).to.be.accessible();
      parts.confirmButton()!.click();
      await until(() => parts.reasonForm()!.querySelector('[part=error]'), 'the error');
      await untilStill(parts.el);
      await expect(parts.el).to.be.accessible();
    });

    it('in the code step: sent, wrong code, locked', async () => {
      const parts = await mountWidget({ jobType: 'executive', config: ARTICLE_POLICY });
      await openDialog(parts);
      parts.confirmButton()!.click();
      await until(() => parts.verify()?.querySelector('input'), 'the code input');
      await untilStill(parts.el);
      await expect(parts.el).to.be.accessible();
      for (let attempt = 0; attempt < 5; attempt++) {
        typeInto(parts.verify()!.querySelector('input')!, '000000');
        parts.verify()!.querySelector<HTMLButtonElement>('[part=submit-button]')!.click();
        await until(() => {
          const state = parts.el.store!.getState();
          return state.status === 'verify' && state.verify.phase !== 'checking';
        }, 'the check');
        if (attempt === 0) await untilStill(parts.el);
      await expect(parts.el).to.be.accessible();
      }
      await until(() => parts.verify()!.querySelector('[part=exit-unverified-button]'), 'locked');
      await untilStill(parts.el);
      await expect(parts.el).to.be.accessible();
    });

    it('after the exit, queued offline', async () => {
      const adapter = createMemoryAdapter();
      adapter.fail('submitExit', 'network');
      const parts = await mountWidget({ adapter });
      await openDialog(parts);
      parts.reasonForm()!.querySelectorAll<HTMLInputElement>('input[name=data]')[1]!.click();
      parts.confirmButton()!.click();
      await until(() => parts.result()?.querySelector('[part=status]')?.textContent?.includes('offline'), 'the queued view');
      await untilStill(parts.el);
      await expect(parts.el).to.be.accessible();
    });

    it('on re-entry and on resume', async () => {
      const adapter = createMemoryAdapter({ statuses: [{ interviewId: 'iv-x', status: 'exited', exitedAt: '2026-11-20T08:00:00.000Z', cooldownUntil: null }] });
      const reentry = await mountWidget({ interviewId: 'iv-x', adapter, config: ARTICLE_POLICY, progress: null });
      await until(() => reentry.panel(), 'the re-entry panel');
      await expect(reentry.el).to.be.accessible();
      keepProgressFor('iv-y', 2);
      const resume = await mountWidget({ interviewId: 'iv-y', progress: null });
      await until(() => resume.panel(), 'the resume prompt');
      await expect(resume.el).to.be.accessible();
    });
  });
});
