import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FollowUpResultSchema, HandoffResultSchema, SaveProgressResultSchema } from '@ai-interview-exit/core';
import { HR_TOKEN, exitRecord, progressAt, registerCandidate, rows, startServer, type TestServer } from './helpers.js';

describe('the HTTP surface', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ corsOrigins: ['https://interview.example.com'] });
  });
  after(() => server.cleanup());

  it('GET /v1/health answers { ok: true }', async () => {
    const answer = await server.get('/v1/health');
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.json, { ok: true });
  });

  it('CORS: an allowed origin gets its preflight answered, any other origin gets no CORS headers', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/v1/exits`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });
    const allowed = await preflight('https://interview.example.com');
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://interview.example.com');
    assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /authorization/);
    const refused = await preflight('https://evil.example.net');
    assert.equal(refused.headers.get('access-control-allow-origin'), null);
    const simple = await fetch(`${server.url}/v1/health`, { headers: { origin: 'https://evil.example.net' } });
    assert.equal(simple.headers.get('access-control-allow-origin'), null);
  });

  it('CORS: the HR stream carries the CORS headers too', async () => {
    const controller = new AbortController();
    const stream = await fetch(`${server.url}/v1/hr/stream?access_token=${HR_TOKEN}`, { headers: { origin: 'https://interview.example.com' }, signal: controller.signal });
    assert.equal(stream.status, 200);
    assert.equal(stream.headers.get('access-control-allow-origin'), 'https://interview.example.com');
    controller.abort();
  });

  it('CORS: nothing is allowed by default', async () => {
    const plain = await startServer();
    try {
      const answer = await fetch(`${plain.url}/v1/health`, { headers: { origin: 'https://interview.example.com' } });
      assert.equal(answer.headers.get('access-control-allow-origin'), null);
    } finally {
      await plain.cleanup();
    }
  });

  it('a body over 64 KiB answers 413 in the error format', async () => {
    const candidate = await registerCandidate(server);
    const big = exitRecord(candidate, { reason: { code: 'other', text: 'x'.repeat(70 * 1024) } });
    const answer = await server.post('/v1/exits', big, candidate.token);
    assert.equal(answer.status, 413);
    assert.equal(answer.json.error.code, 'invalid-request');
  });

  it('malformed JSON, an unknown path and a text/plain body where no beacon is taken answer in the error format', async () => {
    const candidate = await registerCandidate(server);
    const broken = await server.request('POST', '/v1/exits', { raw: '{"idempotencyKey":', token: candidate.token, headers: { 'content-type': 'application/json' } });
    assert.equal(broken.status, 400);
    assert.equal(broken.json.error.code, 'invalid-request');
    const missing = await server.get('/v1/nothing-here');
    assert.deepEqual([missing.status, missing.json.error.code], [404, 'not-found']);
    const plain = await server.request('POST', '/v1/handoffs', {
      raw: JSON.stringify({ token: candidate.token, body: { interviewId: candidate.interviewId, candidateRef: candidate.candidateRef, topic: 'other', message: '' } }),
      headers: { 'content-type': 'text/plain' },
    });
    assert.equal(plain.status, 415);
    assert.equal(plain.json.error.code, 'invalid-request');
  });

  it('the beacon form (text/plain { token, body }) works on /v1/exits and /v1/progress', async () => {
    const candidate = await registerCandidate(server);
    const beacon = (path: string, body: unknown, token = candidate.token) => server.beacon(path, body, token);
    const record = exitRecord(candidate);
    assert.equal((await beacon('/v1/progress', progressAt(4, 10, 'professional', candidate.interviewId))).status, 200);
    assert.equal((await beacon('/v1/exits', record)).status, 201);
    assert.equal((await server.post('/v1/exits', record, candidate.token)).status, 200, 'a beacon and a fetch are the same exit');
    const forged = await beacon('/v1/exits', exitRecord(candidate), 'not-a-token');
    assert.equal(forged.status, 401);
    const notJson = await server.request('POST', '/v1/exits', { raw: 'hello', headers: { 'content-type': 'text/plain' } });
    assert.equal(notJson.status, 400);
  });

  it('POST /v1/progress keeps the latest snapshot per interview, even when an older one arrives late', async () => {
    const candidate = await registerCandidate(server);
    const newer = progressAt(6, 10, 'professional', candidate.interviewId);
    const older = progressAt(3, 10, 'professional', candidate.interviewId);
    server.clock.advanceTo(newer.updatedAt);
    const saved = SaveProgressResultSchema.parse((await server.post('/v1/progress', newer, candidate.token)).json);
    assert.equal(saved.savedAt, server.clock.now().toISOString());
    await server.post('/v1/progress', older, candidate.token);
    const stored = rows<{ snapshot_json: string }>(server.dbPath, 'SELECT snapshot_json FROM progress WHERE interview_id = ?', candidate.interviewId);
    assert.equal(stored.length, 1);
    assert.deepEqual(JSON.parse(stored[0]!.snapshot_json), newer);
    const invalid = await server.post('/v1/progress', { ...newer, answered: 11 }, candidate.token);
    assert.equal(invalid.status, 400);
    assert.match(invalid.json.error.message, /answered/);
  });

  it('POST /v1/follow-ups: recommend-roles suggests a couple of other roles; send-guide writes a notification', async () => {
    const candidate = await registerCandidate(server, { jobType: 'frontline' });
    const ask = (kind: string) => server.post('/v1/follow-ups', { interviewId: candidate.interviewId, candidateRef: candidate.candidateRef, reasonCode: 'not-interested', kind }, candidate.token);
    const roles = FollowUpResultSchema.parse((await ask('recommend-roles')).json);
    assert.equal(roles.status, 'sent');
    assert.equal(roles.roles.length, 2);
    assert.ok(roles.roles.every((role) => !['role-ops-01', 'role-cs-01'].includes(role.id)), 'not the same job type again');
    const guide = FollowUpResultSchema.parse((await ask('send-guide')).json);
    assert.deepEqual(guide, { status: 'sent', roles: [] });
    await server.app.notifications.flush();
    const sent = server.transport.sent.find((n) => n.kind === 'interview-guide' && n.interviewId === candidate.interviewId);
    assert.ok(sent);
    assert.equal(sent.to, 'zhang.san@example.com');
    assert.equal(rows(server.dbPath, 'SELECT * FROM follow_ups WHERE interview_id = ?', candidate.interviewId).length, 2);
  });

  it('the role catalogue comes from the server options', async () => {
    const custom = await startServer({ roleCatalogue: [{ id: 'r-1', title: '仓库管理员' }, { id: 'r-2', title: '配送员' }, { id: 'r-3', title: '收银员' }] });
    try {
      const candidate = await registerCandidate(custom);
      const answer = await custom.post('/v1/follow-ups', { interviewId: candidate.interviewId, candidateRef: candidate.candidateRef, reasonCode: 'not-interested', kind: 'recommend-roles' }, candidate.token);
      assert.deepEqual(answer.json.roles, [{ id: 'r-1', title: '仓库管理员' }, { id: 'r-2', title: '配送员' }]);
    } finally {
      await custom.cleanup();
    }
  });

  it('POST /v1/handoffs stores the request and answers a ticket id', async () => {
    const candidate = await registerCandidate(server);
    const answer = await server.post('/v1/handoffs', { interviewId: candidate.interviewId, candidateRef: candidate.candidateRef, topic: 'reschedule', message: '想改时间' }, candidate.token);
    const result = HandoffResultSchema.parse(answer.json);
    assert.equal(result.status, 'queued');
    const stored = rows<{ ticket_id: string; topic: string }>(server.dbPath, 'SELECT * FROM handoffs WHERE interview_id = ?', candidate.interviewId);
    assert.deepEqual(stored.map((r) => [r.ticket_id, r.topic]), [[result.ticketId, 'reschedule']]);
  });

  it('logs no personal data and no token', async () => {
    const candidate = await registerCandidate(server, { candidateName: '钱九', phone: '13122223333' });
    await server.post('/v1/exits', exitRecord(candidate, { reason: { code: 'other', text: '不想说的原因' } }), candidate.token);
    await fetch(`${server.url}/v1/hr/stream?access_token=${HR_TOKEN}`).then((r) => r.body?.cancel());
    const logs = server.logs.join('\n');
    assert.ok(logs.includes('request completed'), 'the logger was on');
    for (const secret of ['钱九', '13122223333', '不想说的原因', candidate.token, HR_TOKEN]) assert.ok(!logs.includes(secret), `"${secret}" in the logs`);
    assert.match(logs, /access_token=\[redacted\]/);
  });
});
