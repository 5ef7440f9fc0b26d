// playwright-core driving Debian's Chromium, for story, e2e and screenshot tests.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
}

/**
 * Open `html` at a made-up origin whose other paths are the files of `dist/` (the widget's first
 * script and the later parts it fetches), served by the page's own routing: no server to start.
 */
export async function openWithDist(page: Page, html: string): Promise<void> {
  const origin = 'http://widget.test';
  await page.route(`${origin}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    return path === '/' ? route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }) : route.fulfill({ path: join('dist', path) });
  });
  await page.goto(`${origin}/`);
}

/** Console errors and uncaught exceptions a page produced, collected from now on. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core violations inside `selector`, for the WCAG 2.2 AA tags and best practice. */
export async function axeViolations(page: Page, selector = 'body'): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(
    async ({ selector, tags }) => {
      const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
      const result = await axe.run(document.querySelector(selector) ?? document, { runOnly: { type: 'tag', values: tags } });
      return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map((n) => ({ target: n.target })) }));
    },
    { selector, tags: AXE_TAGS },
  );
}
