// Every story in the built Storybook, rendered in Chromium: no console error, no axe violation.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import fastifyStatic from '@fastify/static';
import fastify from 'fastify';
import { axeViolations, collectErrors, launchChromium } from '../support/browser.js';

const index = JSON.parse(readFileSync('storybook-static/index.json', 'utf8')) as { entries: Record<string, { id: string; type: string; title: string; name: string }> };
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');

// Four pages at a time: each story waits mostly on the network and the renderer, not the CPU.
describe('every story renders cleanly', { concurrency: 4 }, () => {
  let browser: Browser;
  let base: string;
  // The built Storybook, served as the demo serves it.
  const files = fastify().register(fastifyStatic, { root: resolve('storybook-static') });

  before(async () => {
    base = await files.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await files.close();
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
