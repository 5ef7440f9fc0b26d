// The widget's later parts (the one-time code step, the help offer, the tooltip's positioning):
// fetched once the page is idle, so that a candidate who loses the network afterwards still has
// every step; and when they cannot be fetched at all, the exit still ends recorded.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { interviewIdOf, open, shot, startDemo, type Demo } from './demo-harness.js';

let demo: Demo;
before(async () => {
  demo = await startDemo();
});
after(() => demo?.close());

/** Every script the page asks for from now on, by path. */
function scriptsAsked(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') asked.push(new URL(request.url()).pathname);
  });
  return asked;
}

describe('the later parts of the widget', () => {
  it('are fetched when the page is idle; with the SDK files cut off after that, an executive still exits with a one-time code', async () => {
    const { page, errors } = await open(demo.browser, `${demo.base}/candidate?job=executive&lang=en`);
    await page.waitForFunction(() => customElements.get('aie-verify-code') && customElements.get('aie-help-offer'));
    const asked = scriptsAsked(page);
    await page.route('**/sdk/**', (route) => route.abort('internetdisconnected'));

    await page.getByRole('button', { name: 'Exit interview', exact: true }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Confirm exit' }).click();
    const message = await page.locator('#phone li').filter({ hasText: /\b\d{6}\b/ }).first().innerText();
    await dialog.getByRole('textbox', { name: 'Verification code' }).fill(message.match(/\b(\d{6})\b/)![1]!);
    await dialog.getByRole('button', { name: 'Verify and exit' }).click();
    await page.getByText(/Submitted\. Receipt number: /).first().waitFor();

    const exits = await demo.exitsOf(await interviewIdOf(page));
    assert.equal(exits.length, 1);
    assert.deepEqual(asked, [], 'no script was fetched after the idle fetch');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('cannot be fetched: the code step says so, and the exit is recorded unverified for HR to review', async () => {
    const page = await demo.browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.route('**/sdk/widget-parts/**', (route) => route.abort('internetdisconnected'));
    await page.goto(`${demo.base}/candidate?job=executive&lang=en`);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });

    await page.getByRole('button', { name: 'Exit interview', exact: true }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Confirm exit' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'The code step could not be loaded' }).waitFor();
    await shot(page, 'code-step-missing');
    await dialog.getByRole('button', { name: 'Exit without the code (HR will review)' }).click();
    await page.getByText(/Submitted\. Receipt number: /).first().waitFor();

    const exits = (await demo.exitsOf(await interviewIdOf(page))) as unknown as { verification: string; review: string }[];
    assert.equal(exits.length, 1);
    assert.equal(exits[0]!.verification, 'unverified');
    assert.equal(exits[0]!.review, 'pending');
    await page.close();
  });
});
