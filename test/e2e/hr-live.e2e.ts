// HR acts on exits, as the demo shows it (issue 11): the front-line rate crosses its 30 % line
// live and HR is told once, in the page's language; opening the candidate page starts nothing;
// at 1600×1000 the feed, the banner and the newest row are in view. Screenshots in test-artifacts/e2e/.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { HrExitsResponse } from '@ai-interview-exit/core/insights';
import { DEMO_HR_TOKEN } from '../../examples/demo/app.js';
import { open, shot, startDemo, type Demo } from './demo-harness.js';

const frontline = async (demo: Demo) => {
  const response = await fetch(`${demo.base}/v1/hr/exits`, { headers: { authorization: `Bearer ${DEMO_HR_TOKEN}` } });
  return ((await response.json()) as HrExitsResponse).insights.byRole.find((r) => r.key === 'frontline')!;
};

const inView = async (locator: import('playwright-core').Locator, height: number) => {
  const box = (await locator.boundingBox())!;
  return box.y >= 0 && box.y + box.height <= height;
};

describe('HR acts on exits in the demo (issue 11)', () => {
  let demo: Demo;
  before(async () => {
    demo = await startDemo();
  });
  after(() => demo?.close());

  it('opening the candidate page is not a started interview; the first answer is', async () => {
    const before = await frontline(demo);
    const { page, errors } = await open(demo.browser, `${demo.base}/candidate?job=frontline&lang=en`);
    await page.waitForTimeout(500);
    assert.equal((await frontline(demo)).started, before.started, 'opened, nothing answered');
    await page.getByRole('button', { name: 'Next question' }).click();
    const deadline = Date.now() + 5000;
    while ((await frontline(demo)).started === before.started && Date.now() < deadline) await page.waitForTimeout(100);
    assert.equal((await frontline(demo)).started, before.started + 1, 'one answer: begun');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('in English at 1600×1000: an exit crosses the front-line line, HR is told once, and sees feed, banner and row without scrolling', async () => {
    const viewport = { width: 1600, height: 1000 };
    const { page, errors } = await open(demo.browser, `${demo.base}/demo?lang=en`, viewport);
    const candidate = page.frameLocator('#candidate');
    const hr = page.frameLocator('#hr');
    await hr.getByRole('table').first().waitFor();
    assert.equal(await hr.locator('[part=alert]').count(), 0, 'just under the line');
    await candidate.getByRole('button', { name: 'Next question' }).click();
    await candidate.getByRole('button', { name: 'Exit interview', exact: true }).first().click();
    const dialog = candidate.getByRole('dialog');
    await dialog.getByRole('radio', { name: /An emergency/ }).check();
    await dialog.getByRole('button', { name: 'Confirm exit' }).click();

    const alertLine = hr.locator('#feed li.alert');
    await alertLine.waitFor({ timeout: 3000 });
    assert.match(await alertLine.innerText(), /Alert: the exit rate for Front-line is \d+%, above the 30% line/);
    const exitLine = hr.locator('#feed li').filter({ hasText: /exited the interview\. Reason: An emergency/ });
    await exitLine.first().waitFor();
    const banner = hr.locator('aie-exit-report').locator('[part=alert]');
    await banner.waitFor();
    assert.match(await banner.innerText(), /Front-line/);
    const newest = hr.getByRole('row').filter({ hasText: 'An emergency' }).first();
    await newest.waitFor();
    for (const [name, locator] of [['alert line', alertLine], ['banner', banner], ['newest row', newest]] as const) {
      assert.ok(await inView(locator, viewport.height), `${name} in view without scrolling`);
    }
    assert.doesNotMatch(await hr.locator('#feed').innerText(), /[候选人已退出]/, 'no Chinese line in the English feed');
    await shot(page, 'hr-live-en');

    // A second front-line exit while above the line: no second alert.
    const again = await open(demo.browser, `${demo.base}/candidate?job=frontline&lang=en`);
    await again.page.getByRole('button', { name: 'Exit interview', exact: true }).first().click();
    await again.page.getByRole('dialog').getByRole('button', { name: 'Confirm exit' }).click();
    await hr.locator('#feed li').nth(2).waitFor({ timeout: 3000 });
    await page.waitForTimeout(500);
    assert.equal(await hr.locator('#feed li.alert').count(), 1, 'once per crossing');
    assert.deepEqual([...errors, ...again.errors], []);
    await Promise.all([page.close(), again.page.close()]);
  });

  it('in Chinese at 1600×1000: the feed, the banner and the newest row are in view', async () => {
    const viewport = { width: 1600, height: 1000 };
    const { page, errors } = await open(demo.browser, `${demo.base}/demo`, viewport);
    const hr = page.frameLocator('#hr');
    await hr.getByRole('table').first().waitFor();
    const candidate = page.frameLocator('#candidate');
    await candidate.getByRole('button', { name: '退出面试', exact: true }).first().click();
    await candidate.getByRole('dialog').getByRole('button', { name: '确认退出' }).click();
    const line = hr.locator('#feed li').filter({ hasText: /候选人.+已退出面试，原因：/ }).first();
    await line.waitFor({ timeout: 3000 });
    const banner = hr.locator('aie-exit-report').locator('[part=alert]');
    assert.match(await banner.innerText(), /一线岗位/);
    const firstRow = hr.locator('aie-exit-report').locator('table[part=table] tbody tr').first();
    for (const [name, locator] of [['feed line', line], ['banner', banner], ['newest row', firstRow]] as const) {
      assert.ok(await inView(locator, viewport.height), `${name} in view without scrolling`);
    }
    await shot(page, 'hr-live-zh');
    assert.deepEqual(errors, []);
    await page.close();
  });
});
