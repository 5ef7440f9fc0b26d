import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DeletionReceiptSchema, newUuid } from '@ai-interview-exit/core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileTransport } from '@ai-interview-exit/server';
import { HR_TOKEN, eventReader, exitRecord, memoryTransport, progressAt, registerCandidate, rows, startServer, tracesOf, untraced, type Candidate, type TestServer } from './helpers.js';

/** A candidate's personal values: each person's are their own, so a search for one finds no one else's. */
interface Person { name: string; phone: string; email: string; freeText: string; handoff: string }
const WANG: Person = { name: '王小明', phone: '13911112222', email: 'wang.xm@example.com', freeText: '家里临时有急事需要马上处理', handoff: '请帮我把面试改到下周三下午' };
const LI: Person = { name: '李四', phone: '13733334444', email: 'li.si@example.com', freeText: '通勤时间太长了不想去', handoff: '想问一下薪资范围' };
const valuesOf = (p: Person) => [p.name, p.phone, p.email, p.freeText, p.handoff];

/** Written by an exit that arrives after the request. */
const LATE_TEXT = '后来才写的退出原因';

describe('deletion requests (R10, PIPL)', () => {
  let server: TestServer;
  before(async () => {
    // The memory transport stands for a gateway; the file transport keeps copies, which an erasure must reach.
    const dir = mkdtempSync(join(tmpdir(), 'aie-deletion-'));
    const memory = memoryTransport();
    server = await startServer({ dir, transports: [memory, createFileTransport(join(dir, 'notifications.jsonl'))] });
    server.transport = memory;
  });
  after(() => server.cleanup());

  /** A candidate who left every kind of trace: progress, an exit with free text, a code, a hand-off, notifications. */
  async function busyCandidate(person: Person, candidateRef = `cand-${newUuid().slice(0, 8)}`): Promise<Candidate> {
    const c = await registerCandidate(server, { candidateName: person.name, phone: person.phone, email: person.email, candidateRef });
    await server.post('/v1/progress', progressAt(6, 10, 'professional', c.interviewId), c.token);
    await server.post('/v1/exits', exitRecord(c, { reason: { code: 'not-interested', text: person.freeText } }), c.token);
    await server.post('/v1/verification/send', { interviewId: c.interviewId, candidateRef: c.candidateRef, channel: 'sms' }, c.token);
    await server.post('/v1/handoffs', { interviewId: c.interviewId, candidateRef: c.candidateRef, topic: 'reschedule', message: person.handoff }, c.token);
    await server.post('/v1/follow-ups', { interviewId: c.interviewId, candidateRef: c.candidateRef, reasonCode: 'mis-click', kind: 'send-guide' }, c.token);
    await server.app.notifications.flush();
    return c;
  }
  const request = (c: Candidate, scope: 'anonymise' | 'delete', idempotencyKey = newUuid()) => ({
    idempotencyKey, interviewId: c.interviewId, candidateRef: c.candidateRef, scope, requestedAt: server.clock.now().toISOString(),
  });

  it('anonymise: no personal value of the candidate is left in any table, file or log, while progress and reason codes stay', async () => {
    const candidate = await busyCandidate(WANG);
    // A second interview of the same person (same candidateRef) is covered by the same request.
    const againText = '第二次面试也要退出，身体原因';
    const again = await registerCandidate(server, { candidateName: WANG.name, phone: WANG.phone, email: WANG.email, candidateRef: candidate.candidateRef });
    await server.post('/v1/exits', exitRecord(again, { reason: { code: 'emergency', text: againText } }), again.token);
    const bystander = await busyCandidate(LI);
    await server.app.notifications.flush();
    const personal = [...valuesOf(WANG), againText];
    // The same search finds every value first, in a table and in the notifications file: it is a search that can fail.
    assert.deepEqual(untraced(server, personal), [], 'stored before');
    assert.ok(tracesOf(server, [WANG.name, WANG.freeText]).some((line) => line.endsWith('file notifications.jsonl')), 'notified before');

    const answer = await server.post('/v1/deletion-requests', request(candidate, 'anonymise'), candidate.token);
    assert.equal(answer.status, 201);

    assert.deepEqual(tracesOf(server, personal), [], 'left after the request');
    // Only this candidate's data went: the bystander's values are all still there.
    assert.deepEqual(untraced(server, valuesOf(LI)), []);

    // What is not personal stays for statistics.
    const progress = rows<{ snapshot_json: string }>(server.dbPath, 'SELECT snapshot_json FROM progress WHERE interview_id = ?', candidate.interviewId);
    assert.equal(JSON.parse(progress[0]!.snapshot_json).answered, 6);
    const exits = rows<{ reason_code: string; reason_text: string; progress_json: string; candidate_ref: string }>(
      server.dbPath, 'SELECT * FROM exits WHERE interview_id IN (?, ?) ORDER BY reason_code', candidate.interviewId, again.interviewId);
    assert.deepEqual(exits.map((e) => [e.reason_code, e.reason_text]), [['emergency', ''], ['not-interested', '']]);
    assert.ok(exits.every((e) => e.progress_json && e.candidate_ref === candidate.candidateRef), 'anonymise keeps the pseudonymous reference');
    const handoffs = rows<{ topic: string; message: string }>(server.dbPath, 'SELECT topic, message FROM handoffs WHERE interview_id = ?', candidate.interviewId);
    assert.deepEqual(handoffs, [{ topic: 'reschedule', message: '' }]);

    // HR sees the exits without a name; the bystander is untouched.
    const hr = (await server.get('/v1/hr/exits', HR_TOKEN)).json;
    const mine = hr.exits.filter((e: { interviewId: string }) => e.interviewId === candidate.interviewId)[0];
    assert.equal(mine.candidateName, null);
    assert.equal(mine.anonymised, true);
    assert.deepEqual(mine.reason, { code: 'not-interested', text: '' });
    assert.equal(hr.exits.find((e: { interviewId: string }) => e.interviewId === bystander.interviewId).candidateName, LI.name);
  });

  it('answers a receipt with a 15-day deadline, completed; idempotent by key', async () => {
    const candidate = await busyCandidate({ name: '赵六', phone: '13855556666', email: 'zhao.liu@example.com', freeText: '时间冲突', handoff: '请改期' });
    const body = request(candidate, 'anonymise');
    const first = await server.post('/v1/deletion-requests', body, candidate.token);
    const receipt = DeletionReceiptSchema.parse(first.json);
    assert.equal(receipt.status, 'completed');
    assert.equal(receipt.receivedAt, server.clock.now().toISOString());
    assert.equal(Date.parse(receipt.deadline) - Date.parse(receipt.receivedAt), 15 * 86_400_000);
    server.clock.advance(1000);
    const replay = await server.post('/v1/deletion-requests', body, candidate.token);
    assert.equal(replay.status, 200);
    assert.deepEqual(replay.json, first.json);
    const other = await server.post('/v1/deletion-requests', { ...body, scope: 'delete' }, candidate.token);
    assert.equal(other.status, 422);
    assert.equal(other.json.error.code, 'key-reused');
  });

  it('delete: also replaces the candidate reference everywhere, so nothing links to the person', async () => {
    const sun: Person = { name: '孙七', phone: '13577778888', email: 'sun.qi@example.com', freeText: '已经接受了别的工作', handoff: '请删除我的简历' };
    const candidate = await busyCandidate(sun);
    assert.deepEqual(untraced(server, [...valuesOf(sun), candidate.candidateRef]), [], 'stored before');
    const answer = await server.post('/v1/deletion-requests', request(candidate, 'delete'), candidate.token);
    assert.equal(answer.status, 201);
    assert.deepEqual(tracesOf(server, [...valuesOf(sun), candidate.candidateRef]), [], 'left after the request');
    const exits = rows<{ candidate_ref: string; reason_code: string }>(server.dbPath, 'SELECT candidate_ref, reason_code FROM exits WHERE interview_id = ?', candidate.interviewId);
    assert.match(exits[0]!.candidate_ref, /^anon-/);
    assert.equal(exits[0]!.reason_code, 'not-interested');
    assert.equal(rows(server.dbPath, 'SELECT 1 FROM progress WHERE interview_id = ?', candidate.interviewId).length, 1);
  });

  for (const scope of ['anonymise', 'delete'] as const) {
    it(`${scope}: an exit that arrives after the request keeps no free text, and a later hand-off is refused`, async () => {
      const zhou: Person = { name: '周八', phone: '13600001111', email: 'zhou.ba@example.com', freeText: '请求之后才到的退出原因', handoff: '请求之后才写的留言' };
      const candidate = await registerCandidate(server, { candidateName: zhou.name, phone: zhou.phone, email: zhou.email });
      assert.equal((await server.post('/v1/deletion-requests', request(candidate, scope), candidate.token)).status, 201);
      const late = await server.post('/v1/exits', exitRecord(candidate, { reason: { code: 'other', text: zhou.freeText } }), candidate.token);
      assert.equal(late.status, 201);
      const handoff = await server.post('/v1/handoffs', { interviewId: candidate.interviewId, candidateRef: candidate.candidateRef, topic: 'other', message: zhou.handoff }, candidate.token);
      assert.equal(handoff.status, 401);
      await server.app.notifications.flush();
      const exits = rows<{ reason_code: string; reason_text: string }>(server.dbPath, 'SELECT reason_code, reason_text FROM exits WHERE interview_id = ?', candidate.interviewId);
      assert.deepEqual(exits, [{ reason_code: 'other', reason_text: '' }], 'the exit is kept, its code too');
      assert.deepEqual(tracesOf(server, valuesOf(zhou)), []);
      // What went out after the request (HR's push) carries none of it either.
      const sent = server.transport.sent.filter((n) => n.interviewId === candidate.interviewId);
      assert.deepEqual(sent.map((n) => n.kind), ['hr-exit']);
      assert.deepEqual(valuesOf(zhou).filter((value) => JSON.stringify(sent).includes(value)), []);
    });
  }

  it("a later exit's free text reaches neither HR's push nor the live stream", async () => {
    const candidate = await registerCandidate(server, { candidateName: '吴九' });
    await server.post('/v1/deletion-requests', request(candidate, 'anonymise'), candidate.token);
    const controller = new AbortController();
    const stream = await fetch(`${server.url}/v1/hr/stream`, { headers: { authorization: `Bearer ${HR_TOKEN}` }, signal: controller.signal });
    const events = eventReader(stream);
    const late = await server.post('/v1/exits', exitRecord(candidate, { reason: { code: null, text: LATE_TEXT } }), candidate.token);
    assert.equal(late.status, 201);
    const frames = [await events.next((e) => e.event === 'exit'), await events.next((e) => e.event === 'notification')];
    controller.abort();
    await server.app.notifications.flush();
    const pushes = server.transport.sent.filter((n) => n.interviewId === candidate.interviewId);
    assert.deepEqual(pushes.map((n) => n.kind), ['hr-exit']);
    for (const text of [...frames.map((f) => f.data), ...pushes.map((n) => n.text)]) {
      assert.ok(!text.includes(LATE_TEXT) && !text.includes('吴九'), text);
    }
  });

  it('takes the beacon form too', async () => {
    const candidate = await registerCandidate(server);
    const answer = await server.beacon('/v1/deletion-requests', request(candidate, 'anonymise'), candidate.token);
    assert.equal(answer.status, 201);
  });
});
