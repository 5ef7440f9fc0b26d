// npm run bench: the shipped widget (dist/widget.min.js, no adapter, the default policy) against
// the floor (bench/floor.ts: a Lit button and a native <dialog>), built in this run and measured
// side by side in Chromium with the CPU slowed down 4×. Prints figures, asserts nothing.
//   BENCH_RUNS=15        fresh pages per subject (each gives a first and a later open); at least 15
//   BENCH_LIGHTHOUSE=0   skip Lighthouse at the end
// Pages alternate between the subjects (and which one goes first), so drift hits both.
import { createReadStream, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildSubjects } from '../bench/build.mjs';
import { clickOpen, cycles, escapeClose, memory, openSubject, quiet } from '../bench/measure.mjs';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const CPU_SLOWDOWN = 4;
/** Open-cancel cycles on a page before its "later" open is measured. */
const WARM_UP = 5;
const MEMORY_AT = [0, 20, 120, 220, 320];

const started = Date.now();
const log = (...args) => console.log(...args);

log('bench: building the widget and the floor');
const builds = await buildSubjects();
const subjects = [
  {
    name: 'widget',
    tag: '<ai-interview-exit interview-id="bench-1" candidate-ref="c-1" job-type="frontline"></ai-interview-exit>',
    paths: {
      button: ['ai-interview-exit', 'aie-exit-button', '[part=button]'],
      dialog: ['ai-interview-exit', 'aie-exit-dialog', 'dialog'],
      cancel: ['ai-interview-exit', 'aie-exit-dialog', '[part=cancel-button]'],
    },
  },
  {
    name: 'floor',
    tag: '<bench-floor></bench-floor>',
    paths: {
      button: ['bench-floor', '[part=button]'],
      dialog: ['bench-floor', 'dialog'],
      cancel: ['bench-floor', '[part=cancel-button]'],
    },
  },
].map((subject) => ({ ...subject, ...builds[subject.name] }));

// A real HTTP server on loopback rather than the page's request routing, which would add a trip
// through the test process to every file's time.
const server = createServer((request, response) => {
  const path = new URL(request.url, 'http://x').pathname;
  const subject = subjects.find((s) => path === `/${s.name}`);
  if (subject) {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    return response.end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${subject.name}</title></head>` +
        `<body>${subject.tag}<script type="module" src="/${subject.name}/${subject.script}"></script></body></html>`,
    );
  }
  const owner = subjects.find((s) => path.startsWith(`/${s.name}/`));
  const file = owner && path.slice(owner.name.length + 2);
  const notFound = () => {
    log(`bench: the page asked for ${path}, which is not here`);
    response.writeHead(404).end();
  };
  if (!file || file.includes('..') || !file.endsWith('.js')) return notFound();
  createReadStream(join(owner.dir, file))
    .on('error', notFound)
    .once('open', () => response.writeHead(200, { 'content-type': 'text/javascript' }))
    .pipe(response);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
const samples = Object.fromEntries(subjects.map((s) => [s.name, { renderedMs: [], firstOpen: [], laterOpen: [], firstCost: [], laterCost: [], firstCpu: [], laterCpu: [], closeMs: [] }]));
try {
  log(`bench: ${RUNS} fresh pages per subject, CPU ${CPU_SLOWDOWN}× slower`);
  for (let run = 0; run < RUNS; run++) {
    const order = run % 2 ? [...subjects].reverse() : subjects;
    for (const subject of order) {
      const s = samples[subject.name];
      const { page, renderedMs, close } = await openSubject(browser, origin, subject, { cpuSlowdown: CPU_SLOWDOWN });
      s.renderedMs.push(renderedMs);
      const first = await clickOpen(browser, page);
      s.firstOpen.push(first.paintedMs);
      s.firstCost.push(first.costMs);
      s.firstCpu.push(first.cpuMs);
      s.closeMs.push(await escapeClose(page));
      await cycles(page, WARM_UP);
      const later = await clickOpen(browser, page);
      s.laterOpen.push(later.paintedMs);
      s.laterCost.push(later.costMs);
      s.laterCpu.push(later.cpuMs);
      s.closeMs.push(await escapeClose(page));
      await close();
    }
    process.stdout.write(`\r  run ${run + 1}/${RUNS} (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  process.stdout.write('\n');

  // Counts do not depend on the CPU's speed: these pages run unthrottled, to save time.
  log(`bench: DOM nodes and heap across ${MEMORY_AT.at(-1)} open-cancel cycles in the page`);
  for (const subject of subjects) {
    const { page, cdp, close } = await openSubject(browser, origin, subject, { cpuSlowdown: 1 });
    await quiet(page);
    const at = [];
    let done = 0;
    for (const cycle of MEMORY_AT) {
      await cycles(page, cycle - done);
      done = cycle;
      at.push({ cycle, ...(await memory(cdp, { split: cycle === MEMORY_AT[1] || cycle === MEMORY_AT.at(-1) })) });
    }
    samples[subject.name].memory = at;
    await close();
  }
} finally {
  await browser.close();
  server.close();
}

const results = summarize();
printTable(results);
// Other work on the machine stretches every time (the CPU-time row less): say so beside the figures.
const [load] = loadavg();
const cores = availableParallelism();
if (load > cores) log(`bench: the machine was busy (load average ${load.toFixed(1)} on ${cores} cores): times are inflated, compare the ratios\n`);
const meta = { date: new Date().toISOString(), runs: RUNS, cpuSlowdown: CPU_SLOWDOWN, chromium: browser.version(), loadAverage: load, cores };
writeFileSync('bench/results.json', `${JSON.stringify({ ...meta, results, samples }, null, 2)}\n`);
log(`bench: figures in bench/results.json; ${Math.round((Date.now() - started) / 1000)} s`);

if (process.env.BENCH_LIGHTHOUSE !== '0') {
  try {
    const { runLighthouse } = await import('./lighthouse.mjs');
    await runLighthouse({ log });
  } catch (error) {
    // Only a missing scripts/lighthouse.mjs is skipped; anything else it throws is a failure.
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('lighthouse.mjs')) throw error;
    log('bench: no scripts/lighthouse.mjs, Lighthouse skipped');
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function summarize() {
  return Object.fromEntries(
    subjects.map(({ name, firstScript, withParts }) => {
      const s = samples[name];
      const heap = s.memory.map((m) => m.heapKB);
      // Growth per 100 cycles over each hundred after the first 20 (20→120, 120→220, 220→320).
      const heapPer100 = heap.slice(2).map((kb, i) => kb - heap[i + 1]);
      // The same span split into objects and compiled code (snapshots at its two ends).
      const [from, to] = [s.memory[1], s.memory.at(-1)];
      const per100 = (key) => Math.round(((to[key] - from[key]) * 100) / (to.cycle - from.cycle));
      return [
        name,
        {
          firstScript,
          withParts,
          renderedMs: median(s.renderedMs),
          firstOpenMs: median(s.firstOpen),
          laterOpenMs: median(s.laterOpen),
          firstCostMs: median(s.firstCost),
          laterCostMs: median(s.laterCost),
          firstCpuMs: median(s.firstCpu),
          laterCpuMs: median(s.laterCpu),
          closeMs: median(s.closeMs),
          domNodes: s.memory.map((m) => m.nodes),
          heapKB: heap.map(Math.round),
          heapGrowthPer100KB: heapPer100.map(Math.round),
          objectsGrowthPer100KB: per100('objectsKB'),
          codeGrowthPer100KB: per100('codeKB'),
        },
      ];
    }),
  );
}

function printTable({ widget, floor }) {
  const ms = (v) => `${Math.round(v)} ms`;
  const ratio = (a, b) => (b ? (a / b).toFixed(2) : '-');
  const kb = (bytes) => (bytes / 1024).toFixed(1);
  const bytes = (b) => `${kb(b.minBytes)} / ${kb(b.gzipBytes)} KB`;
  const spread = (values) => `${Math.min(...values)} to ${Math.max(...values)} KB`;
  const flat = (nodes) => {
    const level = nodes[1];
    const drift = Math.max(...nodes.slice(2).map((n) => Math.abs(n - level)));
    return drift <= 5 ? 'flat' : `+${((nodes.at(-1) - level) / (MEMORY_AT.at(-1) - MEMORY_AT[1])).toFixed(1)} per cycle`;
  };
  const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;
  const rows = [
    ['first script, min / gzip', bytes(widget.firstScript), bytes(floor.firstScript), `${ratio(widget.firstScript.minBytes, floor.firstScript.minBytes)} / ${ratio(widget.firstScript.gzipBytes, floor.firstScript.gzipBytes)}`],
    ['with its later parts, min / gzip', bytes(widget.withParts), bytes(floor.withParts), `${ratio(widget.withParts.minBytes, floor.withParts.minBytes)} / ${ratio(widget.withParts.gzipBytes, floor.withParts.gzipBytes)}`],
    ['load → button rendered', ms(widget.renderedMs), ms(floor.renderedMs), ratio(widget.renderedMs, floor.renderedMs)],
    ['click → dialog painted, first open', ms(widget.firstOpenMs), ms(floor.firstOpenMs), ratio(widget.firstOpenMs, floor.firstOpenMs)],
    ['click → dialog painted, later opens', ms(widget.laterOpenMs), ms(floor.laterOpenMs), ratio(widget.laterOpenMs, floor.laterOpenMs)],
    [
      'main-thread cost of the click, first / later',
      `${Math.round(widget.firstCostMs)} / ${ms(widget.laterCostMs)}`,
      `${Math.round(floor.firstCostMs)} / ${ms(floor.laterCostMs)}`,
      `${ratio(widget.firstCostMs, floor.firstCostMs)} / ${ratio(widget.laterCostMs, floor.laterCostMs)}`,
    ],
    [
      '… of which CPU time, first / later',
      `${Math.round(widget.firstCpuMs)} / ${ms(widget.laterCpuMs)}`,
      `${Math.round(floor.firstCpuMs)} / ${ms(floor.laterCpuMs)}`,
      `${ratio(widget.firstCpuMs, floor.firstCpuMs)} / ${ratio(widget.laterCpuMs, floor.laterCpuMs)}`,
    ],
    ['close (Escape → closed, painted)', ms(widget.closeMs), ms(floor.closeMs), ratio(widget.closeMs, floor.closeMs)],
    [`DOM nodes after ${MEMORY_AT.join(' / ')} open-cancel cycles (in page)`, widget.domNodes.join(' / '), floor.domNodes.join(' / '), `${flat(widget.domNodes)} / ${flat(floor.domNodes)}`],
    [`JS heap after ${MEMORY_AT.join(' / ')} cycles (KB)`, widget.heapKB.join(' / '), floor.heapKB.join(' / '), ratio(widget.heapKB.at(-1), floor.heapKB.at(-1))],
    ['JS heap growth per 100 cycles', spread(widget.heapGrowthPer100KB), spread(floor.heapGrowthPer100KB), ratio(mean(widget.heapGrowthPer100KB), mean(floor.heapGrowthPer100KB))],
    [
      `… of which objects / compiled code (${MEMORY_AT[1]} → ${MEMORY_AT.at(-1)})`,
      `${widget.objectsGrowthPer100KB} / ${widget.codeGrowthPer100KB} KB`,
      `${floor.objectsGrowthPer100KB} / ${floor.codeGrowthPer100KB} KB`,
      `${ratio(widget.objectsGrowthPer100KB, floor.objectsGrowthPer100KB)} / ${ratio(widget.codeGrowthPer100KB, floor.codeGrowthPer100KB)}`,
    ],
  ];
  log(`\nMedians of ${RUNS} fresh pages and ${RUNS} later opens, Chromium ${browser.version()}, CPU ${CPU_SLOWDOWN}× slower:\n`);
  log('| | widget | Lit floor | widget ÷ floor |');
  log('|---|---:|---:|---:|');
  for (const row of rows) log(`| ${row.join(' | ')} |`);
  log('');
}
