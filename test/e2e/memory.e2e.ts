// As light as a bare dialog: the shipped widget (dist/widget.min.js, no adapter, default policy)
// opened and cancelled 200 times in the page keeps no removed view alive. Counts, not times:
// Chromium's DOM node counter after a forced GC (through the DevTools protocol), and the store's
// live subscriptions. Heap figures are printed, not asserted.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { collectErrors, launchChromium, openWithDist } from '../support/browser.js';

const CYCLES = 200;
/** A count, not a time: the level after the first cycles may move by a few nodes, not by one view per cycle. */
const SLACK = 5;

let browser: Browser;
before(async () => {
  browser = await launchChromium();
});
after(() => browser?.close());

interface Widget extends HTMLElement {
  store: { subscribe: (listener: () => void) => () => void };
  open(source: string): void;
  updateComplete: Promise<unknown>;
}

/**
 * The widget alone on a page. Its store's `subscribe` is wrapped to count the subscriptions taken
 * from now on and not yet given back (the steps inside the dialog subscribe as they appear).
 */
async function widgetPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors = collectErrors(page);
  await openWithDist(
    page,
    '<!doctype html><html lang="en"><body><ai-interview-exit interview-id="memory-1" candidate-ref="c-1" job-type="frontline"></ai-interview-exit><script type="module" src="/widget.min.js"></script></body></html>',
  );
  await page.evaluate(async () => {
    await customElements.whenDefined('ai-interview-exit');
    const widget = document.querySelector('ai-interview-exit') as Widget;
    await widget.updateComplete;
    const { store } = widget;
    const subscribe = store.subscribe;
    const live = new Set<object>();
    (window as unknown as { liveSubscriptions: () => number }).liveSubscriptions = () => live.size;
    store.subscribe = (listener) => {
      const unsubscribe = subscribe(listener);
      const token = {};
      live.add(token);
      return () => {
        live.delete(token);
        unsubscribe();
      };
    };
  });
  return { page, errors };
}

/** Open the dialog, wait for its confirm step (the reason form included) to render, press Cancel, wait for it to close. */
function openAndCancel(page: Page, times: number): Promise<void> {
  return page.evaluate(async (times) => {
    type Part = HTMLElement & { updateComplete: Promise<unknown> };
    const widget = document.querySelector('ai-interview-exit') as Widget;
    const dialog = widget.shadowRoot!.querySelector('aie-exit-dialog') as Part;
    // (no arrow functions in here: tsx would name them with a helper the page does not have)
    const native = dialog.shadowRoot!.querySelector('dialog')!;
    for (let i = 0; i < times; i++) {
      widget.open('api');
      await dialog.updateComplete;
      await (dialog.shadowRoot!.querySelector('aie-reason-form') as Part).updateComplete;
      if (!native.open) throw new Error(`cycle ${i}: the dialog did not open`);
      dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part=cancel-button]')!.click();
      await dialog.updateComplete;
      if (native.open) throw new Error(`cycle ${i}: the dialog did not close`);
    }
  }, times);
}

/** DOM nodes and used JS heap after a forced garbage collection. */
async function measure(cdp: CDPSession, page: Page) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { nodes } = await cdp.send('Memory.getDOMCounters');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const subscriptions = await page.evaluate(() => (window as unknown as { liveSubscriptions: () => number }).liveSubscriptions());
  return { nodes, heapKB: Math.round(usedSize / 1024), subscriptions };
}

describe('opening and cancelling the exit dialog', () => {
  it(`${CYCLES} times in the page leaves the DOM node count and the store's subscriptions where the first cycles left them`, async () => {
    const { page, errors } = await widgetPage();
    const cdp = await page.context().newCDPSession(page);
    const figures: Record<number, Awaited<ReturnType<typeof measure>>> = { 0: await measure(cdp, page) };
    let done = 0;
    for (const cycle of [20, 120, CYCLES]) {
      await openAndCancel(page, cycle - done);
      done = cycle;
      figures[cycle] = await measure(cdp, page);
    }
    console.log('after forced GC, by cycle:', JSON.stringify(figures));
    const level = figures[20]!;
    for (const cycle of [120, CYCLES]) {
      const { nodes, subscriptions } = figures[cycle]!;
      assert.ok(Math.abs(nodes - level.nodes) <= SLACK, `DOM nodes after ${cycle} cycles: ${nodes}, after 20: ${level.nodes}`);
      assert.equal(subscriptions, level.subscriptions, `live store subscriptions after ${cycle} cycles`);
    }
    // A widget the page moves gives its subscriptions back and takes them again: it still opens,
    // and holds its new count.
    await page.evaluate(() => document.body.appendChild(document.createElement('main')).append(document.querySelector('ai-interview-exit')!));
    await openAndCancel(page, 1);
    const moved = await measure(cdp, page);
    await openAndCancel(page, 20);
    assert.equal((await measure(cdp, page)).subscriptions, moved.subscriptions, 'live store subscriptions after a move');
    assert.deepEqual(errors, []);
    await page.close();
  });
});
