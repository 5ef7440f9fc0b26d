// The re-entry and resume panel can be closed (bug 13): it covered the host page (the demo's phone
// panel) with no way to move it. Close and Escape, named in both languages, focus back on the exit button.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ARTICLE_POLICY } from '@ai-interview-exit/core/presets';
import { createMemoryAdapter } from '@ai-interview-exit/core/memory';
import { accessibleName, expectFocusOn, keepProgressFor, mountWidget, settle, until } from './support.js';

const exited = (interviewId: string) =>
  createMemoryAdapter({ statuses: [{ interviewId, status: 'exited', exitedAt: '2026-11-20T08:00:00.000Z', cooldownUntil: null }] });

async function reentry(locale = 'en', interviewId = `iv-closed-${locale}`) {
  const parts = await mountWidget({ interviewId, adapter: exited(interviewId), config: ARTICLE_POLICY, progress: null, locale });
  await until(() => parts.panel(), 'the re-entry panel');
  const close = () => parts.panel()?.querySelector<HTMLButtonElement>('[part=close-button]') ?? null;
  return { ...parts, close };
}

describe('closing the re-entry and resume panel (bug 13)', () => {
  it('a Close button, named in both languages, reachable by keyboard; the panel stays axe-clean', async () => {
    const en = await reentry('en');
    expect(accessibleName(en.close()!)).to.equal('Close');
    await expect(en.el).to.be.accessible();
    en.el.remove();
    const zh = await reentry('zh-CN');
    expect(accessibleName(zh.close()!)).to.equal('关闭');
    // From the exit button, Tab reaches the panel's controls.
    zh.button().focus();
    const reached: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      await sendKeys({ press: 'Tab' });
      const active = zh.el.shadowRoot!.activeElement;
      if (active) reached.push(active.getAttribute('part') ?? active.localName);
    }
    expect(reached).to.include('close-button');
  });

  it('Close hides it, focus goes to the exit button; the exit button brings it back and focuses it', async () => {
    const parts = await reentry();
    parts.close()!.focus();
    parts.close()!.click();
    await until(() => !parts.panel(), 'the panel to go');
    await settle();
    expectFocusOn(parts.button(), 'the exit button');
    expect(parts.el.store!.getState().status).to.equal('reentry', 'what the server said still stands');
    parts.button().click();
    await until(() => parts.panel(), 'the panel again');
    await settle();
    expectFocusOn(parts.panel(), 'the re-entry panel');
  });

  it('Escape inside the panel closes it too', async () => {
    const parts = await reentry();
    parts.panel()!.focus();
    await sendKeys({ press: 'Escape' });
    await until(() => !parts.panel(), 'the panel to go');
    await settle();
    expectFocusOn(parts.button(), 'the exit button');
  });

  it('the resume prompt closes the same way; the exit button still opens the exit', async () => {
    keepProgressFor('iv-resume-close', 3);
    const parts = await mountWidget({ interviewId: 'iv-resume-close', progress: null });
    await until(() => parts.panel()?.querySelector('[part=close-button]'), 'the resume prompt');
    parts.panel()!.querySelector<HTMLButtonElement>('[part=close-button]')!.click();
    await until(() => !parts.panel(), 'the panel to go');
    expect(parts.el.store!.getState().status).to.equal('resume');
    parts.button().click();
    await until(() => parts.dialog().open, 'the dialog');
  });
});
