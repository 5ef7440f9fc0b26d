import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createConsoleTransport, createFileTransport, type Notification } from '@ai-interview-exit/server';
import { exitRecord, memoryTransport, registerCandidate, rows, startServer, type TestServer } from './helpers.js';

const HR_TEXT = '候选人张三已退出面试，原因：对岗位不感兴趣';

describe('notifications on exit (R13)', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
    // The server's clock at the exits' time, ten minutes into the interview.
    server.clock.advanceTo(exitRecord({ interviewId: 'iv-1', candidateRef: 'c-1' }).exitedAt);
  });
  after(() => server.cleanup());

  it("writes the candidate's confirmation and HR's push to the outbox and delivers both", async () => {
    const candidate = await registerCandidate(server, { candidateName: '张三' });
    const record = exitRecord(candidate, { reason: { code: 'not-interested', text: '' } });
    await server.post('/v1/exits', record, candidate.token);
    const result = await server.app.notifications.flush();
    assert.equal(result.pending, 0);

    const mine = server.transport.sent.filter((n) => n.interviewId === candidate.interviewId);
    assert.deepEqual(mine.map((n) => n.kind).sort(), ['exit-confirmation', 'hr-exit']);
    const hr = mine.find((n) => n.kind === 'hr-exit')!;
    assert.equal(hr.text, HR_TEXT);
    assert.equal(hr.to, 'hr');
    assert.equal(hr.channel, 'push');
    const confirmation = mine.find((n) => n.kind === 'exit-confirmation')!;
    assert.equal(confirmation.channel, 'email');
    assert.equal(confirmation.to, 'zhang.san@example.com');
    // Exit time in the candidate's time zone (08:10 UTC = 16:10 in Shanghai), the reason, and "contact HR".
    assert.equal(confirmation.text, '您已于2026/11/26 16:10成功退出面试。退出原因：对岗位不感兴趣。如需重新安排，请联系HR。');

    const outbox = rows<{ kind: string; state: string; attempts: number; delivered_at: string }>(server.dbPath, 'SELECT * FROM outbox WHERE interview_id = ? ORDER BY kind', candidate.interviewId);
    assert.deepEqual(outbox.map((r) => [r.kind, r.state, r.attempts]), [['exit-confirmation', 'delivered', 1], ['hr-exit', 'delivered', 1]]);
    assert.ok(outbox.every((r) => r.delivered_at));
  });

  it("the candidate's message is in the language they used, HR's in the server's", async () => {
    const candidate = await registerCandidate(server, { candidateName: '张三', email: '' });
    await server.post('/v1/exits', exitRecord(candidate, { locale: 'en', timeZone: 'UTC' }), candidate.token);
    await server.app.notifications.flush();
    const mine = server.transport.sent.filter((n) => n.interviewId === candidate.interviewId);
    const confirmation = mine.find((n) => n.kind === 'exit-confirmation')!;
    assert.equal(confirmation.channel, 'sms', 'no email: by SMS');
    assert.match(confirmation.text, /^You exited the interview at .*08:10.*Reason: Not interested in the role\. To reschedule, please contact HR\.$/);
    assert.equal(mine.find((n) => n.kind === 'hr-exit')!.text, HR_TEXT);
  });

  it('keeps a failed delivery with its attempts and last error, and retries it', async () => {
    const candidate = await registerCandidate(server);
    server.transport.failNext(1_000);
    await server.post('/v1/exits', exitRecord(candidate), candidate.token);
    await server.app.notifications.flush();
    const failed = rows<{ state: string; attempts: number; last_error: string }>(server.dbPath, 'SELECT * FROM outbox WHERE interview_id = ?', candidate.interviewId);
    assert.equal(failed.length, 2);
    for (const row of failed) {
      assert.equal(row.state, 'pending');
      assert.ok(row.attempts >= 1);
      assert.equal(row.last_error, 'memory: gateway down');
    }
    server.transport.failNext(0);
    const result = await server.app.notifications.flush();
    assert.equal(result.pending, 0);
    const delivered = rows<{ state: string; last_error: string | null }>(server.dbPath, 'SELECT * FROM outbox WHERE interview_id = ?', candidate.interviewId);
    assert.deepEqual(delivered.map((r) => [r.state, r.last_error]), [['delivered', null], ['delivered', null]]);
  });
});

describe('the outbox across transports and time', () => {
  it('retries on its timer, and only through the transport that failed', async () => {
    const good = memoryTransport('good');
    const flaky = memoryTransport('flaky');
    flaky.failNext(1);
    const server = await startServer({ transports: [good, flaky], retryIntervalMs: 20 });
    try {
      const candidate = await registerCandidate(server);
      await server.post('/v1/exits', exitRecord(candidate), candidate.token);
      // Past any backoff, on the server's clock; the timer does the rest.
      server.clock.advance(3_600_000);
      const deadline = Date.now() + 2000;
      while (flaky.sent.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      assert.equal(flaky.sent.length, 2);
      assert.equal(good.sent.length, 2, 'no duplicates through the transport that took it');
      const outbox = rows<{ delivered_to: string; state: string }>(server.dbPath, 'SELECT * FROM outbox');
      assert.ok(outbox.every((r) => r.state === 'delivered' && JSON.parse(r.delivered_to).sort().join() === 'flaky,good'));
    } finally {
      await server.cleanup();
    }
  });

  it('delivers what is still pending on the next start', async () => {
    const down = memoryTransport();
    down.failNext(1_000);
    const first = await startServer({ transports: [down] });
    const candidate = await registerCandidate(first);
    await first.post('/v1/exits', exitRecord(candidate), candidate.token);
    await first.app.notifications.flush();
    await first.close();
    const up = memoryTransport();
    const second = await startServer({ dir: first.dir, transports: [up] });
    try {
      await second.app.notifications.flush();
      assert.deepEqual(up.sent.map((n) => n.kind).sort(), ['exit-confirmation', 'hr-exit']);
    } finally {
      await second.cleanup();
    }
  });
});

describe('built-in transports', () => {
  const notification: Notification = {
    id: 'n-1', kind: 'hr-exit', channel: 'sms', to: '13800135678', interviewId: 'iv-1', text: HR_TEXT, createdAt: '2026-11-26T08:00:00.000Z',
  };

  it('console prints the kind and the masked recipient, never the text', async () => {
    const lines: string[] = [];
    await createConsoleTransport({ write: (line) => lines.push(line) }).send(notification);
    assert.deepEqual(lines, ['[notification] hr-exit → 138****5678 (sms)']);
  });

  it('file appends one JSON line per notification', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aie-file-'));
    try {
      const path = join(dir, 'nested', 'notifications.jsonl');
      const transport = createFileTransport(path);
      await transport.send(notification);
      await transport.send({ ...notification, id: 'n-2' });
      const lines = readFileSync(path, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
      assert.deepEqual(lines.map((n) => n.id), ['n-1', 'n-2']);
      assert.equal(lines[0].text, HR_TEXT);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('file erase rewrites the file without the erased interviews, still readable by its owner only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aie-file-'));
    try {
      const path = join(dir, 'notifications.jsonl');
      const transport = createFileTransport(path);
      await transport.send(notification);
      await transport.send({ ...notification, id: 'n-2', interviewId: 'iv-2' });
      // An append and an erasure asked for together: neither loses the other's work.
      await Promise.all([transport.erase!(['iv-1']), transport.send({ ...notification, id: 'n-3', interviewId: 'iv-3' })]);
      const ids = readFileSync(path, 'utf8').trim().split('\n').map((line) => JSON.parse(line).id);
      assert.deepEqual(ids, ['n-2', 'n-3']);
      assert.equal(statSync(path).mode & 0o777, 0o600);
      assert.deepEqual(readdirSync(dir), ['notifications.jsonl'], 'no temporary file left');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
