// "Never trapped, never frozen": over 2,000 malformed answers from a real HTTP server on loopback
// (wrong shapes, huge strings, HTML error pages, 204/3xx/4xx/5xx, truncated JSON, stalled bodies,
// odd Retry-After values), through the real HTTP adapter, the exit store and the outbox. Every
// answer must leave the flow with a way out, reject nothing unhandled, and never stop the outbox.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { canExitUnverified, createExitStore, type ExitStore, type FlowState } from '@ai-interview-exit/core';
import { createHttpAdapter, createOutbox, memoryStorage, outboxDelivery, type Outbox, type OutboxStorage } from '@ai-interview-exit/core/delivery';
import { ARTICLE_POLICY } from '@ai-interview-exit/core/presets';
import { startAnswerServer, type Answer } from '../support/answer-server.js';
import { contextFor, recordFor } from '../support/fixtures.js';
import { until } from '../support/wait.js';

const STATUSES = [200, 201, 204, 301, 302, 304, 307, 400, 401, 403, 404, 405, 409, 410, 413, 418, 422, 429, 500, 501, 502, 503, 504, 599];
const SHAPES = ['{}', '[]', 'null', '"ok"', '42', 'true', '{"idempotencyKey":7,"status":"exited"}', '{"challengeId":"","attemptsLeft":-1}', '{"status":"accepted"}', '{"error":null}', '{"error":{"message":{"x":1}}}'];
const HTML = '<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><hr>nginx</body></html>';
const BODIES: ((i: number) => Omit<Answer, 'status'>)[] = [
  () => ({ body: '' }),
  () => ({ body: HTML, headers: { 'content-type': 'text/html' } }),
  (i) => ({ body: SHAPES[i % SHAPES.length], headers: { 'content-type': 'application/json' } }),
  () => ({ body: '{"idempotencyKey":"8f1c2e', headers: { 'content-type': 'application/json' } }),
  (i) => ({ body: JSON.stringify({ error: { code: 'x', message: 'm'.repeat(i % 50 === 0 ? 5_000_000 : 300_000) } }) }),
  (i) => ({ body: JSON.stringify({ receipt: 'x'.repeat(i % 50 === 0 ? 5_000_000 : 300_000) }), headers: { 'content-type': 'application/json' } }),
  () => ({ body: '{"idempotencyKey":"', stall: true, headers: { 'content-type': 'application/json' } }),
];
const RETRY_AFTER = [
  undefined, '0', '-5', '1.5', '2147483648', '9'.repeat(20), 'Infinity', 'NaN', '1e400', 'garbage', ' ',
  'Thu, 01 Jan 1970 00:00:00 GMT', 'Fri, 31 Dec 9999 23:59:59 GMT', new Date(Date.now() + 3_600_000).toUTCString(),
];

/** Every status with every body and every Retry-After: 24 × 7 × 14 = 2,352 answers. */
function malformedAnswers(): Answer[] {
  const answers: Answer[] = [];
  for (const status of STATUSES) {
    for (const body of BODIES) {
      for (const retryAfter of RETRY_AFTER) {
        const i = answers.length;
        const answer = body(i);
        const headers: Record<string, string> = { ...answer.headers, ...(retryAfter === undefined ? {} : { 'retry-after': retryAfter }) };
        // a redirect to itself, every other time: fetch gives up after 20 hops
        if (status >= 300 && status < 400 && i % 2) headers.location = '.';
        answers.push({ ...answer, status, headers });
      }
    }
  }
  return answers;
}

/** Which call gets the bad answer: the code's sending, its checking, or the exit's delivery (and its deletion). */
type Target = 'send' | 'check' | 'deliver';
const TARGETS: Target[] = ['send', 'check', 'deliver'];
const BAD_PATHS: Record<Target, RegExp> = {
  send: /\/verification\/send$/,
  check: /\/verification\/check$/,
  deliver: /^\/v1\/(exits|deletion-requests)$/,
};

/** A way out: done or on the way there, or a verify step that offers the exit without the code. */
function hasWayOut(state: FlowState): boolean {
  return state.status === 'done' || state.status === 'submitting' || (state.status === 'verify' && canExitUnverified(state.verify));
}

/** Whether `check` holds within `ms` (a case that never gets there is counted, not thrown). */
const within = (check: () => boolean, ms: number) => until(check, 'a case', ms).then(() => true, () => false);

describe('malformed answers', () => {
  const answers = malformedAnswers();
  const good = new Set<string>();
  /** What the shared outbox hears next; `null`: good answers. */
  let sharedAnswer: Answer | null = null;
  let server: Awaited<ReturnType<typeof startAnswerServer>>;
  let unhandled = 0;
  const onUnhandled = () => void (unhandled += 1);

  before(async () => {
    process.on('unhandledRejection', onUnhandled);
    server = await startAnswerServer(({ prefix, path }) => {
      if (prefix === '/shared') return sharedAnswer ?? 'good';
      const i = Number(prefix.split('/')[2]);
      if (good.has(prefix) || !BAD_PATHS[TARGETS[i % 3]!].test(path)) return 'good';
      return answers[i]!;
    });
  });
  after(async () => {
    process.off('unhandledRejection', onUnhandled);
    await server.close();
  });

  it('leave a way out every time, reject nothing unhandled, and never stop the outbox', async () => {
    const cases: { prefix: string; store: ExitStore; outbox: Outbox; storage: OutboxStorage }[] = [];
    let trapped = 0;
    let undelivered = 0;
    const runCase = async (i: number) => {
      const target = TARGETS[i % 3]!;
      const prefix = `/c/${i}`;
      const adapter = createHttpAdapter({ baseUrl: server.url + prefix, token: 'token', timeoutMs: 100 });
      const storage = memoryStorage();
      // one answer per case: the next try is a page load's, in the second half of the test
      const outbox = createOutbox({ adapter, name: prefix, storage, retry: { baseMs: 60_000, capMs: 60_000 } });
      const context = contextFor({ jobType: target === 'deliver' ? 'engineer' : 'executive' });
      const store = createExitStore({ config: ARTICLE_POLICY, context, adapter, delivery: outboxDelivery(outbox) });
      cases.push({ prefix, store, outbox, storage });
      store.open('button');
      store.dispatch({ type: 'setReasonText', text: '家里有急事' });
      store.dispatch({ type: 'setDataChoice', choice: 'delete' });
      store.dispatch({ type: 'confirm' });
      const state = () => store.getState();
      if (target === 'check') {
        await within(() => { const s = state(); return s.status === 'verify' && s.verify.phase === 'sent'; }, 10_000);
        store.dispatch({ type: 'submitCode', code: '000000' });
      }
      const settled = () => {
        const s = state();
        return target === 'deliver' ? s.status === 'done' && s.delivery.state !== 'pending' : s.status !== 'verify' || (s.verify.phase !== 'sending' && s.verify.phase !== 'checking');
      };
      const answered = await within(settled, 10_000);
      outbox.stop();
      if (!answered || !hasWayOut(state())) {
        trapped += 1;
        const s = state();
        if (trapped <= 5) console.log(`trapped: answer ${i} (${answers[i]!.status}${answers[i]!.stall ? ', stalled' : ''}) → ${s.status}${s.status === 'verify' ? `: ${s.verify.phase}` : s.status === 'done' ? `: ${s.delivery.state}` : ''}`);
      }
    };
    for (let start = 0; start < answers.length; start += 24) {
      await Promise.all(answers.slice(start, start + 24).map((_, k) => runCase(start + k)));
    }

    // Back to good answers: a page load (a new outbox on the same storage) delivers all that was left.
    const left = cases.filter((c) => c.outbox.entries().length > 0);
    const queued = left.reduce((sum, c) => sum + c.outbox.entries().length, 0);
    for (const c of cases) c.outbox.stop();
    const reload = async (c: (typeof cases)[number]) => {
      good.add(c.prefix);
      const adapter = createHttpAdapter({ baseUrl: server.url + c.prefix, token: 'token', timeoutMs: 5000 });
      const reloaded = createOutbox({ adapter, name: c.prefix, storage: c.storage, retry: { baseMs: 10, capMs: 100 } });
      await reloaded.ready;
      reloaded.start();
      if (!(await within(() => reloaded.entries().length === 0, 10_000))) undelivered += reloaded.entries().length;
      reloaded.stop();
    };
    for (let start = 0; start < left.length; start += 24) await Promise.all(left.slice(start, start + 24).map(reload));
    console.log(`${answers.length} malformed answers: ${trapped} without a way out, ${unhandled} unhandled rejections; ${queued} entries queued, ${undelivered} of them undelivered once the answers were good`);
    assert.equal(unhandled, 0, 'unhandled rejections');
    assert.equal(trapped, 0, 'end states without a way out');
    assert.equal(undelivered, 0, 'queued entries not delivered after good answers');
  });

  it('the outbox keeps sending through every kind of bad answer', async () => {
    let clock = Date.now();
    // Counted as the adapter sends, not as the server reads: on a loaded machine the 100 ms bound
    // may end a request before the server has read it, and that flush did send all the same.
    let sends = 0;
    const counting: typeof fetch = (input, init) => (sends++, fetch(input, init));
    const adapter = createHttpAdapter({ baseUrl: `${server.url}/shared`, token: 'token', timeoutMs: 100, fetch: counting });
    const outbox = createOutbox({ adapter, name: 'shared', storage: memoryStorage(), retry: { baseMs: 1, capMs: 5 }, now: () => clock });
    const sample = answers.filter((_, i) => i % 7 === 0);
    let frozen = 0;
    let silent = 0;
    for (let i = 0; i < sample.length; i += 1) {
      if (outbox.entries().length === 0) {
        const record = recordFor({ reason: { code: 'emergency', text: '孩子发烧' } });
        await outbox.enqueue('exit', record.idempotencyKey, record);
      }
      sharedAnswer = sample[i]!;
      const before = sends;
      clock += 2 * 86_400_000; // whatever wait the last answer asked for is over
      const sent = outbox.flush();
      const done = await Promise.race([sent.then(() => true), new Promise<boolean>((resolve) => setTimeout(resolve, 10_000, false))]);
      if (!done) frozen += 1;
      if (sends === before) silent += 1;
    }
    sharedAnswer = null;
    const deletion = { idempotencyKey: crypto.randomUUID(), interviewId: 'iv-1', candidateRef: 'cand-7f3a', scope: 'delete' as const, requestedAt: new Date().toISOString() };
    await outbox.enqueue('deletion', deletion.idempotencyKey, deletion);
    clock += 2 * 86_400_000;
    const delivered = await within(() => (void outbox.flush(), outbox.entries().length === 0), 5000);
    console.log(`shared outbox: ${sample.length} bad answers, ${frozen} flushes that never finished, ${silent} flushes that sent nothing; delivered after: ${delivered}`);
    outbox.stop();
    assert.equal(frozen, 0, 'frozen flushes');
    assert.equal(silent, 0, 'flushes that sent nothing');
    assert.equal(delivered, true, 'the queue drains once answers are good');
  });
});
