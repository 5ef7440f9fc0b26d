// What `npm run bench` measures on one page of one subject, in Chromium driven through
// playwright-core and the DevTools protocol. Times come from the page's own clock (bench/probe.js);
// the main-thread cost and the memory figures come from the protocol.
import { readFileSync } from 'node:fs';

const probe = readFileSync(new URL('./probe.js', import.meta.url), 'utf8');

/** A fresh page (its own browser context: no cache, no storage) showing `subject`, with the CPU slowed down. */
export async function openSubject(browser, origin, subject, { cpuSlowdown }) {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  await cdp.send('Performance.enable');
  await page.addInitScript({ content: `window.benchSubject = ${JSON.stringify(subject.paths)};\n${probe}` });
  await page.goto(`${origin}/${subject.name}`);
  const renderedMs = await page.evaluate(() => window.bench.rendered);
  return { page, cdp, renderedMs, close: () => page.context().close() };
}

/** Seconds the renderer's main thread has spent running tasks since the page started. */
async function mainThreadSeconds(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'TaskDuration').value;
}

/**
 * Waits until the page does nothing: two windows of 150 ms in a row with less than 2 ms of
 * main-thread work (at most 5 s). Every measure starts from a quiet page, the widget's idle fetch
 * of its later parts and the dialog's animations done.
 */
export async function quiet(cdp) {
  const deadline = Date.now() + 5000;
  let calm = 0;
  let last = await mainThreadSeconds(cdp);
  while (calm < 2 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    const now = await mainThreadSeconds(cdp);
    calm = now - last < 0.002 ? calm + 1 : 0;
    last = now;
  }
}

/**
 * A real click on the button (mouse events through the protocol, so trusted ones). The pointer is
 * moved onto the button first and the page left to settle: what hovering prepares is not the
 * click's cost. Returns
 * - paintedMs: the click's timeStamp → the dialog open with its content rendered, painted;
 * - costMs: the main thread's task time (script, microtasks, style, layout, paint) from just
 *   before the mouse button goes down until that paint: the protocol's TaskDuration, which counts
 *   the throttled time as the page lives it. The same window for both subjects.
 */
export async function clickOpen(page, cdp) {
  const { x, y } = await page.evaluate(() => window.bench.buttonCenter());
  await page.mouse.move(x, y);
  await quiet(cdp);
  await page.evaluate(() => window.bench.armOpen());
  const before = await mainThreadSeconds(cdp);
  await page.mouse.down();
  await page.mouse.up();
  const paintedMs = await page.evaluate(() => window.bench.opened);
  const costMs = ((await mainThreadSeconds(cdp)) - before) * 1000;
  return { paintedMs, costMs };
}

/** Escape in the open dialog: its keydown's timeStamp → the dialog closed, painted. */
export async function escapeClose(page, cdp) {
  await quiet(cdp);
  await page.evaluate(() => window.bench.armClose());
  await page.keyboard.press('Escape');
  return page.evaluate(() => window.bench.closed);
}

/** Opens and cancels in the page (clicks on the button and on Cancel, each step painted). */
export function cycles(page, times) {
  return page.evaluate((times) => window.bench.cycles(times), times);
}

/** DOM nodes (Chromium's counter) and used JS heap in KB, after a forced garbage collection. */
export async function memory(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { nodes } = await cdp.send('Memory.getDOMCounters');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return { nodes, heapKB: usedSize / 1024 };
}
