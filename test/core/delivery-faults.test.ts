// One test per delivery fault of "never trapped, never frozen", on a real HTTP server on loopback:
// a body that stalls after the headers, an adapter that never answers, a huge Retry-After, an
// exit refused for good (403), and an expired token (401) renewed through `getToken`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AdapterError, canExitUnverified, createExitStore, newUuid, type ExitAdapter, type StoreEvent } from '@ai-interview-exit/core';
import { createHttpAdapter, createOutbox, memoryStorage, outboxDelivery, type OutboxEvent, type OutboxStorage } from '@ai-interview-exit/core/delivery';
import { createMemoryAdapter } from '@ai-interview-exit/core/memory';
import { ARTICLE_POLICY } from '@ai-interview-exit/core/presets';
import { startAnswerServer, type Answer, type Script } from '../support/answer-server.js';
import { T0, contextFor, recordFor } from '../support/fixtures.js';
import { until } from '../support/wait.js';

const deletionFor = () => ({ idempotencyKey: newUuid(), interviewId: 'iv-1', candidateRef: 'cand-7f3a', scope: 'delete' as const, requestedAt: T0 });
const fast = { baseMs: 1, capMs: 5 };

/** A storage that counts its passes (each drain loads once). */
function countingStorage(): OutboxStorage & { loads: number } {
  const storage = memoryStorage();
  const counted = { ...storage, loads: 0, durable: false, load: () => ((counted.loads += 1), storage.load()) };
  return counted;
}

describe('delivery faults', () => {
  let script: Script = () => 'good';
  let server: Awaited<ReturnType<typeof startAnswerServer>>;
  before(async () => (server = await startAnswerServer((asked) => script(asked))));
  after(() => server.close());

  it('a body that stalls after the headers is a timeout, within the bound', { timeout: 10_000 }, async () => {
    script = () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"idempotencyKey":"', stall: true });
    const adapter = createHttpAdapter({ baseUrl: server.url, token: 'token', timeoutMs: 200 });
    const started = Date.now();
    const error = await adapter.submitExit(recordFor()).catch((e: unknown) => e);
    console.log(`stalled body: ${(error as AdapterError).code} after ${Date.now() - started} ms (bound 200 ms)`);
    assert.equal((error as AdapterError).code, 'timeout');
  });

  it('a refusal is for good only when the server says it: a proxy\'s page with the same status is tried again', { timeout: 10_000 }, async () => {
    const adapter = createHttpAdapter({ baseUrl: server.url, token: 'token' });
    const codeFor = async (answer: Answer) => {
      script = () => answer;
      return ((await adapter.submitExit(recordFor()).catch((e: unknown) => e)) as AdapterError).code;
    };
    const page = { headers: { 'content-type': 'text/html' }, body: '<html><body><h1>403 Forbidden</h1>nginx</body></html>' };
    for (const status of [400, 403, 404, 413, 422]) assert.equal(await codeFor({ status, ...page }), 'unavailable', `an HTML ${status}`);
    const said = { headers: { 'content-type': 'application/json' }, body: '{"error":{"code":"forbidden","message":"not yours"}}' };
    assert.equal(await codeFor({ status: 403, ...said }), 'forbidden');
    assert.equal(await codeFor({ status: 429, ...page }), 'rate-limited');
  });

  it('the outbox sends what an older version kept, even if today\'s schemas would refuse it: the server judges', { timeout: 10_000 }, async () => {
    script = () => 'good';
    const adapter = createHttpAdapter({ baseUrl: server.url, token: 'token' });
    const outbox = createOutbox({ adapter, name: 'older', storage: memoryStorage(), retry: fast });
    const record = { ...recordFor(), timeZone: 'Mars/Olympus' };
    await outbox.enqueue('exit', record.idempotencyKey, record);
    const events: OutboxEvent[] = [];
    outbox.subscribe((event) => events.push(event));
    await outbox.flush();
    assert.deepEqual(events.map((e) => e.type), ['delivered'], 'sent, not dropped as refused');
  });

  it('an entry an earlier version kept as refused leaves the device, and the refusal is told', { timeout: 10_000 }, async () => {
    const storage = memoryStorage();
    const record = recordFor({ reason: { code: 'other', text: '私人原因' } });
    await storage.put({ key: record.idempotencyKey, kind: 'exit', body: record, seq: 1, attempts: 1, nextAttemptAt: 0, state: 'rejected', lastError: 'forbidden' });
    const outbox = createOutbox({ adapter: createMemoryAdapter(), name: 'legacy', storage, retry: fast });
    const events: OutboxEvent[] = [];
    outbox.subscribe((event) => events.push(event));
    await outbox.flush();
    assert.deepEqual(events.map((e) => [e.type, 'error' in e ? e.error : null]), [['rejected', 'forbidden']]);
    assert.deepEqual(await storage.load(), []);
  });

  it('an answer larger than the bound is not read whole, and not believed', { timeout: 10_000 }, async () => {
    script = () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ x: 'x'.repeat(5_000_000) }) });
    const adapter = createHttpAdapter({ baseUrl: server.url, token: 'token', timeoutMs: 5000 });
    const error = await adapter.submitExit(recordFor()).catch((e: unknown) => e);
    assert.equal((error as AdapterError).code, 'invalid-response');
  });

  it("a vendor's adapter that never answers: the code step offers its way out, and the outbox moves on", { timeout: 10_000 }, async () => {
    const never = () => new Promise<never>(() => {});
    const memory = createMemoryAdapter();
    const stuck: ExitAdapter = { ...memory, sendCode: never, submitExit: never };
    const store = createExitStore({ config: ARTICLE_POLICY, context: contextFor({ jobType: 'executive' }), adapter: stuck, timeoutMs: 50 });
    store.open('button');
    store.dispatch({ type: 'confirm' });
    await until(() => { const s = store.getState(); return s.status === 'verify' && s.verify.phase !== 'sending'; }, 'the code step to give up');
    const state = store.getState();
    assert.ok(state.status === 'verify' && state.verify.phase === 'failed' && state.verify.error === 'timeout');
    assert.equal(canExitUnverified(state.verify), true);

    const events: OutboxEvent[] = [];
    const outbox = createOutbox({ adapter: stuck, name: 'never', storage: memoryStorage(), retry: fast, timeoutMs: 50 });
    outbox.subscribe((event) => events.push(event));
    const record = recordFor();
    await outbox.enqueue('exit', record.idempotencyKey, record);
    await outbox.flush();
    assert.deepEqual(events.map((e) => e.type === 'retrying' && e.error), ['timeout']);
    outbox.stop();
  });

  it('a Retry-After of 2^31 ms or more neither busy-loops the outbox nor parks an exit for weeks', { timeout: 10_000 }, async () => {
    script = () => ({ status: 503, headers: { 'retry-after': String(2 ** 31) } });
    const http = createHttpAdapter({ baseUrl: server.url, token: 'token' });
    const error = (await http.submitExit(recordFor()).catch((e: unknown) => e)) as AdapterError;
    assert.ok(error.retryAfterSeconds! <= 3600, `the adapter asks for at most an hour, not ${error.retryAfterSeconds} s`);

    // a vendor's adapter may ask for anything: 2^31 ms, Infinity, NaN
    for (const seconds of [2 ** 31 / 1000, 2 ** 40, Infinity, NaN]) {
      const memory = createMemoryAdapter();
      const adapter = { ...memory, submitExit: () => Promise.reject(new AdapterError('rate-limited', 'slow down', seconds)) };
      const storage = countingStorage();
      const events: OutboxEvent[] = [];
      const outbox = createOutbox({ adapter, name: 'slow', storage, retry: { baseMs: 1000, capMs: 1000 }, random: () => 1 });
      outbox.subscribe((event) => events.push(event));
      const record = recordFor();
      await outbox.enqueue('exit', record.idempotencyKey, record);
      await outbox.flush();
      await new Promise((resolve) => setTimeout(resolve, 300)); // room for a busy loop to show
      const [entry] = outbox.entries();
      const waitS = Math.round((entry!.nextAttemptAt - Date.now()) / 1000);
      console.log(`Retry-After ${seconds} s from a vendor's adapter: ${storage.loads} storage passes in 300 ms, next try in ${waitS} s`);
      outbox.stop();
      assert.ok(storage.loads <= 2, `${storage.loads} storage passes`);
      assert.ok(waitS >= 0 && waitS <= 3600, `next try in ${waitS} s`);
    }
  });

  it('an exit refused for good (403) leaves the device, and the flow says rejected', { timeout: 10_000 }, async () => {
    script = ({ path }) => (path === '/v1/exits' ? { status: 403, headers: { 'content-type': 'application/json' }, body: '{"error":{"code":"forbidden","message":"not yours"}}' } : 'good');
    const adapter = createHttpAdapter({ baseUrl: server.url, token: 'token' });
    const storage = memoryStorage();
    const outbox = createOutbox({ adapter, name: 'refused', storage, retry: fast });
    const events: StoreEvent[] = [];
    const store = createExitStore({ context: contextFor(), adapter, delivery: outboxDelivery(outbox), onEvent: (e) => events.push(e) });
    store.open('button');
    store.dispatch({ type: 'setReasonText', text: '家里有急事' });
    store.dispatch({ type: 'setDataChoice', choice: 'delete' });
    store.dispatch({ type: 'confirm' });
    await until(() => { const s = store.getState(); return s.status === 'done' && s.delivery.state !== 'pending'; }, 'an answer');
    const state = store.getState();
    assert.ok(state.status === 'done' && state.delivery.state === 'rejected');
    assert.ok(events.some((e) => e.name === 'error' && e.code === 'exit-rejected'));
    await until(() => server.backend.deletions().length === 1, 'the deletion request behind it');
    assert.deepEqual(await storage.load(), [], 'nothing of the refused exit, free text included, stays');
    outbox.stop();
  });

  it('an expired token (401): getToken is asked once, the call is retried, and the deletion behind it is sent', { timeout: 10_000 }, async () => {
    const refused: Answer = { status: 401, headers: { 'content-type': 'application/json' }, body: '{"error":{"code":"unauthorized","message":"expired"}}' };
    script = ({ authorization }) => (authorization === 'Bearer fresh' ? 'good' : refused);
    let asked = 0;
    const adapter = createHttpAdapter({ baseUrl: server.url, token: 'expired', getToken: async () => ((asked += 1), 'fresh') });
    const outbox = createOutbox({ adapter, name: 'renewed', storage: memoryStorage(), retry: fast });
    const exits = server.backend.exits().length;
    const deletions = server.backend.deletions().length;
    const record = recordFor();
    const deletion = deletionFor();
    await outbox.enqueue('exit', record.idempotencyKey, record);
    await outbox.enqueue('deletion', deletion.idempotencyKey, deletion);
    await outbox.flush();
    assert.equal(asked, 1);
    assert.equal(server.backend.exits().length, exits + 1);
    assert.equal(server.backend.deletions().length, deletions + 1);
    assert.deepEqual(outbox.entries(), []);
    outbox.stop();
  });
});
