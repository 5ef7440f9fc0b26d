import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newUuid } from '@ai-interview-exit/core';
import { HrExitRowSchema, HrExitsResponseSchema } from '@ai-interview-exit/core/insights';
import { HR_TOKEN, eventReader, exitRecord, progressAt, registerCandidate, startServer, type TestServer } from './helpers.js';

describe('GET /v1/hr/exits (R24, R26, R16)', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ config: { report: { exitRateThreshold: 0.3, minInterviews: 1 } } });
    // Four front-line interviews begun, two exits (50 % > 30 %: an alert); two office interviews, one exit.
    const frontline = [];
    for (let i = 0; i < 4; i += 1) frontline.push(await registerCandidate(server, { jobType: 'frontline', roleTitle: '门店店员', candidateName: `前线${i}` }));
    const office = [await registerCandidate(server, { jobType: 'office', roleTitle: '行政助理' }), await registerCandidate(server, { jobType: 'office', roleTitle: '行政助理' })];
    // An interview counts as started once the candidate answers (a registration alone is an invitation).
    for (const c of [...frontline, ...office]) await server.post('/v1/progress', progressAt(1, 10, 'self-introduction', c.interviewId), c.token);
    await server.post('/v1/exits', exitRecord(frontline[0]!, { exitedAt: '2026-11-26T01:00:00.000Z' }), frontline[0]!.token);
    server.clock.advanceTo('2026-11-27T03:00:00.000Z');
    // A "mis-click" at 9 of 10 questions: flagged for HR, not trusted (R16).
    await server.post('/v1/exits', exitRecord(frontline[1]!, {
      exitedAt: '2026-11-27T03:00:00.000Z', reason: { code: 'mis-click', text: '' },
      progress: { interviewId: frontline[1]!.interviewId, stage: 'professional', answered: 9, total: 10, questionSeconds: Array(9).fill(300), startedAt: '2026-11-27T02:00:00.000Z', updatedAt: '2026-11-27T02:45:00.000Z' },
    }), frontline[1]!.token);
    server.clock.advanceTo('2026-11-28T10:00:00.000Z');
    await server.post('/v1/exits', exitRecord(office[0]!, { jobType: 'office', exitedAt: '2026-11-28T10:00:00.000Z', reason: null, hrReview: true }), office[0]!.token);
  });
  after(() => server.cleanup());

  it('lists every exit with name, role, progress, time, reason and review status, matching the core schema', async () => {
    const answer = await server.get('/v1/hr/exits', HR_TOKEN);
    assert.equal(answer.status, 200);
    const body = HrExitsResponseSchema.parse(answer.json);
    assert.equal(body.exits.length, 3);
    assert.deepEqual(body.exits.map((e) => e.exitedAt), ['2026-11-28T10:00:00.000Z', '2026-11-27T03:00:00.000Z', '2026-11-26T01:00:00.000Z'], 'newest first');
    const first = body.exits.at(-1)!;
    assert.equal(first.candidateName, '前线0');
    assert.equal(first.roleTitle, '门店店员');
    assert.deepEqual(first.reason, { code: 'not-interested', text: '' });
    assert.equal(first.review, 'none');
    assert.equal(body.exits[0]!.review, 'pending');
    assert.equal(body.exits[0]!.reason, null);
    assert.equal(first.progress?.answered, 5);
  });

  it('computes insights with the begun interviews as the denominator', async () => {
    const { insights } = (await server.get('/v1/hr/exits', HR_TOKEN)).json;
    assert.equal(insights.total, 3);
    assert.deepEqual(insights.byRole, [
      { key: 'frontline', exits: 2, started: 4, rate: 0.5 },
      { key: 'office', exits: 1, started: 2, rate: 0.5 },
    ]);
    assert.deepEqual(insights.alerts.map((a: { jobType: string }) => a.jobType), ['frontline', 'office']);
    const flagged = Object.values(insights.flags).flat() as { rule: string }[];
    assert.deepEqual(flagged.map((f) => f.rule), ['late-mis-click']);
    // Days in the report's time zone (Asia/Shanghai): 01:00 UTC on the 26th is the 26th, 10:00 UTC on the 28th the 28th.
    assert.deepEqual(insights.overTime.map((d: { date: string }) => d.date), ['2026-11-26', '2026-11-27', '2026-11-28']);
  });

  it('filters by job type and by dates (days in the report time zone, or instants)', async () => {
    const byRole = HrExitsResponseSchema.parse((await server.get('/v1/hr/exits?jobType=office', HR_TOKEN)).json);
    assert.deepEqual(byRole.exits.map((e) => e.jobType), ['office']);
    const days = HrExitsResponseSchema.parse((await server.get('/v1/hr/exits?from=2026-11-27&to=2026-11-27', HR_TOKEN)).json);
    assert.deepEqual(days.exits.map((e) => e.exitedAt), ['2026-11-27T03:00:00.000Z']);
    const instants = HrExitsResponseSchema.parse((await server.get('/v1/hr/exits?from=2026-11-26T00:00:00.000Z&to=2026-11-27T00:00:00Z', HR_TOKEN)).json);
    assert.deepEqual(instants.exits.map((e) => e.exitedAt), ['2026-11-26T01:00:00.000Z']);
    const bad = await server.get('/v1/hr/exits?from=yesterday', HR_TOKEN);
    assert.equal(bad.status, 400);
    assert.match(bad.json.error.message, /from/);
  });
});

describe('GET /v1/hr/stream (R13, R28)', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ ssePingMs: 50 });
  });
  after(() => server.cleanup());

  it('delivers `event: exit` with the HR row of a new exit as it is stored, and the HR push as `event: notification`', async () => {
    const controller = new AbortController();
    const stream = await fetch(`${server.url}/v1/hr/stream`, { headers: { authorization: `Bearer ${HR_TOKEN}` }, signal: controller.signal });
    assert.equal(stream.status, 200);
    assert.equal(stream.headers.get('cache-control'), 'no-cache, no-transform');
    const candidate = await registerCandidate(server, { candidateName: '张三' });
    const record = exitRecord(candidate);
    const posted = server.post('/v1/exits', record, candidate.token);
    const events = eventReader(stream);
    // On the stream that was open before the exit: live, not read back later. The bound is a generous outer one.
    const exit = await events.next((e) => e.event === 'exit', 30_000);
    const row = JSON.parse(exit.data);
    assert.equal(row.idempotencyKey, record.idempotencyKey);
    assert.equal(row.candidateName, '张三');
    assert.equal(row.roleTitle, '门店店员');
    const push = await events.next((e) => e.event === 'notification', 30_000);
    assert.equal(JSON.parse(push.data).text, '候选人张三已退出面试，原因：对岗位不感兴趣');
    assert.equal((await posted).status, 201);
    controller.abort();
  });

  it('sends a comment line to keep the stream open', async () => {
    const controller = new AbortController();
    const stream = await fetch(`${server.url}/v1/hr/stream?access_token=${HR_TOKEN}`, { signal: controller.signal });
    const ping = await eventReader(stream).next((e) => e.event === 'comment' && e.data === ': ping', 1000);
    assert.equal(ping.data, ': ping');
    controller.abort();
  });

  it('a closed server ends its streams instead of waiting for them', async () => {
    const other = await startServer();
    const stream = await fetch(`${other.url}/v1/hr/stream`, { headers: { authorization: `Bearer ${HR_TOKEN}` } });
    const reading = stream.text();
    await other.cleanup();
    assert.match(await reading, /^: connected/);
  });
});

describe('POST /v1/hr/exits/:key/review (R17)', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.cleanup());

  it('HR marks a pending review done: the row says so, and the interview reads exited', async () => {
    const candidate = await registerCandidate(server);
    const record = exitRecord(candidate, { hrReview: true });
    await server.post('/v1/exits', record, candidate.token);
    assert.equal((await server.get(`/v1/interviews/${candidate.interviewId}/status`, candidate.token)).json.status, 'under-review');

    const answer = await server.post(`/v1/hr/exits/${record.idempotencyKey}/review`, { review: 'done' }, HR_TOKEN);
    assert.equal(answer.status, 200);
    const row = HrExitRowSchema.parse(answer.json);
    assert.equal(row.review, 'done');
    assert.equal(row.idempotencyKey, record.idempotencyKey);
    const listed = HrExitsResponseSchema.parse((await server.get('/v1/hr/exits', HR_TOKEN)).json).exits.find((e) => e.idempotencyKey === record.idempotencyKey);
    assert.equal(listed?.review, 'done');
    assert.equal((await server.get(`/v1/interviews/${candidate.interviewId}/status`, candidate.token)).json.status, 'exited');
    // Twice is the same as once.
    assert.deepEqual((await server.post(`/v1/hr/exits/${record.idempotencyKey}/review`, { review: 'done' }, HR_TOKEN)).json, answer.json);
  });

  it('refuses what cannot be reviewed: no review asked (409), an unknown key (404), a bad key or body (400), no HR token, or a candidate token (401)', async () => {
    const candidate = await registerCandidate(server);
    const record = exitRecord(candidate);
    await server.post('/v1/exits', record, candidate.token);
    const unreviewed = await server.post(`/v1/hr/exits/${record.idempotencyKey}/review`, { review: 'done' }, HR_TOKEN);
    assert.equal(unreviewed.status, 409);
    assert.equal(unreviewed.json.error.code, 'conflict');
    assert.equal((await server.post(`/v1/hr/exits/${newUuid()}/review`, { review: 'done' }, HR_TOKEN)).status, 404);
    assert.equal((await server.post('/v1/hr/exits/not-a-key/review', { review: 'done' }, HR_TOKEN)).status, 400);
    assert.equal((await server.post(`/v1/hr/exits/${record.idempotencyKey}/review`, { review: 'pending' }, HR_TOKEN)).status, 400);
    assert.equal((await server.post(`/v1/hr/exits/${record.idempotencyKey}/review`, { review: 'done' })).status, 401);
    assert.equal((await server.post(`/v1/hr/exits/${record.idempotencyKey}/review`, { review: 'done' }, candidate.token)).status, 401);
  });
});
