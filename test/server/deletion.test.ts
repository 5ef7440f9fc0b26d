import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DeletionReceiptSchema, newUuid } from '@ai-interview-exit/core';
import { HR_TOKEN, allText, eventReader, exitRecord, fileBytes, progressAt, registerCandidate, rows, startServer, type Candidate, type TestServer } from './helpers.js';

const FREE_TEXT = '家里临时有急事需要马上处理';
const HANDOFF_TEXT = '请帮我把面试改到下周三下午';

describe('deletion requests (R10, PIPL)', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.cleanup());

  /** A candidate who left every kind of trace: progress, an exit with free text, a code, a hand-off, notifications. */
  async function busyCandidate(name: string, phone: string, email: string, candidateRef = `cand-${newUuid().slice(0, 8)}`): Promise<Candidate> {
    const c = await registerCandidate(server, { candidateName: name, phone, email, candidateRef });
    await server.post('/v1/progress', progressAt(6, 10, 'professional', c.interviewId), c.token);
    await server.post('/v1/exits', exitRecord(c, { reason: { code: 'not-interested', text: FREE_TEXT } }), c.token);
    await server.post('/v1/verification/send', { interviewId: c.interviewId, candidateRef: c.candidateRef, channel: 'sms' }, c.token);
    await server.post('/v1/handoffs', { interviewId: c.interviewId, candidateRef: c.candidateRef, topic: 'reschedule', message: HANDOFF_TEXT }, c.token);
    await server.post('/v1/follow-ups', { interviewId: c.interviewId, candidateRef: c.candidateRef, reasonCode: 'mis-click', kind: 'send-guide' }, c.token);
    await server.app.notifications.flush();
    return c;
  }
  const request = (c: Candidate, scope: 'anonymise' | 'delete', idempotencyKey = newUuid()) => ({
    idempotencyKey, interviewId: c.interviewId, candidateRef: c.candidateRef, scope, requestedAt: server.clock.now().toISOString(),
  });

  it('anonymise: no personal field of the candidate is left in any table or in the file, while progress and reason codes stay', async () => {
    const personal = ['王小明', '13911112222', 'wang.xm@example.com'];
    const candidate = await busyCandidate(personal[0]!, personal[1]!, personal[2]!);
    // A second interview of the same person (same candidateRef) is covered by the same request.
    const again = await registerCandidate(server, { candidateName: personal[0]!, phone: personal[1]!, email: personal[2]!, candidateRef: candidate.candidateRef });
    await server.post('/v1/exits', exitRecord(again, { reason: { code: 'emergency', text: FREE_TEXT } }), again.token);
    const bystander = await busyCandidate('李四', '13733334444', 'li.si@example.com');
    await server.app.notifications.flush();
    const before = allText(server.dbPath).join('\n');
    for (const value of [...personal, FREE_TEXT, HANDOFF_TEXT]) assert.ok(before.includes(value), `stored before: ${value}`);

    const answer = await server.post('/v1/deletion-requests', request(candidate, 'anonymise'), candidate.token);
    assert.equal(answer.status, 201);

    const stored = allText(server.dbPath);
    for (const value of personal) {
      assert.deepEqual(stored.filter((cell) => cell.includes(value)), [], `no ${value} in any table`);
    }
    const ownRows = stored.filter((cell) => cell.includes(candidate.interviewId) || cell.includes(again.interviewId)).join('\n');
    assert.ok(!ownRows.includes(FREE_TEXT) && !ownRows.includes(HANDOFF_TEXT), 'no free text');
    // Not even in the file's free pages or the write-ahead log.
    const raw = Buffer.concat([fileBytes(server.dbPath), fileBytes(`${server.dbPath}-wal`)]);
    for (const value of personal) assert.equal(raw.indexOf(Buffer.from(value)), -1, `${value} left in the file`);

    // What is not personal stays for statistics.
    const progress = rows<{ snapshot_json: string }>(server.dbPath, 'SELECT snapshot_json FROM progress WHERE interview_id = ?', candidate.interviewId);
    assert.equal(JSON.parse(progress[0]!.snapshot_json).answered, 6);
    const exits = rows<{ reason_code: string; reason_text: string; progress_json: string; candidate_ref: string }>(
      server.dbPath, 'SELECT * FROM exits WHERE interview_id IN (?, ?) ORDER BY reason_code', candidate.interviewId, again.interviewId);
    assert.deepEqual(exits.map((e) => [e.reason_code, e.reason_text]), [['emergency', ''], ['not-interested', '']]);
    assert.ok(exits.every((e) => e.progress_json && e.candidate_ref === candidate.candidateRef), 'anonymise keeps the pseudonymous reference');

    // HR sees the exits without a name; the bystander is untouched.
    const hr = (await server.get('/v1/hr/exits', HR_TOKEN)).json;
    const mine = hr.exits.filter((e: { interviewId: string }) => e.interviewId === candidate.interviewId)[0];
    assert.equal(mine.candidateName, null);
    assert.equal(mine.anonymised, true);
    assert.deepEqual(mine.reason, { code: 'not-interested', text: '' });
    assert.equal(hr.exits.find((e: { interviewId: string }) => e.interviewId === bystander.interviewId).candidateName, '李四');
    assert.ok(allText(server.dbPath).some((cell) => cell.includes('13733334444')));
  });

  it('answers a receipt with a 15-day deadline, completed; idempotent by key', async () => {
    const candidate = await busyCandidate('赵六', '13855556666', 'zhao.liu@example.com');
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
    const candidate = await busyCandidate('孙七', '13577778888', 'sun.qi@example.com');
    const answer = await server.post('/v1/deletion-requests', request(candidate, 'delete'), candidate.token);
    assert.equal(answer.status, 201);
    const stored = allText(server.dbPath);
    for (const value of ['孙七', '13577778888', 'sun.qi@example.com', candidate.candidateRef]) {
      assert.deepEqual(stored.filter((cell) => cell.includes(value)), [], `no ${value} in any table`);
    }
    const exits = rows<{ candidate_ref: string; reason_code: string }>(server.dbPath, 'SELECT candidate_ref, reason_code FROM exits WHERE interview_id = ?', candidate.interviewId);
    assert.match(exits[0]!.candidate_ref, /^anon-/);
    assert.equal(exits[0]!.reason_code, 'not-interested');
    assert.equal(rows(server.dbPath, 'SELECT 1 FROM progress WHERE interview_id = ?', candidate.interviewId).length, 1);
  });

  it('an exit that arrives after the request keeps no free text either', async () => {
    const candidate = await registerCandidate(server, { candidateName: '周八' });
    await server.post('/v1/deletion-requests', request(candidate, 'anonymise'), candidate.token);
    const late = await server.post('/v1/exits', exitRecord(candidate, { reason: { code: 'other', text: FREE_TEXT } }), candidate.token);
    assert.equal(late.status, 201);
    const stored = allText(server.dbPath).filter((cell) => cell.includes(candidate.interviewId)).join('\n');
    assert.ok(!stored.includes(FREE_TEXT));
    assert.ok(!allText(server.dbPath).some((cell) => cell.includes('周八')));
  });

  it("a later exit's free text reaches neither HR's push nor the live stream", async () => {
    const candidate = await registerCandidate(server, { candidateName: '吴九' });
    await server.post('/v1/deletion-requests', request(candidate, 'anonymise'), candidate.token);
    const controller = new AbortController();
    const stream = await fetch(`${server.url}/v1/hr/stream`, { headers: { authorization: `Bearer ${HR_TOKEN}` }, signal: controller.signal });
    const events = eventReader(stream);
    const late = await server.post('/v1/exits', exitRecord(candidate, { reason: { code: null, text: FREE_TEXT } }), candidate.token);
    assert.equal(late.status, 201);
    const frames = [await events.next((e) => e.event === 'exit'), await events.next((e) => e.event === 'notification')];
    controller.abort();
    await server.app.notifications.flush();
    const pushes = server.transport.sent.filter((n) => n.interviewId === candidate.interviewId);
    assert.deepEqual(pushes.map((n) => n.kind), ['hr-exit']);
    for (const text of [...frames.map((f) => f.data), ...pushes.map((n) => n.text)]) {
      assert.ok(!text.includes(FREE_TEXT) && !text.includes('吴九'), text);
    }
  });

  it('takes the beacon form too', async () => {
    const candidate = await registerCandidate(server);
    const answer = await server.beacon('/v1/deletion-requests', request(candidate, 'anonymise'), candidate.token);
    assert.equal(answer.status, 201);
  });
});
