// "I would rather be interviewed by a person" (PIPL art. 24): offered beside the reasons, recorded, and answered in the result.
import { expect } from '@open-wc/testing';
import { ARTICLE_POLICY } from '@ai-interview-exit/core/presets';
import { accessibleName, clearKeptProgress, mountWidget, until, untilStill } from './support.js';

const personBox = (root: ShadowRoot) => root.querySelector<HTMLInputElement>('input[type=checkbox]');

describe('asking for a person instead of the AI', () => {
  beforeEach(clearKeptProgress);

  it('is a labelled checkbox with its hint; checked, the record carries it and the result says what happens next', async () => {
    const parts = await mountWidget();
    parts.button().click();
    await until(() => parts.reasonForm() && personBox(parts.reasonForm()!), 'the reason form');
    const form = parts.reasonForm()!;
    const box = personBox(form)!;
    expect(box.checked).to.equal(false);
    expect(accessibleName(box)).to.equal('I would rather be interviewed by a person');
    const hint = form.getElementById(box.getAttribute('aria-describedby')!)!;
    expect(hint.textContent).to.equal('HR will contact you to arrange an interview with a person.');
    // After the reasons, not among them: the radio group stays a group of radios.
    expect(box.closest('[role=radiogroup]')).to.equal(null);

    box.click();
    await untilStill(parts.el);
    await expect(parts.el).to.be.accessible();
    parts.confirmButton()!.click();
    await until(() => parts.adapter.exits().length === 1, 'the exit');
    expect(parts.adapter.exits()[0]!.personRequested).to.equal(true);
    await until(() => parts.result()?.querySelector('[part=status]')?.textContent?.includes('Receipt'), 'the receipt');
    const notices = [...parts.result()!.querySelectorAll('[part=notice]')].map((p) => p.textContent);
    expect(notices).to.include('HR will contact you to arrange an interview with a person.');
    await untilStill(parts.el);
    await expect(parts.el).to.be.accessible();
  });

  it('is offered when a reason is required too (zh-CN), and an unchecked box leaves the result silent about it', async () => {
    const parts = await mountWidget({ locale: 'zh-CN', jobType: 'frontline', config: { ...ARTICLE_POLICY, defaults: { reason: 'required' } } });
    parts.button().click();
    await until(() => parts.reasonForm() && personBox(parts.reasonForm()!), 'the reason form');
    expect(accessibleName(personBox(parts.reasonForm()!)!)).to.equal('我希望由真人面试官面试');
    parts.reasonForm()!.querySelector<HTMLInputElement>('input[name=reason]')!.click();
    parts.confirmButton()!.click();
    await until(() => parts.adapter.exits().length === 1, 'the exit');
    expect(parts.adapter.exits()[0]!.personRequested).to.equal(false);
    await until(() => parts.result()?.querySelector('[part=message]'), 'the result');
    expect(parts.result()!.textContent).not.to.contain('安排真人面试');
  });
});
