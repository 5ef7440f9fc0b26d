// The demo app on a fresh SQLite file and a free port, and Chromium, for end-to-end tests.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { createDemoApp, DEMO_HR_TOKEN } from '../../examples/demo/app.js';
import { collectErrors, launchChromium } from '../support/browser.js';

export const ARTIFACTS = join('test-artifacts', 'e2e');

/** `configure` adds hooks or routes of a test's own (the CSP test sends its policy headers). */
export async function startDemo(options: { configure?: (app: FastifyInstance) => void } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'aie-e2e-'));
  // An outage of the candidate API, beacons included (a browser's "offline" would stop page loads too).
  let backendDown = false;
  const app = await createDemoApp({
    dbPath: join(dir, 'demo.sqlite'),
    console: false,
    configure: (server) => {
      server.addHook('onRequest', async (request, reply) => {
        if (backendDown && request.url.startsWith('/v1/') && !request.url.startsWith('/v1/hr')) {
          return reply.code(503).send({ error: { code: 'unavailable', message: 'outage (test)' } });
        }
      });
      options.configure?.(server);
    },
  });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    base,
    browser,
    setBackendDown(down: boolean) {
      backendDown = down;
    },
    /** Exits the server holds for an interview, straight from the HR API. */
    async exitsOf(interviewId: string) {
      const response = await fetch(`${base}/v1/hr/exits`, { headers: { authorization: `Bearer ${DEMO_HR_TOKEN}` } });
      const { exits } = (await response.json()) as { exits: { interviewId: string; idempotencyKey: string }[] };
      return exits.filter((e) => e.interviewId === interviewId);
    },
    async close() {
      await browser.close();
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type Demo = Awaited<ReturnType<typeof startDemo>>;

/** A page with its console errors collected, at `path`, once its script says it is ready. */
export async function open(browser: Browser, url: string, viewport = { width: 1280, height: 860 }): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  const errors = collectErrors(page);
  // Every aie-error the page hears, from its first script on (reloads included): a vendor's false alarms show here.
  await page.addInitScript(() => {
    const heard: string[] = [];
    Object.assign(window, { aieErrors: heard });
    document.addEventListener('aie-error', (event) => heard.push(event.detail.code));
  });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  return { page, errors };
}

export const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

export const interviewIdOf = (page: Page) => page.evaluate(() => document.querySelector('ai-interview-exit')!.getAttribute('interview-id')!);

/** The `aie-error` codes the page heard since it was last loaded. */
export const aieErrorsOf = (page: Page) => page.evaluate(() => (window as unknown as { aieErrors: string[] }).aieErrors);
