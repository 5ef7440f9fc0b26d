// npm run reliability [-- --runs N] [--seed S]: a model-based test of "never lose an exit" (R11).
// The real outbox and HTTP adapter in Chromium (real IndexedDB), the real server on SQLite, and a
// proxy between them that drops, fails, throttles and hangs requests. Commands come from
// fast-check: exits, double submits, page reloads, tabs closed mid-send, offline spells.
// Ends with one line: "exits: N, faults: F, lost: L, duplicates: D".
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import fc from 'fast-check';
import type { BrowserContext, Page } from 'playwright-core';
import { createServer } from '@ai-interview-exit/server';
import { launchChromium } from '../support/browser.js';
import { startFaultProxy } from './fault-proxy.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '1000' }, seed: { type: 'string' } } });
const target = Number(values.runs);
const seed = values.seed ? Number(values.seed) : Date.now() % 2 ** 31;
const started = Date.now();
const HR = 'reliability-hr-token';

const bundle = await build({
  entryPoints: [new URL('./harness.ts', import.meta.url).pathname],
  bundle: true,
  format: 'esm',
  write: false,
  conditions: ['source'],
  target: 'es2022',
  logLevel: 'silent',
});
const pages = {
  '/harness.html': { type: 'text/html', body: '<!doctype html><html lang="en"><head><link rel="icon" href="data:,"></head><body><script type="module" src="/harness.js"></script></body></html>' },
  '/harness.js': { type: 'text/javascript', body: bundle.outputFiles[0]!.text },
};

const dir = mkdtempSync(join(tmpdir(), 'aie-reliability-'));
const app = await createServer({ dbPath: join(dir, 'exits.db'), secret: 'reliability-secret', hrTokens: [HR], transports: [] });
const apiUrl = await app.listen({ port: 0, host: '127.0.0.1' });
let state = (seed % 2147483646) + 1;
const prng = () => (state = (state * 48271) % 2147483647) / 2147483647; // seeded, so a run replays
const proxy = await startFaultProxy(apiUrl, prng, pages);
const browser = await launchChromium();

interface Interview { interviewId: string; candidateRef: string; token: string }
interface Model { exits: { interview: Interview; key: string; at: string }[] }
interface Real { context: BrowserContext; page: Page }

let serial = 0;
let rejectedTotal = 0;
async function newInterview(): Promise<Interview> {
  serial += 1;
  const interviewId = `rel-${seed}-${serial}`;
  const candidateRef = `cand-${serial}`;
  const response = await fetch(`${apiUrl}/v1/interviews`, {
    method: 'POST',
    headers: { authorization: `Bearer ${HR}`, 'content-type': 'application/json' },
    body: JSON.stringify({ interviewId, candidateRef, candidateName: `候选人${serial}`, contact: { email: `c${serial}@example.com` }, jobType: 'frontline', roleTitle: '操作工' }),
  });
  if (!response.ok) throw new Error(`register interview: HTTP ${response.status} ${await response.text()}`);
  const { token } = (await response.json()) as { token: string };
  return { interviewId, candidateRef, token };
}

async function openHarness(real: Real) {
  real.page = await real.context.newPage();
  await real.page.goto(`${proxy.url}/harness.html`);
  await real.page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  await real.page.evaluate(() => (window as any).reliability.resume());
}

const exitOf = (real: Real, { interview, key, at }: Model['exits'][number]) =>
  real.page.evaluate(([i, k, t]) => (window as any).reliability.exit(i, k, t), [interview, key, at] as const);

async function newExit(model: Model) {
  const exit = { interview: await newInterview(), key: crypto.randomUUID(), at: new Date().toISOString() };
  model.exits.push(exit);
  return exit;
}

class ExitCommand implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(model: Model, real: Real) {
    await exitOf(real, await newExit(model));
  }
  toString = () => 'exit';
}
class DoubleSubmitCommand implements fc.AsyncCommand<Model, Real> {
  check = (model: Readonly<Model>) => model.exits.length > 0;
  async run(model: Model, real: Real) {
    // the same confirmed exit, sent twice at once (a double click reaching the outbox twice)
    const exit = model.exits.at(-1)!;
    await Promise.all([exitOf(real, exit), exitOf(real, exit)]);
  }
  toString = () => 'double-submit';
}
class ReloadCommand implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(_model: Model, real: Real) {
    await real.page.reload();
    await real.page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    await real.page.evaluate(() => (window as any).reliability.resume());
  }
  toString = () => 'reload';
}
class CloseTabCommand implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(model: Model, real: Real) {
    await exitOf(real, await newExit(model)); // stored; the send is in flight
    await real.page.close();
    await openHarness(real);
  }
  toString = () => 'exit-then-close-tab';
}
class OfflineCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly ms: number) {}
  check = () => true;
  async run(_model: Model, real: Real) {
    await real.context.setOffline(true);
    await new Promise((resolve) => setTimeout(resolve, this.ms));
    await real.context.setOffline(false);
  }
  toString = () => `offline(${this.ms})`;
}
class WaitCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly ms: number) {}
  check = () => true;
  async run() {
    await new Promise((resolve) => setTimeout(resolve, this.ms));
  }
  toString = () => `wait(${this.ms})`;
}

const commands = fc.commands(
  [
    fc.constant(new ExitCommand()),
    fc.constant(new ExitCommand()),
    fc.constant(new ExitCommand()),
    fc.constant(new DoubleSubmitCommand()),
    fc.constant(new ReloadCommand()),
    fc.constant(new CloseTabCommand()),
    fc.integer({ min: 20, max: 200 }).map((ms) => new OfflineCommand(ms)),
    fc.integer({ min: 0, max: 100 }).map((ms) => new WaitCommand(ms)),
  ],
  { maxCommands: 60, size: 'max' },
);

/** Faults off, connection back, every outbox flushed until nothing waits. */
async function drain(real: Real) {
  proxy.setFaultRate(0);
  await real.context.setOffline(false);
  const deadline = Date.now() + 30_000;
  for (;;) {
    await real.page.evaluate(() => (window as any).reliability.flushAll());
    const pending = await real.page.evaluate(() => (window as any).reliability.pending() as number);
    if (pending === 0 || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const rejected = await real.page.evaluate(() => (window as any).reliability.rejected() as string[]);
  if (rejected.length) console.error(`rejected by the server: ${rejected.join(', ')}`);
  rejectedTotal += rejected.length;
  proxy.setFaultRate(0.5);
}

async function exitsOnServer(): Promise<Map<string, string[]>> {
  const response = await fetch(`${apiUrl}/v1/hr/exits`, { headers: { authorization: `Bearer ${HR}` } });
  const { exits } = (await response.json()) as { exits: { interviewId: string; idempotencyKey: string }[] };
  const byInterview = new Map<string, string[]>();
  for (const e of exits) byInterview.set(e.interviewId, [...(byInterview.get(e.interviewId) ?? []), e.idempotencyKey]);
  return byInterview;
}

const model: Model = { exits: [] };
let runs = 0;
try {
  while (model.exits.length < target) {
    const [scenario] = fc.sample(commands, { seed: seed + runs, numRuns: 1 });
    runs += 1;
    const context = await browser.newContext();
    const real: Real = { context, page: undefined as unknown as Page };
    await openHarness(real);
    await fc.asyncModelRun(() => ({ model, real }), scenario!);
    await drain(real);
    await context.close();
  }
  const onServer = await exitsOnServer();
  const lost = model.exits.filter(({ interview, key }) => !(onServer.get(interview.interviewId) ?? []).includes(key)).length;
  const duplicates = [...onServer.values()].reduce((sum, keys) => sum + Math.max(0, keys.length - 1), 0);
  const faults = Object.entries(proxy.counts).reduce((sum, [kind, n]) => (kind === 'pass' ? sum : sum + n), 0);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`seed ${seed}, ${runs} command sequences, ${seconds} s; faults by kind: ${JSON.stringify(proxy.counts)}`);
  console.log(`exits: ${model.exits.length}, faults: ${faults}, lost: ${lost}, duplicates: ${duplicates}`);
  process.exitCode = lost === 0 && duplicates === 0 && rejectedTotal === 0 ? 0 : 1;
} finally {
  await browser.close();
  await proxy.close();
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}
