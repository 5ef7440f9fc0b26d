import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newUuid } from '@ai-interview-exit/core';
import { signInterviewToken, verifyInterviewToken } from '@ai-interview-exit/server';
import { HR_TOKEN, SECRET, exitRecord, progressAt, registerCandidate, startServer, type Candidate, type TestServer } from './helpers.js';

describe('interview tokens', () => {
  const now = new Date('2026-11-26T08:00:00.000Z');
  const input = { interviewId: 'iv-1', candidateRef: 'c-1', expiresInSeconds: 600, now };

  it('have the protocol format: base64url(JSON {iid, cref, exp}) "." base64url(HMAC-SHA256)', () => {
    const token = signInterviewToken(SECRET, input);
    const [payload, signature] = token.split('.');
    assert.deepEqual(JSON.parse(Buffer.from(payload!, 'base64url').toString()), { iid: 'iv-1', cref: 'c-1', exp: now.getTime() / 1000 + 600 });
    assert.equal(Buffer.from(signature!, 'base64url').length, 32);
    assert.deepEqual(verifyInterviewToken(SECRET, token, now), { ok: true, claims: { interviewId: 'iv-1', candidateRef: 'c-1', expiresAt: now.getTime() / 1000 + 600 } });
  });

  it('are refused when expired, signed with another secret, tampered with or malformed', () => {
    const token = signInterviewToken(SECRET, input);
    assert.deepEqual(verifyInterviewToken(SECRET, token, new Date(now.getTime() + 600_000)), { ok: false, reason: 'expired' });
    assert.deepEqual(verifyInterviewToken('another-secret-0123456789', token, now), { ok: false, reason: 'bad-signature' });
    const [, signature] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ iid: 'iv-2', cref: 'c-1', exp: 9_999_999_999 })).toString('base64url')}.${signature}`;
    assert.deepEqual(verifyInterviewToken(SECRET, forged, now), { ok: false, reason: 'bad-signature' });
    for (const bad of ['', 'abc', 'a.b.c', `${token}x`]) assert.equal(verifyInterviewToken(SECRET, bad, now).ok, false, bad);
  });
});

describe('candidate endpoints need the token of their own interview', () => {
  let server: TestServer;
  let a: Candidate;
  let b: Candidate;
  before(async () => {
    server = await startServer();
    a = await registerCandidate(server);
    b = await registerCandidate(server);
  });
  after(() => server.cleanup());

  const deletion = (c: Candidate) => ({ idempotencyKey: newUuid(), interviewId: c.interviewId, candidateRef: c.candidateRef, scope: 'anonymise', requestedAt: '2026-11-26T08:00:00.000Z' });

  it("a token for interview A cannot write or read interview B (403 forbidden)", async () => {
    const attempts = [
      server.post('/v1/exits', exitRecord(b), a.token),
      server.post('/v1/progress', progressAt(3, 10, 'professional', b.interviewId), a.token),
      server.get(`/v1/interviews/${b.interviewId}/status`, a.token),
      server.post('/v1/verification/send', { interviewId: b.interviewId, candidateRef: b.candidateRef, channel: 'sms' }, a.token),
      server.post('/v1/deletion-requests', deletion(b), a.token),
      server.post('/v1/follow-ups', { interviewId: b.interviewId, candidateRef: b.candidateRef, reasonCode: 'not-interested', kind: 'recommend-roles' }, a.token),
      server.post('/v1/handoffs', { interviewId: b.interviewId, candidateRef: b.candidateRef, topic: 'reschedule', message: '' }, a.token),
    ];
    for (const answer of await Promise.all(attempts)) {
      assert.equal(answer.status, 403, answer.text);
      assert.equal(answer.json.error.code, 'forbidden');
    }
    // B is untouched.
    assert.equal((await server.get(`/v1/interviews/${b.interviewId}/status`, b.token)).json.status, 'active');
  });

  it("A's token cannot check B's code", async () => {
    const challenge = await server.post('/v1/verification/send', { interviewId: b.interviewId, candidateRef: b.candidateRef, channel: 'sms' }, b.token);
    assert.equal(challenge.status, 200);
    const answer = await server.post('/v1/verification/check', { challengeId: challenge.json.challengeId, code: '000000' }, a.token);
    assert.equal(answer.status, 403);
  });

  it('a body whose candidateRef differs from the token is 403 too', async () => {
    const answer = await server.post('/v1/exits', exitRecord({ interviewId: a.interviewId, candidateRef: 'someone-else' }), a.token);
    assert.equal(answer.status, 403);
    assert.equal(answer.json.error.code, 'forbidden');
  });

  it('no token, a bad signature, or an expired token answer 401 unauthorized', async () => {
    const record = exitRecord(a);
    const missing = await server.post('/v1/exits', record, null);
    const badSignature = await server.post('/v1/exits', record, signInterviewToken('not-the-server-secret!', { ...a, expiresInSeconds: 600, now: server.clock.now() }));
    const expired = signInterviewToken(SECRET, { ...a, expiresInSeconds: 60, now: server.clock.now() });
    server.clock.advance(61_000);
    const late = await server.post('/v1/exits', record, expired);
    const garbage = await server.request('POST', '/v1/exits', { body: record, headers: { authorization: 'Basic abc' } });
    for (const answer of [missing, badSignature, late, garbage]) {
      assert.equal(answer.status, 401, answer.text);
      assert.equal(answer.json.error.code, 'unauthorized');
    }
    assert.match(late.json.error.message, /expired/);
  });
});

describe('HR endpoints need an HR token', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.cleanup());

  it('answer 401 without one or with a wrong one, and work with it', async () => {
    for (const token of [null, 'wrong', `${HR_TOKEN}x`]) {
      assert.equal((await server.get('/v1/hr/exits', token)).status, 401);
      const register = await server.post('/v1/interviews', { interviewId: 'iv-x', candidateRef: 'c-x', candidateName: '李四', contact: {}, jobType: 'frontline', roleTitle: '店员' }, token);
      assert.equal(register.status, 401);
      assert.equal(register.json.error.code, 'unauthorized');
    }
    assert.equal((await server.get('/v1/hr/exits', HR_TOKEN)).status, 200);
  });

  it('a candidate token does not open them', async () => {
    const candidate = await registerCandidate(server);
    assert.equal((await server.get('/v1/hr/exits', candidate.token)).status, 401);
  });

  it('the stream takes the HR token as ?access_token=, and nothing else', async () => {
    const refused = await fetch(`${server.url}/v1/hr/stream?access_token=wrong`);
    assert.equal(refused.status, 401);
    const controller = new AbortController();
    const open = await fetch(`${server.url}/v1/hr/stream?access_token=${HR_TOKEN}`, { signal: controller.signal });
    assert.equal(open.status, 200);
    assert.match(open.headers.get('content-type') ?? '', /^text\/event-stream/);
    controller.abort();
    // The exits list does not take the query form: only the stream needs it.
    assert.equal((await server.get(`/v1/hr/exits?access_token=${HR_TOKEN}`)).status, 401);
  });

  it('registration is idempotent by interviewId: the same details give the same token, other details 422', async () => {
    const body = { interviewId: 'iv-reg', candidateRef: 'c-reg', candidateName: '王五', contact: { phone: '13912345678' }, jobType: 'manager', roleTitle: '店长' };
    const first = await server.post('/v1/interviews', body, HR_TOKEN);
    assert.equal(first.status, 201);
    assert.equal(first.json.expiresAt, '2026-12-03T08:00:00.000Z', '7 days by default');
    const verified = verifyInterviewToken(SECRET, first.json.token, server.clock.now());
    assert.ok(verified.ok && verified.claims.interviewId === 'iv-reg' && verified.claims.candidateRef === 'c-reg');
    server.clock.advance(5_000);
    const replay = await server.post('/v1/interviews', body, HR_TOKEN);
    assert.equal(replay.status, 200);
    assert.deepEqual(replay.json, first.json);
    const changed = await server.post('/v1/interviews', { ...body, roleTitle: '区域经理' }, HR_TOKEN);
    assert.equal(changed.status, 422);
    assert.equal(changed.json.error.code, 'key-reused');
    const invalid = await server.post('/v1/interviews', { ...body, interviewId: 'iv reg' }, HR_TOKEN);
    assert.equal(invalid.status, 400);
    assert.match(invalid.json.error.message, /interviewId/);
  });
});
