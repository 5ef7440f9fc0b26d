// R29: POST /v1/nudges keeps each nudge shown to a candidate and what followed, for HR.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newUuid } from '@ai-interview-exit/core';
import { createHttpAdapter } from '@ai-interview-exit/core/delivery';
import { HrExitsResponseSchema } from '@ai-interview-exit/core/insights';
import { HR_TOKEN, registerCandidate, rows, startServer, type Candidate, type TestServer } from './helpers.js';

describe('POST /v1/nudges', () => {
  let server: TestServer;
  let candidate: Candidate;
  before(async () => {
    server = await startServer();
    candidate = await registerCandidate(server, { candidateName: '钱七' });
  });
  after(() => server.cleanup());

  const nudge = (c: Candidate, overrides: Record<string, unknown> = {}) => ({
    id: newUuid(),
    interviewId: c.interviewId,
    candidateRef: c.candidateRef,
    jobType: 'frontline',
    stage: 'professional',
    shownAt: server.clock.now().toISOString(),
    signals: ['exit-hover', 'media-error'],
    score: 1,
    outcome: 'shown',
    ...overrides,
  });
  const stored = (id: string) => rows<{ outcome: string; exit_key: string | null; signals_json: string }>(server.dbPath, 'SELECT outcome, exit_key, signals_json FROM nudges WHERE id = ?', id);

  it('keeps one row per nudge; the outcome only moves on, and a replay is harmless (idempotent by id)', async () => {
    const record = nudge(candidate);
    const first = await server.post('/v1/nudges', record, candidate.token);
    assert.deepEqual([first.status, first.json], [201, { id: record.id, outcome: 'shown' }]);
    assert.equal((await server.post('/v1/nudges', record, candidate.token)).status, 200);
    assert.deepEqual((await server.post('/v1/nudges', { ...record, outcome: 'help' }, candidate.token)).json.outcome, 'help');
    const exitKey = newUuid();
    assert.deepEqual((await server.post('/v1/nudges', { ...record, outcome: 'exited', exitKey }, candidate.token)).json.outcome, 'exited');
    // A late "stayed" (sent before, delivered after) changes nothing.
    const late = await server.post('/v1/nudges', { ...record, outcome: 'stayed' }, candidate.token);
    assert.deepEqual([late.status, late.json.outcome], [200, 'exited']);
    assert.deepEqual(stored(record.id), [{ outcome: 'exited', exit_key: exitKey, signals_json: '["exit-hover","media-error"]' }]);
  });

  it('bad input is 400 with a message that names the field', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ outcome: 'left' }, /outcome/],
      [{ signals: ['bored'] }, /signals\.0/],
      [{ score: 7 }, /score/],
      [{ id: 'not-a-uuid' }, /id/],
      [{ signals: Array(50).fill('idle') }, /signals/],
    ];
    for (const [change, field] of cases) {
      const answer = await server.post('/v1/nudges', nudge(candidate, change), candidate.token);
      assert.equal(answer.status, 400, JSON.stringify(change));
      assert.equal(answer.json.error.code, 'invalid-request');
      assert.match(answer.json.error.message, field);
    }
  });

  it("needs the candidate's own token: none is 401, another interview's is 403, the same id for another interview is 422", async () => {
    const other = await registerCandidate(server);
    const record = nudge(candidate);
    assert.equal((await server.post('/v1/nudges', record, null)).status, 401);
    assert.equal((await server.post('/v1/nudges', record, other.token)).status, 403);
    assert.equal((await server.post('/v1/nudges', record, candidate.token)).status, 201);
    const reused = await server.post('/v1/nudges', nudge(other, { id: record.id }), other.token);
    assert.deepEqual([reused.status, reused.json.error.code], [422, 'key-reused']);
  });

  it('is bounded per interview: a flood is refused with 429', async () => {
    const flooding = await registerCandidate(server);
    const answers = [];
    for (let i = 0; i < 101; i += 1) answers.push((await server.post('/v1/nudges', nudge(flooding), flooding.token)).status);
    assert.equal(answers.filter((s) => s === 201).length, 100);
    assert.equal(answers.at(-1), 429);
  });

  it('logs no personal data, and the HTTP adapter speaks this endpoint', async () => {
    const adapter = createHttpAdapter({ baseUrl: server.url, token: candidate.token });
    const record = nudge(candidate, { outcome: 'stayed' });
    assert.deepEqual(await adapter.recordNudge!(record as never), { id: record.id, outcome: 'stayed' });
    const logged = server.logs.join('\n');
    assert.doesNotMatch(logged, /钱七/);
    assert.doesNotMatch(logged, new RegExp(candidate.candidateRef));
  });

  it("HR's report counts the nudges by outcome, within its filter", async () => {
    const c = await registerCandidate(server, { jobType: 'designer' });
    for (const outcome of ['shown', 'stayed', 'help', 'exited', 'exited']) {
      await server.post('/v1/nudges', nudge(c, { jobType: 'designer', outcome, ...(outcome === 'exited' ? { exitKey: newUuid() } : {}) }), c.token);
    }
    const report = HrExitsResponseSchema.parse((await server.get('/v1/hr/exits?jobType=designer', HR_TOKEN)).json);
    assert.deepEqual(report.nudges, { shown: 5, stayed: 2, help: 1, exited: 2 });
    const none = HrExitsResponseSchema.parse((await server.get('/v1/hr/exits?jobType=nobody', HR_TOKEN)).json);
    assert.deepEqual(none.nudges, { shown: 0, stayed: 0, help: 0, exited: 0 });
  });

  it('a deletion relinks its nudges: the candidate reference is gone from them too', async () => {
    const c = await registerCandidate(server);
    await server.post('/v1/nudges', nudge(c), c.token);
    const request = { idempotencyKey: newUuid(), interviewId: c.interviewId, candidateRef: c.candidateRef, scope: 'delete', requestedAt: server.clock.now().toISOString() };
    assert.equal((await server.post('/v1/deletion-requests', request, c.token)).status, 201);
    assert.deepEqual(rows(server.dbPath, 'SELECT id FROM nudges WHERE candidate_ref = ?', c.candidateRef), []);
  });
});
