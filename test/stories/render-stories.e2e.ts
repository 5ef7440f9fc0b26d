// Every story in the built Storybook, rendered in Chromium: no console error, no axe violation.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import fastifyStatic from '@fastify/static';
import fastify from 'fastify';
import { axeViolations, collectErrors, launchChromium } from '../support/browser.js';

const index = JSON.parse(readFileSync('storybook-static/index.json', 'utf8')) as { entries: Record<string, { id: string; type: string; title: string; name: string }> };
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');

/** Storybook's id of a part: lower case, anything but letters and digits as one dash. */
const idPart = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
/** An export's words, as Storybook reads them: `PolicyHrReview` is "Policy Hr Review", `ConfirmAt50` "Confirm At 50". */
const words = (name: string) => name.replace(/([a-z])([A-Z0-9])/g, '$1 $2').replace(/([0-9])([A-Za-z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');

/** The story ids the story files declare: their title, and each named export. */
function declaredStoryIds(folder = 'stories'): string[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.stories.ts'))
    .flatMap((name) => {
      const source = readFileSync(join(folder, name), 'utf8');
      const title = /^\s+title: '([^']+)'/m.exec(source)?.[1];
      assert.ok(title, `${name} has a title`);
      return [...source.matchAll(/^export const (\w+)/gm)].map(([, story]) => `${idPart(title)}--${idPart(words(story!))}`);
    });
}

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

  it('the built Storybook has exactly the stories the story files declare', () => {
    assert.deepEqual(stories.map((story) => story.id).sort(), declaredStoryIds().sort());
  });

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
