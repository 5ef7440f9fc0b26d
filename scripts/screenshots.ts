// npm run screenshots: the README's quick tour, taken from the running demo (a fresh database).
// Writes docs/screenshots/*.png.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { open, startDemo } from '../test/e2e/demo-harness.js';

const out = 'docs/screenshots';
const demo = await startDemo();
const save = (page: Page, name: string) => page.screenshot({ path: join(out, `${name}.png`) });

try {
  const candidate = await open(demo.browser, `${demo.base}/candidate?job=frontline`, { width: 1200, height: 760 });
  await candidate.page.getByRole('button', { name: '下一题' }).click();
  await candidate.page.waitForTimeout(300);
  await save(candidate.page, 'candidate-interview');
  await candidate.page.getByRole('button', { name: '退出面试', exact: true }).first().hover();
  await candidate.page.waitForTimeout(300);
  await save(candidate.page, 'candidate-tooltip');
  await candidate.page.getByRole('button', { name: '退出面试', exact: true }).first().click();
  const dialog = candidate.page.getByRole('dialog');
  await dialog.getByRole('radio', { name: /对岗位不感兴趣/ }).check();
  await candidate.page.waitForTimeout(300);
  await save(candidate.page, 'candidate-confirm');
  await dialog.getByRole('button', { name: '确认退出' }).click();
  await candidate.page.getByText(/回执编号/).first().waitFor();
  await save(candidate.page, 'candidate-success');

  const executive = await open(demo.browser, `${demo.base}/candidate?job=executive&lang=en`, { width: 1200, height: 760 });
  await executive.page.getByRole('button', { name: 'Exit interview', exact: true }).first().click();
  await executive.page.getByRole('dialog').getByRole('button', { name: 'Confirm exit' }).click();
  await executive.page.locator('#phone li').first().waitFor();
  await executive.page.waitForTimeout(300);
  await save(executive.page, 'executive-code-en');

  const hr = await open(demo.browser, `${demo.base}/hr`, { width: 1200, height: 1300 });
  await hr.page.getByRole('table').first().waitFor();
  await save(hr.page, 'hr-report');

  // the article's four steps, played in the side-by-side page
  const side = await open(demo.browser, `${demo.base}/demo?lang=en`, { width: 1440, height: 900 });
  const frame = side.page.frameLocator('#candidate');
  await frame.getByRole('button', { name: 'Next question' }).click();
  await frame.getByRole('button', { name: 'Exit interview', exact: true }).first().click();
  await frame.getByRole('radio', { name: /emergency/ }).check();
  await frame.getByRole('button', { name: 'Confirm exit' }).click();
  await side.page.frameLocator('#hr').getByText(/emergency/).first().waitFor();
  await side.page.waitForTimeout(500);
  await save(side.page, 'side-by-side-en');
  console.log(`screenshots written to ${out}/`);
} finally {
  await demo.close();
}
