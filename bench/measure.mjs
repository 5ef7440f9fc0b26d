// What `npm run bench` measures on one page of one subject, in Chromium driven through
// playwright-core and the DevTools protocol. Times come from the page's own clock (bench/probe.js);
// the main-thread cost comes from a trace, the memory figures from the protocol.
import { readFileSync } from 'node:fs';

const probe = readFileSync(new URL('./probe.js', import.meta.url), 'utf8');

/** A fresh page (its own browser context: no cache, no storage) showing `subject`, with the CPU slowed down. */
export async function openSubject(browser, origin, subject, { cpuSlowdown }) {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  await page.addInitScript({ content: `window.benchSubject = ${JSON.stringify(subject.paths)};\n${probe}` });
  await page.goto(`${origin}/${subject.name}`);
  const renderedMs = await page.evaluate(() => window.bench.rendered);
  return { page, cdp, renderedMs, close: () => page.context().close() };
}

/** Waits until the page does nothing (see `idle` in probe.js): every measure starts from a quiet page. */
export function quiet(page) {
  return page.evaluate(() => window.bench.idle());
}

/**
 * A real click on the button (mouse events through the protocol, so trusted ones). The pointer is
 * moved onto the button first and the page left to settle: what hovering prepares is not the
 * click's cost. Returns
 * - paintedMs: the click's timeStamp → the dialog open with its content rendered, painted;
 * - costMs: the main thread's busy time from the start of the task that dispatches the click to
 *   that paint (read from a trace): script, microtasks, style, layout, paint, whatever runs then.
 * The trace records during both figures, for both subjects alike.
 */
export async function clickOpen(browser, page) {
  const { x, y } = await page.evaluate(() => window.bench.buttonCenter());
  await page.mouse.move(x, y);
  await quiet(page);
  await page.evaluate(() => window.bench.armOpen());
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'blink.user_timing'] });
  await page.mouse.down();
  await page.mouse.up();
  const paintedMs = await page.evaluate(() => window.bench.opened);
  const trace = JSON.parse((await browser.stopTracing()).toString());
  return { paintedMs, ...clickCost(trace.traceEvents) };
}

/**
 * The wall time (throttled, as the page lives it) the renderer's main thread spends in tasks
 * between the start of the task that dispatched the click and the `bench:click-painted` mark,
 * overlapping tasks counted once (costMs); and the thread's CPU time in them (cpuMs), which the
 * throttling and a busy machine inflate less: a steadier figure for comparing two builds.
 */
function clickCost(events) {
  const click = events.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click');
  const mark = click && events.find((e) => e.name === 'bench:click-painted' && e.pid === click.pid);
  if (!mark) throw new Error('the trace has no click or no paint mark');
  const tasks = events
    .filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ph === 'X' && e.pid === click.pid && e.tid === click.tid)
    .map((e) => [e.ts, e.ts + e.dur, e.tdur])
    .sort((a, b) => a[0] - b[0]);
  const clickTask = tasks.find(([start, end]) => start <= click.ts && click.ts <= end);
  const from = clickTask ? clickTask[0] : click.ts;
  let busy = 0;
  let cpu = 0;
  let reached = from;
  for (const [start, end, threadDuration] of tasks) {
    const a = Math.max(start, reached);
    const b = Math.min(end, mark.ts);
    if (b > a) {
      busy += b - a;
      cpu += (threadDuration ?? 0) * ((b - a) / (end - start));
    }
    reached = Math.max(reached, Math.min(end, mark.ts));
  }
  return { costMs: busy / 1000, cpuMs: cpu / 1000 };
}

/** Escape in the open dialog: its keydown's timeStamp → the dialog closed, painted. */
export async function escapeClose(page) {
  await quiet(page);
  await page.evaluate(() => window.bench.armClose());
  await page.keyboard.press('Escape');
  return page.evaluate(() => window.bench.closed);
}

/** Opens and cancels in the page (clicks on the button and on Cancel, each step painted). */
export function cycles(page, times) {
  return page.evaluate((times) => window.bench.cycles(times), times);
}

/**
 * DOM nodes (Chromium's counter) and used JS heap in KB, after a forced garbage collection; with
 * `split`, also how much of the heap is compiled code (read from a heap snapshot): V8 keeps
 * compiling hot functions for hundreds of cycles, which grows the heap without any object being
 * kept alive, so a leak shows in the rest (`objectsKB`), not in the code.
 */
export async function memory(cdp, { split = false } = {}) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { nodes } = await cdp.send('Memory.getDOMCounters');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return { nodes, heapKB: usedSize / 1024, ...(split ? await heapSplit(cdp) : {}) };
}

/** The snapshot's self sizes summed into compiled code (V8's `code` nodes) and everything else, in KB. */
async function heapSplit(cdp) {
  const chunks = [];
  const collect = ({ chunk }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', collect);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', collect);
  }
  const { snapshot, nodes } = JSON.parse(chunks.join(''));
  const fields = snapshot.meta.node_fields;
  const codeType = snapshot.meta.node_types[0].indexOf('code');
  const [type, size] = [fields.indexOf('type'), fields.indexOf('self_size')];
  let code = 0;
  let objects = 0;
  for (let i = 0; i < nodes.length; i += fields.length) {
    if (nodes[i + type] === codeType) code += nodes[i + size];
    else objects += nodes[i + size];
  }
  return { codeKB: code / 1024, objectsKB: objects / 1024 };
}
