import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newUuid } from '@ai-interview-exit/core';
import { signInterviewToken, verifyInterviewToken } from '@ai-interview-exit/server';
import { HR_TOKEN, SECRET, exitRecord, progressAt, registerCandidate, rows, startServer, type Candidate, type TestServer } from './helpers.js';

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

  it('are accepted in canonical base64url only: no padding, no standard alphabet, no stray low bits', () => {
    // A token whose signature holds both base64url-only characters, so that the standard alphabet differs from it.
    let n = 0;
    let token = '';
    do token = signInterviewToken(SECRET, { ...input, interviewId: `iv-${(n += 1)}` });
    while (!/[-_]/.test(token.split('.')[1]!));
    const [payload, signature] = token.split('.') as [string, string];
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // 32 bytes take 43 characters; the last one's two low bits are unused, so four characters decode alike.
    const strayBits = signature.slice(0, -1) + alphabet[alphabet.indexOf(signature.at(-1)!) ^ 1];
    const variants = [`${signature}=`, signature.replace(/-/g, '+').replace(/_/g, '/'), strayBits, ` ${signature}`];
    assert.equal(verifyInterviewToken(SECRET, token, now).ok, true);
    for (const variant of variants) {
      assert.deepEqual(Buffer.from(variant, 'base64url').length === 32 || Buffer.from(variant, 'base64').length === 32, true, 'the same bytes');
      assert.equal(verifyInterviewToken(SECRET, `${payload}.${variant}`, now).ok, false, variant);
    }
    assert.equal(verifyInterviewToken(SECRET, `${payload}=.${signature}`, now).ok, false, 'padded payload');
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

  it("another candidate's idempotency key answers 403, never 422: whether a key exists is not told", async () => {
    const [c, d] = [await registerCandidate(server), await registerCandidate(server)];
    const exit = exitRecord(d);
    assert.equal((await server.post('/v1/exits', exit, d.token)).status, 201);
    const taken = await server.post('/v1/exits', exitRecord(c, { idempotencyKey: exit.idempotencyKey }), c.token);
    assert.equal(taken.status, 403, taken.text);
    const request = deletion(d);
    assert.equal((await server.post('/v1/deletion-requests', request, d.token)).status, 201);
    const takenDeletion = await server.post('/v1/deletion-requests', { ...deletion(c), idempotencyKey: request.idempotencyKey }, c.token);
    assert.equal(takenDeletion.status, 403, takenDeletion.text);
    // The owner still gets 422 for its own key with another body, and its receipt for a replay.
    assert.equal((await server.post('/v1/exits', { ...exit, source: 'api' }, d.token)).status, 422);
    assert.equal((await server.post('/v1/exits', exit, d.token)).status, 200);
  });
});

describe('after an erasure request, the candidate\'s tokens open nothing new', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.cleanup());

  it('what the widget sends (the exit, then the deletion) is answered, replays included; anything else is 401', async () => {
    const c = await registerCandidate(server);
    const exit = exitRecord(c);
    const request = { idempotencyKey: newUuid(), interviewId: c.interviewId, candidateRef: c.candidateRef, scope: 'anonymise', requestedAt: server.clock.now().toISOString() };
    assert.equal((await server.post('/v1/exits', exit, c.token)).status, 201);
    const receipt = await server.post('/v1/deletion-requests', request, c.token);
    assert.equal(receipt.status, 201);

    const replay = await server.post('/v1/deletion-requests', request, c.token);
    assert.deepEqual([replay.status, replay.json], [200, receipt.json]);
    assert.equal((await server.beacon('/v1/exits', exit, c.token)).status, 200);
    // A later exit (a beacon overtaken by the deletion) is still recorded, without personal data: an exit is never refused.
    assert.equal((await server.post('/v1/exits', exitRecord(c, { reason: { code: 'other', text: '后来' } }), c.token)).status, 201);

    const refused = await Promise.all([
      server.post('/v1/progress', progressAt(3, 10, 'professional', c.interviewId), c.token),
      server.post('/v1/verification/send', { interviewId: c.interviewId, candidateRef: c.candidateRef, channel: 'sms' }, c.token),
      server.post('/v1/verification/check', { challengeId: 'ch-none', code: '000000' }, c.token),
      server.post('/v1/follow-ups', { interviewId: c.interviewId, candidateRef: c.candidateRef, reasonCode: 'not-interested', kind: 'send-guide' }, c.token),
      server.post('/v1/handoffs', { interviewId: c.interviewId, candidateRef: c.candidateRef, topic: 'reschedule', message: '请回电' }, c.token),
    ]);
    for (const answer of refused) assert.deepEqual([answer.status, answer.json.error.code], [401, 'unauthorized'], answer.text);
  });

  it("a token for an interview the server does not know, of an erased candidate, is 401; one HR registers afterwards works", async () => {
    const c = await registerCandidate(server);
    const request = { idempotencyKey: newUuid(), interviewId: c.interviewId, candidateRef: c.candidateRef, scope: 'anonymise', requestedAt: server.clock.now().toISOString() };
    assert.equal((await server.post('/v1/deletion-requests', request, c.token)).status, 201);
    const iid = `iv-${newUuid().slice(0, 8)}`;
    const unknown = signInterviewToken(SECRET, { interviewId: iid, candidateRef: c.candidateRef, expiresInSeconds: 600, now: server.clock.now() });
    assert.equal((await server.post('/v1/progress', progressAt(3, 10, 'professional', iid), unknown)).status, 401);
    // The person applies again later: HR registers a new interview, and its token is not trapped by the old request.
    const again = await registerCandidate(server, { candidateRef: c.candidateRef });
    assert.equal((await server.post('/v1/progress', progressAt(3, 10, 'professional', again.interviewId), again.token)).status, 200);
  });

  it('holds after "delete" too, which replaces the reference in every row: a token for an unknown interview of that candidate is 401', async () => {
    const c = await registerCandidate(server);
    const request = { idempotencyKey: newUuid(), interviewId: c.interviewId, candidateRef: c.candidateRef, scope: 'delete', requestedAt: server.clock.now().toISOString() };
    assert.equal((await server.post('/v1/deletion-requests', request, c.token)).status, 201);
    const iid = `iv-${newUuid().slice(0, 8)}`;
    const unknown = signInterviewToken(SECRET, { interviewId: iid, candidateRef: c.candidateRef, expiresInSeconds: 600, now: server.clock.now() });
    assert.equal((await server.post('/v1/progress', progressAt(3, 10, 'professional', iid), unknown)).status, 401);
  });

  it('an exit on an unknown interview of an erased candidate is kept without personal data, and opens nothing afterwards', async () => {
    for (const scope of ['anonymise', 'delete'] as const) {
      const c = await registerCandidate(server);
      const request = { idempotencyKey: newUuid(), interviewId: c.interviewId, candidateRef: c.candidateRef, scope, requestedAt: server.clock.now().toISOString() };
      assert.equal((await server.post('/v1/deletion-requests', request, c.token)).status, 201);
      const iid = `iv-${newUuid().slice(0, 8)}`;
      const unknown = signInterviewToken(SECRET, { interviewId: iid, candidateRef: c.candidateRef, expiresInSeconds: 600, now: server.clock.now() });
      const exit = exitRecord({ interviewId: iid, candidateRef: c.candidateRef }, { reason: { code: 'other', text: '新的私人原因' } });
      assert.equal((await server.post('/v1/exits', exit, unknown)).status, 201, scope);
      const stored = rows<{ reason_text: string }>(server.dbPath, 'SELECT reason_text FROM exits WHERE interview_id = ?', iid);
      assert.deepEqual(stored.map((r) => r.reason_text), [''], `${scope}: the free text is not kept`);
      const interview = rows<{ candidate_ref: string; anonymised: number }>(server.dbPath, 'SELECT candidate_ref, anonymised FROM interviews WHERE interview_id = ?', iid)[0]!;
      assert.ok(Number(interview.anonymised) > 0, `${scope}: the new interview is stored as erased`);
      if (scope === 'delete') assert.notEqual(interview.candidate_ref, c.candidateRef, 'delete: the reference is not kept either');
      assert.equal((await server.post('/v1/progress', progressAt(3, 10, 'professional', iid), unknown)).status, 401, `${scope}: the token opens nothing afterwards`);
    }
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
