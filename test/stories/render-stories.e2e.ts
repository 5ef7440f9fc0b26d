// Every story in the built Storybook, rendered in Chromium: no console error, no axe violation.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { serveStatic } from '../../scripts/static-server.mjs';
import { axeViolations, collectErrors, launchChromium } from '../support/browser.js';

const index = JSON.parse(readFileSync('storybook-static/index.json', 'utf8')) as { entries: Record<string, { id: string; type: string; title: string; name: string }> };
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');

// Four pages at a time: each story waits mostly on the network and the renderer, not the CPU.
describe('every story renders cleanly', { concurrency: 4 }, () => {
  let browser: Browser;
  let base: string;
  let close: () => void;

  before(async () => {
    const { server, url } = await serveStatic('storybook-static');
    base = url;
    close = () => server.close();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    close?.();
  });

  it('there are stories to render', () => assert.ok(stories.length > 0));

  for (const story of stories) {
    it(`${story.title} / ${story.name}`, async () => {
      const page = await browser.newPage();
      const errors = collectErrors(page);
      await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story`, { waitUntil: 'networkidle' });
      await page.waitForSelector('#storybook-root > *', { state: 'attached' });
      const violations = await axeViolations(page, '#storybook-root');
      await page.close();
      assert.deepEqual(errors, [], 'console errors');
      assert.deepEqual(violations, [], 'axe violations');
    });
  }
});
