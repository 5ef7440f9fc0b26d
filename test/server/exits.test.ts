import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ExitReceiptSchema, InterviewStatusSchema, newUuid } from '@ai-interview-exit/core';
import { signInterviewToken } from '@ai-interview-exit/server';
import { SECRET, T0, deferred, exitRecord, lastCode, registerCandidate, rows, startServer, wrongCode, type TestServer } from './helpers.js';

describe('POST /v1/exits: idempotent by key (R11)', () => {
  let server: TestServer;
  const hold = { next: null as Promise<void> | null };
  before(async () => {
    server = await startServer({ config: { cooldownDays: 30 }, hooks: { onExit: () => hold.next ?? undefined } });
  });
  after(() => server.cleanup());

  it('a new exit answers 201 with its receipt; a replay answers 200 with the same receipt', async () => {
    const candidate = await registerCandidate(server);
    const record = exitRecord(candidate);
    const first = await server.post('/v1/exits', record, candidate.token);
    assert.equal(first.status, 201);
    const receipt = ExitReceiptSchema.parse(first.json);
    assert.equal(receipt.idempotencyKey, record.idempotencyKey);
    assert.equal(receipt.status, 'exited');
    assert.equal(receipt.receivedAt, '2026-11-26T08:00:00.000Z');
    assert.equal(receipt.cooldownUntil, '2026-12-26T08:00:00.000Z', '30 days from the server config');

    server.clock.advance(60_000);
    const replay = await server.post('/v1/exits', record, candidate.token);
    assert.equal(replay.status, 200);
    assert.deepEqual(replay.json, first.json);
    // The same record with its keys in another order is the same exit.
    const reordered = Object.fromEntries(Object.entries(record).reverse());
    assert.deepEqual((await server.post('/v1/exits', reordered, candidate.token)).json, first.json);
    assert.equal(rows(server.dbPath, 'SELECT * FROM exits WHERE idempotency_key = ?', record.idempotencyKey).length, 1);
  });

  it('the same key with another body answers 422 key-reused', async () => {
    const candidate = await registerCandidate(server);
    const record = exitRecord(candidate);
    assert.equal((await server.post('/v1/exits', record, candidate.token)).status, 201);
    const other = await server.post('/v1/exits', { ...record, reason: { code: 'emergency', text: '' } }, candidate.token);
    assert.equal(other.status, 422);
    assert.deepEqual(other.json.error.code, 'key-reused');
  });

  it('a key still in flight answers 409 conflict, and the first request completes', async () => {
    const candidate = await registerCandidate(server);
    const record = exitRecord(candidate);
    const gate = deferred();
    hold.next = gate.promise;
    const first = server.post('/v1/exits', record, candidate.token);
    // Wait until the first request has claimed the key.
    while (rows(server.dbPath, "SELECT 1 FROM exits WHERE idempotency_key = ? AND state = 'processing'", record.idempotencyKey).length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const second = await server.post('/v1/exits', record, candidate.token);
    assert.equal(second.status, 409);
    assert.equal(second.json.error.code, 'conflict');
    hold.next = null;
    gate.resolve();
    assert.equal((await first).status, 201);
    assert.equal((await server.post('/v1/exits', record, candidate.token)).status, 200);
  });

  it('a failing hook answers 503 unavailable and frees the key for the retry', async () => {
    const candidate = await registerCandidate(server);
    const record = exitRecord(candidate);
    hold.next = Promise.reject(new Error('vendor system down'));
    hold.next.catch(() => undefined);
    const failed = await server.post('/v1/exits', record, candidate.token);
    hold.next = null;
    assert.equal(failed.status, 503);
    assert.equal(failed.json.error.code, 'unavailable');
    assert.equal(failed.headers.get('retry-after'), '5');
    assert.equal((await server.post('/v1/exits', record, candidate.token)).status, 201);
  });

  it('the interview becomes exited, or under-review when HR reviews the record (R14, R17)', async () => {
    const plain = await registerCandidate(server);
    const before = await server.get(`/v1/interviews/${plain.interviewId}/status`, plain.token);
    assert.deepEqual(before.json, { interviewId: plain.interviewId, status: 'active', exitedAt: null, cooldownUntil: null });
    const record = exitRecord(plain, { exitedAt: server.clock.now().toISOString() });
    await server.post('/v1/exits', record, plain.token);
    const status = InterviewStatusSchema.parse((await server.get(`/v1/interviews/${plain.interviewId}/status`, plain.token)).json);
    assert.equal(status.status, 'exited');
    assert.equal(status.exitedAt, record.exitedAt);
    assert.ok(status.cooldownUntil);

    const reviewed = await registerCandidate(server);
    const answer = await server.post('/v1/exits', exitRecord(reviewed, { hrReview: true }), reviewed.token);
    assert.equal(answer.json.status, 'under-review');
    assert.equal((await server.get(`/v1/interviews/${reviewed.interviewId}/status`, reviewed.token)).json.status, 'under-review');
  });

  it('"verified" is believed only after this server accepted a code for the interview; else the exit stands, unverified and for HR to review (R6)', async () => {
    const claimsOnly = await registerCandidate(server);
    const unbacked = await server.post('/v1/exits', exitRecord(claimsOnly, { verification: 'verified' }), claimsOnly.token);
    assert.equal(unbacked.status, 201, 'the exit is never refused');
    assert.equal(unbacked.json.status, 'under-review');
    const [stored] = rows(server.dbPath, 'SELECT verification, hr_review, review FROM exits WHERE interview_id = ?', claimsOnly.interviewId);
    assert.deepEqual({ ...stored }, { verification: 'unverified', hr_review: 1, review: 'pending' });

    // A code was sent but only a wrong one was tried: still not verified.
    const wrongOnly = await registerCandidate(server);
    const { challengeId: wrongId } = (await server.post('/v1/verification/send', { interviewId: wrongOnly.interviewId, candidateRef: wrongOnly.candidateRef, channel: 'sms' }, wrongOnly.token)).json;
    const wrong = wrongCode(lastCode(server.transport));
    assert.equal((await server.post('/v1/verification/check', { challengeId: wrongId, code: wrong }, wrongOnly.token)).json.status, 'rejected');
    assert.equal((await server.post('/v1/exits', exitRecord(wrongOnly, { verification: 'verified' }), wrongOnly.token)).json.status, 'under-review');

    const verified = await registerCandidate(server);
    const { challengeId } = (await server.post('/v1/verification/send', { interviewId: verified.interviewId, candidateRef: verified.candidateRef, channel: 'sms' }, verified.token)).json;
    const code = lastCode(server.transport);
    assert.equal((await server.post('/v1/verification/check', { challengeId, code }, verified.token)).json.status, 'accepted');
    // The candidate also asked for their data to be deleted, and that request arrived first.
    const deletion = { idempotencyKey: newUuid(), interviewId: verified.interviewId, candidateRef: verified.candidateRef, scope: 'delete', requestedAt: T0 };
    assert.equal((await server.post('/v1/deletion-requests', deletion, verified.token)).status, 201);
    const answer = await server.post('/v1/exits', exitRecord(verified, { verification: 'verified' }), verified.token);
    assert.equal(answer.json.status, 'exited');
    const [kept] = rows(server.dbPath, 'SELECT verification, hr_review FROM exits WHERE interview_id = ?', verified.interviewId);
    assert.deepEqual({ ...kept }, { verification: 'verified', hr_review: 0 });
  });

  it('an exit for an interview the server never registered (a vendor-signed token) is kept', async () => {
    const token = signInterviewToken(SECRET, { interviewId: 'iv-vendor-1', candidateRef: 'c-vendor-1', expiresInSeconds: 3600, now: server.clock.now() });
    const answer = await server.post('/v1/exits', exitRecord({ interviewId: 'iv-vendor-1', candidateRef: 'c-vendor-1' }), token);
    assert.equal(answer.status, 201);
    assert.equal((await server.get('/v1/interviews/iv-vendor-1/status', token)).json.status, 'exited');
  });

  it('an invalid record answers 400 invalid-request naming the first issue', async () => {
    const candidate = await registerCandidate(server);
    const answer = await server.post('/v1/exits', { ...exitRecord(candidate), idempotencyKey: 'not-a-uuid' }, candidate.token);
    assert.equal(answer.status, 400);
    assert.equal(answer.json.error.code, 'invalid-request');
    assert.match(answer.json.error.message, /idempotencyKey/);
  });
});
