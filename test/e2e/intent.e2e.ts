// R29 on the demo: a candidate who hesitates at the exit during the professional questions is offered
// help by a polite nudge that takes no focus, covers nothing, and is recorded for HR. Screenshots in
// both languages go to test-artifacts/e2e/.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations } from '../support/browser.js';
import { open, shot, startDemo, type Demo } from './demo-harness.js';

const WORDS = {
  'zh-CN': { next: '下一题', exit: '退出面试', answer: '您的回答', title: '需要帮助吗？', help: '获取帮助', dismiss: '关闭提示', confirm: '确认退出' },
  en: { next: 'Next question', exit: 'Exit interview', answer: 'Your answer', title: 'Need a hand?', help: 'Get help', dismiss: 'Dismiss', confirm: 'Confirm exit' },
} as const;

let demo: Demo;
before(async () => {
  demo = await startDemo();
});
after(() => demo?.close());

/** Move the pointer onto the exit button and away, three times. */
async function hesitate(page: Page, name: string): Promise<void> {
  const box = (await page.getByRole('button', { name, exact: true }).first().boundingBox())!;
  for (let i = 0; i < 3; i += 1) {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.move(10, 500);
  }
}

describe('R29 on the demo', () => {
  for (const [lang, width] of [['zh-CN', 1280], ['en', 375]] as const) {
    it(`hover three times → aie-intent and the nudge; focus kept; the exit one click away; axe-clean (${lang}, ${width} px)`, async () => {
      const words = WORDS[lang];
      const { page, errors } = await open(demo.browser, `${demo.base}/candidate?job=frontline&lang=${lang}`, { width, height: 800 });
      await page.evaluate(() => {
        const heard: unknown[] = [];
        Object.assign(window, { intents: heard });
        document.addEventListener('aie-intent', (event) => heard.push(event.detail));
      });
      await page.getByRole('button', { name: words.next }).click(); // on to the professional stage
      const answer = page.getByRole('textbox', { name: words.answer });
      await answer.focus();
      await hesitate(page, words.exit);
      const nudge = page.getByText(words.title);
      await nudge.waitFor();
      const intents = await page.evaluate(() => (window as unknown as { intents: { score: number; nudge: boolean }[] }).intents);
      assert.deepEqual(intents.at(-1), { ...intents.at(-1), score: 1, nudge: true });
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'answer', 'focus stays where the candidate is');
      await shot(page, `nudge-${lang}-${width}`);

      assert.deepEqual(await axeViolations(page, 'ai-interview-exit'), []);

      // Tab from the exit button reaches Get help, then Dismiss.
      await page.getByRole('button', { name: words.exit, exact: true }).first().focus();
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => { let e = document.activeElement; while (e?.shadowRoot?.activeElement) e = e.shadowRoot.activeElement; return e?.textContent; }), words.help);

      // The exit stays one click away, the nudge showing or not.
      await page.getByRole('button', { name: words.exit, exact: true }).first().click();
      await page.getByRole('dialog').getByRole('button', { name: words.confirm }).waitFor();
      assert.equal(await nudge.count(), 0, 'the nudge goes as the exit opens');
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  it('Get help opens the help offer, and HR sees the nudge and what followed', async () => {
    const { page, errors } = await open(demo.browser, `${demo.base}/candidate?job=frontline&lang=en`);
    await page.getByRole('button', { name: 'Next question' }).click();
    await hesitate(page, 'Exit interview');
    await page.getByRole('button', { name: 'Get help' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Talk to a person' }).waitFor();
    await shot(page, 'nudge-help-offer-en');
    const hr = await open(demo.browser, `${demo.base}/hr?lang=en`);
    await hr.page.getByText(/Help offered to hesitating candidates: \d+ times; \d+ stayed, [1-9]\d* asked for help/).waitFor({ timeout: 5000 });
    await shot(hr.page, 'nudge-hr-en');
    assert.deepEqual([...errors, ...hr.errors], []);
    await Promise.all([page.close(), hr.page.close()]);
  });
});
