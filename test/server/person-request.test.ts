// A request to be interviewed by a person (PIPL art. 24): stored, shown to HR, and compatible with records from before it existed.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ExitRecordSchema, newUuid } from '@ai-interview-exit/core';
import { HrExitsResponseSchema } from '@ai-interview-exit/core/insights';
import { HR_TOKEN, SECRET, exitRecord, registerCandidate, rows, startServer, type TestServer } from './helpers.js';

describe('POST /v1/exits with personRequested', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.cleanup());

  it('is stored, returned by the HR API and named in HR\'s push', async () => {
    const candidate = await registerCandidate(server, { candidateName: '赵六' });
    const record = exitRecord(candidate, { personRequested: true });
    assert.equal((await server.post('/v1/exits', record, candidate.token)).status, 201);
    const [stored] = rows<{ person_requested: number }>(server.dbPath, 'SELECT person_requested FROM exits WHERE idempotency_key = ?', record.idempotencyKey);
    assert.equal(stored!.person_requested, 1);

    const { exits } = HrExitsResponseSchema.parse((await server.get('/v1/hr/exits', HR_TOKEN)).json);
    assert.equal(exits.find((e) => e.idempotencyKey === record.idempotencyKey)!.personRequested, true);

    const [push] = rows<{ text: string }>(server.dbPath, "SELECT text FROM outbox WHERE kind = 'hr-exit' AND interview_id = ?", candidate.interviewId);
    assert.match(push!.text, /真人面试官|a person/);
    // A replay is the same exit; the same key without the request is another record.
    assert.equal((await server.post('/v1/exits', record, candidate.token)).status, 200);
    assert.equal((await server.post('/v1/exits', { ...record, personRequested: false }, candidate.token)).status, 422);

    // Not personal data: an erasure keeps it, so that HR still answers the request.
    const erasure = { idempotencyKey: newUuid(), interviewId: candidate.interviewId, candidateRef: candidate.candidateRef, scope: 'delete', requestedAt: record.exitedAt };
    assert.equal((await server.post('/v1/deletion-requests', erasure, candidate.token)).status, 201);
    const { exits: after } = HrExitsResponseSchema.parse((await server.get('/v1/hr/exits', HR_TOKEN)).json);
    const erased = after.find((e) => e.idempotencyKey === record.idempotencyKey)!;
    assert.deepEqual([erased.anonymised, erased.candidateName, erased.personRequested], [true, null, true]);
  });

  it('a record from an earlier version, without the field, is stored as not asked and replays as before', async () => {
    const candidate = await registerCandidate(server);
    const { personRequested: _dropped, ...old } = exitRecord(candidate);
    const first = await server.post('/v1/exits', old, candidate.token);
    assert.equal(first.status, 201);
    const [stored] = rows<{ person_requested: number; body_hash: string }>(server.dbPath, 'SELECT person_requested, body_hash FROM exits WHERE idempotency_key = ?', old.idempotencyKey);
    assert.equal(stored!.person_requested, 0);
    // The hash an earlier server kept for this body (its parsed record had no such field): the replay below meets it.
    const { personRequested: _default, ...parsedBefore } = ExitRecordSchema.parse(old);
    assert.equal(stored!.body_hash, createHmac('sha256', SECRET).update(['exit', JSON.stringify(parsedBefore)].join('\u0000')).digest('hex'));

    const replay = await server.post('/v1/exits', old, candidate.token);
    assert.equal(replay.status, 200);
    assert.deepEqual(replay.json, first.json);
    // A newer device re-reads the kept record with the default filled in: still the same exit.
    const reread = await server.post('/v1/exits', { ...old, personRequested: false }, candidate.token);
    assert.equal(reread.status, 200);
    assert.deepEqual(reread.json, first.json);

    const { exits } = HrExitsResponseSchema.parse((await server.get('/v1/hr/exits', HR_TOKEN)).json);
    assert.equal(exits.find((e) => e.idempotencyKey === old.idempotencyKey)!.personRequested, false);
  });
});
