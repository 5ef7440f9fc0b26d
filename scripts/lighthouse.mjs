// Lighthouse (mobile emulation, its default simulated throttling) on the demo pages a user opens:
// performance, accessibility and best practices, with LCP, TBT, CLS and the bytes sent.
//   node scripts/lighthouse.mjs [--runs N] [--no-build] [--out dir]   (--out keeps every report's JSON)
// Starts the demo itself (a fresh SQLite file, a free port); `npm run bench` imports runLighthouse.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { runOrExit } from './run.mjs';

/** The pages measured, as the product's acceptance names them. */
export const LIGHTHOUSE_PAGES = ['/candidate?job=manager&lang=en', '/hr?lang=en'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const root = fileURLToPath(new URL('..', import.meta.url));

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** The demo in a process of its own (so the measuring process does not slow its answers). */
async function startDemo() {
  const dir = mkdtempSync(join(tmpdir(), 'aie-lighthouse-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'examples/demo/start.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', AIE_DB: join(dir, 'demo.sqlite') },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let waited = 0; ; waited += 200) {
    if (child.exitCode !== null) throw new Error(`lighthouse: the demo exited with code ${child.exitCode}`);
    const up = await fetch(`${base}/`).then((r) => r.ok, () => false);
    if (up) return { base, stop };
    if (waited > 60_000) {
      await stop();
      throw new Error('lighthouse: the demo did not answer within 60 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The figures of one report: scores out of 100, milliseconds, bytes. */
function figuresOf(path, lhr) {
  const audit = (id) => lhr.audits[id]?.numericValue ?? NaN;
  const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  return {
    page: path,
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    lcpMs: Math.round(audit('largest-contentful-paint')),
    tbtMs: Math.round(audit('total-blocking-time')),
    cls: Number(audit('cumulative-layout-shift').toFixed(3)),
    bytes: Math.round(audit('total-byte-weight')),
    // Lighthouse's CPU benchmark of the machine during the run: a busy machine scores low (and slow).
    benchmarkIndex: Math.round(lhr.environment?.benchmarkIndex ?? NaN),
    // What cost points outside performance: the audits that failed, by id.
    failed: Object.values(lhr.categories)
      .filter((category) => category.id !== 'performance')
      .flatMap((category) => category.auditRefs.filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score !== null && lhr.audits[ref.id]?.score < 1).map((ref) => ref.id)),
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

function printTable(rows, log) {
  const header = ['page', 'perf', 'a11y', 'best pr.', 'LCP ms', 'TBT ms', 'CLS', 'KiB sent', 'CPU index'];
  const cells = rows.map((r) => [r.page, r.performance, r.accessibility, r.bestPractices, r.lcpMs, r.tbtMs, r.cls, (r.bytes / 1024).toFixed(1), r.benchmarkIndex].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  for (const row of [header, ...cells]) log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
  for (const r of rows) if (r.failed.length) log(`${r.page}: failed audits ${r.failed.join(', ')}`);
}

/**
 * Runs Lighthouse `runs` times on each page (interleaved), logs a table and returns, per page, the
 * run with the median performance score and every run's figures. Needs a build (`dist/`).
 */
export async function runLighthouse({ log = console.log, runs = 1, outDir } = {}) {
  const demo = await startDemo();
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: ['--headless=new', ...chromiumArgs] });
  try {
    const all = Object.fromEntries(LIGHTHOUSE_PAGES.map((path) => [path, []]));
    for (let run = 0; run < runs; run += 1) {
      for (const path of LIGHTHOUSE_PAGES) {
        const result = await lighthouse(`${demo.base}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
        if (!result?.lhr) throw new Error(`lighthouse: no report for ${path}`);
        if (result.lhr.runtimeError) throw new Error(`lighthouse: ${path}: ${result.lhr.runtimeError.message}`);
        all[path].push(figuresOf(path, result.lhr));
        if (outDir) {
          mkdirSync(outDir, { recursive: true });
          writeFileSync(join(outDir, `${path.slice(1).replace(/\W+/g, '-')}-${run + 1}.json`), result.report);
        }
      }
    }
    const pages = LIGHTHOUSE_PAGES.map((path) => {
      const target = median(all[path].map((r) => r.performance));
      return all[path].find((r) => r.performance === target);
    });
    log(`Lighthouse ${runs > 1 ? `(median of ${runs} runs by performance) ` : ''}mobile, simulated throttling:`);
    printTable(pages, log);
    return { pages, runs: all };
  } finally {
    chrome.kill();
    await demo.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '1' }, 'no-build': { type: 'boolean', default: false }, out: { type: 'string' } } });
  if (!values['no-build']) runOrExit(process.execPath, ['scripts/build.mjs'], { cwd: root });
  await runLighthouse({ runs: Math.max(1, Number(values.runs) || 1), outDir: values.out });
}
