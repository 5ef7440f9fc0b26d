// npm run reliability [-- --runs N] [--seed S]: a model-based test of "never lose an exit, never
// record one twice" (R11). The real widget (its dialog, store and IndexedDB outbox, the HTTP
// adapter) in Chromium tabs, the real server on SQLite, and a proxy between them that drops,
// fails, throttles and hangs requests. Commands come from fast-check: exits (with data requests),
// double clicks, exits again on the same interview, reloads, a second tab, tabs closed mid-send,
// offline spells. Each interview's stored exits are counted against the confirmations the
// candidate clicked through, and its stored data requests against the ones they asked for.
// Ends with one line: "exits: N, deletions: D, faults: F, lost: L, duplicates: U".
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import fc from 'fast-check';
import type { BrowserContext, Page } from 'playwright-core';
import type { DataChoice } from '@ai-interview-exit/core';
import { HR_TOKEN, registerCandidate, rows, startServer, type Candidate } from '../server/helpers.js';
import { launchChromium } from '../support/browser.js';
import { startFaultProxy } from './fault-proxy.js';
import type { Confirmed } from './harness.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '1000' }, seed: { type: 'string' } } });
const target = Number(values.runs);
const seed = values.seed ? Number(values.seed) : Date.now() % 2 ** 31;
const started = Date.now();

const bundle = await build({
  entryPoints: [new URL('./harness.ts', import.meta.url).pathname],
  bundle: true,
  format: 'esm',
  write: false,
  conditions: ['source'],
  target: 'es2022',
  // Minified: every reload and every new tab loads it.
  minify: true,
  logLevel: 'silent',
  tsconfig: new URL('../../tsconfig.base.json', import.meta.url).pathname,
});
const pages = {
  '/harness.html': { type: 'text/html', body: '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body><script type="module" src="/harness.js"></script></body></html>' },
  '/harness.js': { type: 'text/javascript', body: bundle.outputFiles[0]!.text },
};

// The server's own clock: the widget's exit times are real ones.
const server = await startServer({ transports: [], now: () => new Date() });
let state = (seed % 2147483646) + 1;
const prng = () => (state = (state * 48271) % 2147483647) / 2147483647; // seeded, so a run replays
const proxy = await startFaultProxy(server.url, prng, pages);
const browser = await launchChromium();

/** What the candidate did, per interview: the exits they confirmed and the data requests they made. */
interface Model {
  interviews: Candidate[];
  confirmed: Map<string, Confirmed[]>;
}
/** One browser (its storage shared by its tabs), its open tabs, and the interviews it knows. */
interface Real {
  context: BrowserContext;
  tabs: Page[];
  interviews: Candidate[];
}

type Harness = typeof import('./harness.js').api;
/** Call the harness in a tab. */
const call = <K extends keyof Harness>(tab: Page, name: K, ...args: Parameters<Harness[K]>): Promise<Awaited<ReturnType<Harness[K]>>> =>
  tab.evaluate(([n, a]) => (window as any).reliability[n](...a), [name, args] as const);

async function openTab(real: Real): Promise<Page> {
  const tab = await real.context.newPage();
  await tab.goto(`${proxy.url}/harness.html`);
  await tab.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  await call(tab, 'mountAll');
  real.tabs.push(tab);
  return tab;
}

async function exitIn(model: Model, tab: Page, interview: Candidate, dataChoice: DataChoice, clicks: number): Promise<void> {
  const made = await call(tab, 'exit', interview.interviewId, dataChoice, clicks);
  if (made) model.confirmed.set(interview.interviewId, [...(model.confirmed.get(interview.interviewId) ?? []), made]);
}

/** A new interview, started in one tab: the candidate leaves it. */
class NewInterviewCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly tab: number, readonly dataChoice: DataChoice, readonly clicks: number) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const interview = await registerCandidate(server, { candidateName: `候选人${model.interviews.length + 1}` });
    model.interviews.push(interview);
    real.interviews.push(interview);
    const tab = real.tabs[this.tab % real.tabs.length]!;
    await call(tab, 'add', interview);
    await exitIn(model, tab, interview, this.dataChoice, this.clicks);
  }
  toString = () => `new-interview-exit(tab ${this.tab}, ${this.dataChoice}, ${this.clicks} click${this.clicks > 1 ? 's' : ''})`;
}
/** The exit button again, on an interview this browser knows: after a reload, in the other tab, twice over. */
class ExitAgainCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly tab: number, readonly pick: number, readonly dataChoice: DataChoice, readonly clicks: number) {}
  check = () => true;
  async run(model: Model, real: Real) {
    if (real.interviews.length === 0) return;
    const interview = real.interviews[this.pick % real.interviews.length]!;
    // At most 4 confirmations per interview: the server rate-limits new exits per interview (10 an hour).
    if ((model.confirmed.get(interview.interviewId)?.length ?? 0) >= 4) return;
    const tab = real.tabs[this.tab % real.tabs.length]!;
    await call(tab, 'mountAll');
    await exitIn(model, tab, interview, this.dataChoice, this.clicks);
  }
  toString = () => `exit-again(tab ${this.tab}, #${this.pick}, ${this.dataChoice}, ${this.clicks} click${this.clicks > 1 ? 's' : ''})`;
}
class ReloadCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly tab: number) {}
  check = () => true;
  async run(_model: Model, real: Real) {
    const tab = real.tabs[this.tab % real.tabs.length]!;
    await tab.reload();
    await tab.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    await call(tab, 'mountAll');
  }
  toString = () => `reload(tab ${this.tab})`;
}
class SecondTabCommand implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(_model: Model, real: Real) {
    if (real.tabs.length < 2) await openTab(real);
  }
  toString = () => 'second-tab';
}
class CloseTabCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly tab: number) {}
  check = () => true;
  async run(_model: Model, real: Real) {
    const [tab] = real.tabs.splice(this.tab % real.tabs.length, 1);
    await tab!.close();
    if (real.tabs.length === 0) await openTab(real);
  }
  toString = () => `close-tab(${this.tab})`;
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

const tabArb = fc.nat({ max: 1 });
const dataChoiceArb = fc.constantFrom<DataChoice>('keep', 'keep', 'anonymise', 'delete');
const clicksArb = fc.constantFrom(1, 1, 2);
const newInterview = fc.tuple(tabArb, dataChoiceArb, clicksArb).map(([tab, choice, clicks]) => new NewInterviewCommand(tab, choice, clicks));
const exitAgain = fc.tuple(tabArb, fc.nat(), dataChoiceArb, clicksArb).map(([tab, pick, choice, clicks]) => new ExitAgainCommand(tab, pick, choice, clicks));
// Exits weigh most; a page load (reload, a new tab) costs more than an exit, so they come less often.
const commands = fc.commands(
  [
    newInterview, newInterview, newInterview, exitAgain, exitAgain, exitAgain,
    tabArb.map((tab) => new ReloadCommand(tab)),
    fc.constant(new SecondTabCommand()),
    tabArb.map((tab) => new CloseTabCommand(tab)),
    fc.integer({ min: 20, max: 200 }).map((ms) => new OfflineCommand(ms)),
    fc.integer({ min: 0, max: 100 }).map((ms) => new WaitCommand(ms)),
  ],
  { maxCommands: 45, size: 'max' },
);

/** Faults off, connection back, every outbox sent until nothing waits on the device. */
async function drain(real: Real): Promise<string[]> {
  proxy.setFaultRate(0);
  await real.context.setOffline(false);
  const tab = real.tabs[0]!;
  await call(tab, 'mountAll');
  const deadline = Date.now() + 60_000;
  let pending = Infinity;
  while (pending > 0 && Date.now() < deadline) {
    await call(tab, 'online');
    await new Promise((resolve) => setTimeout(resolve, 100));
    pending = await call(tab, 'pending');
  }
  if (pending > 0) console.error(`still waiting on the device after 60 s: ${pending}`);
  const rejected = (await Promise.all(real.tabs.map((t) => call(t, 'rejected')))).flat();
  proxy.setFaultRate(0.5);
  return rejected;
}

/** Per interview: the keys of the exits the server stored, and of the data requests it took. */
async function stored(): Promise<{ exits: Map<string, string[]>; deletions: Map<string, string[]> }> {
  const { exits } = (await server.get('/v1/hr/exits', HR_TOKEN)).json as { exits: { interviewId: string; idempotencyKey: string }[] };
  const group = (list: { interviewId: string; key: string }[]) => {
    const byInterview = new Map<string, string[]>();
    for (const { interviewId, key } of list) byInterview.set(interviewId, [...(byInterview.get(interviewId) ?? []), key]);
    return byInterview;
  };
  const deletions = rows<{ interviewId: string; key: string }>(server.dbPath, 'SELECT interview_id AS interviewId, idempotency_key AS key FROM deletion_requests');
  return { exits: group(exits.map((e) => ({ interviewId: e.interviewId, key: e.idempotencyKey }))), deletions: group(deletions) };
}

const model: Model = { interviews: [], confirmed: new Map() };
const count = (pick: (c: Confirmed) => unknown) => [...model.confirmed.values()].flat().filter(pick).length;
let runs = 0;
const rejected: string[] = [];
try {
  while (count(() => true) < target) {
    const [scenario] = fc.sample(commands, { seed: seed + runs, numRuns: 1 });
    runs += 1;
    // A fresh browser per sequence: its interviews are its own (another browser would not know them).
    const real: Real = { context: await browser.newContext(), tabs: [], interviews: [] };
    await openTab(real);
    await fc.asyncModelRun(() => ({ model, real }), scenario!);
    rejected.push(...(await drain(real)));
    await real.context.close();
  }
  const onServer = await stored();
  let lost = 0;
  let duplicates = 0;
  for (const { interviewId } of model.interviews) {
    const confirmed = model.confirmed.get(interviewId) ?? [];
    const exits = onServer.exits.get(interviewId) ?? [];
    const deletions = onServer.deletions.get(interviewId) ?? [];
    const asked = confirmed.flatMap((c) => (c.deletionKey ? [c.deletionKey] : []));
    lost += confirmed.filter((c) => !exits.includes(c.key)).length + asked.filter((key) => !deletions.includes(key)).length;
    // More stored than the candidate clicked through: an exit (or a data request) recorded twice.
    duplicates += Math.max(0, exits.length - confirmed.length) + Math.max(0, deletions.length - asked.length);
  }
  if (rejected.length) console.error(`refused by the server: ${rejected.join('; ')}`);
  const faults = Object.entries(proxy.counts).reduce((sum, [kind, n]) => (kind === 'pass' ? sum : sum + n), 0);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const again = model.interviews.filter((i) => (model.confirmed.get(i.interviewId)?.length ?? 0) > 1).length;
  console.log(`seed ${seed}, ${runs} command sequences, ${model.interviews.length} interviews (${again} exited more than once), ${seconds} s; faults by kind: ${JSON.stringify(proxy.counts)}`);
  console.log(`exits: ${count(() => true)}, deletions: ${count((c) => c.deletionKey)}, faults: ${faults}, lost: ${lost}, duplicates: ${duplicates}`);
  process.exitCode = lost === 0 && duplicates === 0 && rejected.length === 0 ? 0 : 1;
} finally {
  await browser.close();
  await proxy.close();
  await server.cleanup();
}
