// The outbox against Chromium's real IndexedDB, Web Locks and page events.
import { expect } from '@open-wc/testing';
import { AdapterError, createExitStore, newUuid, type ExitRecord, type ProgressSnapshot, type StoreEvent } from '@ai-interview-exit/core';
import { createOutbox, openIndexedDbStorage, outboxDelivery, type OutboxEvent } from '@ai-interview-exit/core/delivery';
import { createMemoryAdapter } from '@ai-interview-exit/core/memory';
import { T0, contextFor, progressAt, recordFor } from '../support/fixtures.js';
import { until } from '../support/wait.js';

const fast = { baseMs: 5, capMs: 20 };
const record = (text = '') => recordFor({ reason: { code: 'emergency', text }, hrReview: false });
const dbName = () => `test-${newUuid()}`;

describe('outbox', () => {
  it('writes to IndexedDB before the first send, and deletes on acknowledgement', async () => {
    const name = dbName();
    const memory = createMemoryAdapter();
    let storedBeforeSend = false;
    const adapter = {
      ...memory,
      async submitExit(r: ExitRecord) {
        const seen = await (await openIndexedDbStorage(`aie-outbox:${name}`)).load();
        storedBeforeSend = seen.some((e) => e.key === r.idempotencyKey);
        return memory.submitExit(r);
      },
    };
    const outbox = createOutbox({ adapter, name, retry: fast });
    const r = record('孩子发烧');
    await outbox.enqueue('exit', r.idempotencyKey, r);
    await outbox.flush();
    expect(storedBeforeSend).to.equal(true);
    expect(memory.exits()).to.have.length(1);
    const left = await (await openIndexedDbStorage(`aie-outbox:${name}`)).load();
    expect(left, 'nothing, free text included, is kept after the ack').to.deep.equal([]);
  });

  it('retries with backoff, keeps order, and delivers once the network is back', async () => {
    const memory = createMemoryAdapter();
    const events: OutboxEvent[] = [];
    const outbox = createOutbox({ adapter: memory, name: dbName(), retry: fast });
    outbox.subscribe((e) => events.push(e));
    memory.fail('submitExit', 'network');
    const r = record();
    await outbox.enqueue('exit', r.idempotencyKey, r);
    await outbox.enqueue('deletion', 'b8f5c1a2-52a1-4a5e-9f0e-0d8f1e2a3b4c', { idempotencyKey: 'b8f5c1a2-52a1-4a5e-9f0e-0d8f1e2a3b4c', interviewId: 'iv-1', candidateRef: 'cand-7f3a', scope: 'delete', requestedAt: T0 });
    await outbox.flush();
    await until(() => events.filter((e) => e.type === 'retrying').length >= 3);
    expect(memory.calls.requestDeletion, 'nothing overtakes the exit').to.equal(0);
    memory.fail('submitExit', null);
    await until(() => events.filter((e) => e.type === 'delivered').length === 2);
    expect(events.filter((e) => e.type === 'delivered').map((e) => (e.type === 'delivered' ? e.entry.kind : ''))).to.deep.equal(['exit', 'deletion']);
    expect(outbox.entries()).to.deep.equal([]);
  });

  it('honours Retry-After on 429', async () => {
    const memory = createMemoryAdapter();
    const adapter = { ...memory, submitExit: async () => Promise.reject(new AdapterError('rate-limited', 'slow down', 2)) };
    const events: OutboxEvent[] = [];
    const outbox = createOutbox({ adapter, name: dbName(), retry: fast });
    outbox.subscribe((e) => events.push(e));
    const r = record();
    await outbox.enqueue('exit', r.idempotencyKey, r);
    await outbox.flush();
    const retry = events.find((e) => e.type === 'retrying');
    expect(retry && retry.type === 'retrying' && retry.delayMs).to.be.at.least(2000);
    outbox.stop();
  });

  it('removes an entry the server refused for good (free text included), says so, and never retries it', async () => {
    const name = dbName();
    const memory = createMemoryAdapter();
    memory.fail('submitExit', 'key-reused');
    const events: OutboxEvent[] = [];
    const outbox = createOutbox({ adapter: memory, name, retry: fast });
    outbox.subscribe((e) => events.push(e));
    const r = record('孩子发烧');
    await outbox.enqueue('exit', r.idempotencyKey, r);
    await outbox.flush();
    await outbox.flush();
    expect(memory.calls.submitExit).to.equal(1);
    expect(events.map((e) => e.type === 'rejected' && e.error)).to.deep.equal(['key-reused']);
    expect(await (await openIndexedDbStorage(`aie-outbox:${name}`)).load()).to.deep.equal([]);
  });

  it('after a reload, a new outbox with the same name finds and delivers what was left', async () => {
    const name = dbName();
    const offline = createMemoryAdapter();
    offline.fail('submitExit', 'network');
    const first = createOutbox({ adapter: offline, name, retry: { baseMs: 60_000, capMs: 60_000 } });
    const r = record();
    await first.enqueue('exit', r.idempotencyKey, r);
    await first.flush();
    first.stop();
    const online = createMemoryAdapter();
    const second = createOutbox({ adapter: online, name, retry: fast });
    second.start(); // a page load tries at once, whatever backoff the last page had reached
    await until(() => online.exits().length === 1);
    expect(online.exits()[0]!.idempotencyKey).to.equal(r.idempotencyKey);
    second.stop();
  });

  it('on pagehide hands entries to beacons; a false from sendBeacon keeps them, and so does a true until acknowledged', async () => {
    const memory = createMemoryAdapter();
    memory.fail('submitExit', 'network');
    const beacons: string[] = [];
    let accept = false;
    const adapter = { ...memory, beacon: (kind: string) => (beacons.push(kind), accept) };
    const outbox = createOutbox({ adapter, name: dbName(), retry: { baseMs: 60_000, capMs: 60_000 } });
    outbox.start();
    const r = record();
    await outbox.enqueue('exit', r.idempotencyKey, r);
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(beacons).to.deep.equal(['exit']);
    expect(outbox.entries()).to.have.length(1);
    accept = true;
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(beacons).to.have.length(2);
    expect(outbox.entries()).to.have.length(1);
    outbox.stop();
  });

  it('keeps beacons within the 64 KiB keep-alive budget', async () => {
    const memory = createMemoryAdapter();
    memory.fail('submitExit', 'network');
    const sent: number[] = [];
    const adapter = { ...memory, beacon: (_kind: string, body: unknown) => (sent.push(JSON.stringify(body).length), true) };
    const outbox = createOutbox({ adapter, name: dbName(), retry: { baseMs: 60_000, capMs: 60_000 } });
    outbox.start();
    for (let i = 0; i < 40; i += 1) {
      const r = record('x'.repeat(1900));
      await outbox.enqueue('exit', r.idempotencyKey, r);
    }
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(sent.length).to.be.greaterThan(5).and.lessThan(40);
    expect(sent.reduce((a, b) => a + b, 0)).to.be.below(64 * 1024);
    outbox.stop();
  });

  it('falls back to memory when IndexedDB cannot be opened, and says so', async () => {
    const memory = createMemoryAdapter();
    const events: OutboxEvent[] = [];
    const outbox = createOutbox({ adapter: memory, name: dbName(), storage: Promise.reject(new Error('blocked')) });
    outbox.subscribe((e) => events.push(e));
    expect((await outbox.ready).durable).to.equal(false);
    await until(() => events.some((e) => e.type === 'degraded'), 'the degraded event');
    const r = record();
    await outbox.enqueue('exit', r.idempotencyKey, r);
    await outbox.flush();
    expect(memory.exits()).to.have.length(1);
  });

  it('one tab sends at a time (Web Locks)', async () => {
    const name = dbName();
    const memory = createMemoryAdapter({ latencyMs: 10 });
    let inFlight = 0;
    let most = 0;
    const adapter = {
      ...memory,
      async submitExit(r: ExitRecord) {
        most = Math.max(most, ++inFlight);
        try {
          return await memory.submitExit(r);
        } finally {
          inFlight -= 1;
        }
      },
    };
    const a = createOutbox({ adapter, name, retry: fast });
    const b = createOutbox({ adapter, name, retry: fast });
    for (let i = 0; i < 5; i += 1) {
      const r = record();
      await a.enqueue('exit', r.idempotencyKey, r);
    }
    await b.ready;
    await Promise.all([a.flush(), b.flush()]);
    await until(() => memory.exits().length === 5);
    expect(most).to.equal(1);
  });
});

describe('store with the outbox', () => {
  it('offline: stored, out at once, queued; back online: acknowledged with the receipt', async () => {
    const memory = createMemoryAdapter();
    memory.fail('submitExit', 'network');
    const outbox = createOutbox({ adapter: memory, name: dbName(), retry: fast });
    const events: StoreEvent[] = [];
    const store = createExitStore({ context: contextFor(), adapter: memory, delivery: outboxDelivery(outbox), onEvent: (e) => events.push(e) });
    store.open('button');
    store.dispatch({ type: 'confirm' });
    await until(() => store.getState().status === 'done');
    await until(() => events.some((e) => e.name === 'exit-queued'));
    memory.fail('submitExit', null);
    await until(() => events.some((e) => e.name === 'exit-complete'));
    const state = store.getState();
    expect(state.status === 'done' && state.delivery.state).to.equal('delivered');
    expect(memory.exits()).to.have.length(1);
  });

  it('after a reload, the stored exit is recovered: shown as pending, then acknowledged, never asked again', async () => {
    const name = dbName();
    const offline = createMemoryAdapter();
    offline.fail('submitExit', 'network');
    const first = createExitStore({ context: contextFor(), adapter: offline, delivery: outboxDelivery(createOutbox({ adapter: offline, name, retry: { baseMs: 60_000, capMs: 60_000 } })) });
    first.open('button');
    first.dispatch({ type: 'setReasonText', text: '家里有急事' });
    first.dispatch({ type: 'confirm' });
    await until(() => first.getState().status === 'done');
    const record = first.getState().status === 'done' ? (first.getState() as { record: ExitRecord }).record : null;

    const online = createMemoryAdapter({ latencyMs: 30 });
    const events: StoreEvent[] = [];
    const outbox = createOutbox({ adapter: online, name, retry: fast });
    const second = createExitStore({ context: contextFor(), adapter: online, delivery: outboxDelivery(outbox), onEvent: (e) => events.push(e) });
    outbox.start(); // the page loads: what the last page left is tried at once
    expect(await second.recover()).to.equal(true);
    const shown = second.getState();
    expect(shown.status === 'done' && shown.delivery.state).to.equal('pending');
    expect(shown.status === 'done' && shown.record.idempotencyKey).to.equal(record!.idempotencyKey);
    await until(() => events.some((e) => e.name === 'exit-complete'));
    expect(online.exits()).to.have.length(1);
    outbox.stop();
    second.open('button');
    expect(second.getState().status).to.equal('done');
  });

  it('recover finds nothing for another interview', async () => {
    const memory = createMemoryAdapter();
    const store = createExitStore({ context: contextFor({ interviewId: 'iv-other' }), adapter: memory, delivery: outboxDelivery(createOutbox({ adapter: memory, name: dbName() })) });
    expect(await store.recover()).to.equal(false);
    expect(store.getState().status).to.equal('idle');
  });

  it('progress snapshots go through the outbox, only the latest one', async () => {
    const memory = createMemoryAdapter();
    memory.fail('saveProgress', 'network');
    const outbox = createOutbox({ adapter: memory, name: dbName(), retry: { baseMs: 60_000, capMs: 60_000 } });
    const store = createExitStore({ context: contextFor(), adapter: memory, delivery: outboxDelivery(outbox) });
    for (let i = 1; i <= 5; i += 1) store.setProgress(progressAt(i));
    const kept = () => outbox.entries().filter((e) => e.kind === 'progress');
    // The newest is written last: once it is there, every write is done.
    await until(() => kept().some((e) => (e.body as ProgressSnapshot).answered === 5), 'the newest snapshot in the outbox');
    // An older one stays only if a send of it was already tried (and failed): what was never tried is dropped.
    const older = kept().filter((e) => (e.body as ProgressSnapshot).answered !== 5);
    expect(older.map((e) => e.attempts > 0), 'older snapshots left: tried ones only').to.deep.equal(older.map(() => true));
    expect(older.length).to.be.at.most(1);
    outbox.stop();
  });
});
