import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CodeChallengeSchema,
  DeletionRequestSchema,
  ExitRecordSchema,
  InstantSchema,
  ProgressSnapshotSchema,
  UuidSchema,
  VerifyCodeRequestSchema,
  newUuid,
  progressPercent,
} from '@ai-interview-exit/core';
import { T0, progressAt, recordFor } from '../support/fixtures.js';

const record = recordFor;

describe('schemas at the boundary', () => {
  it('an exit record round-trips unchanged', () => {
    const r = record();
    assert.deepEqual(ExitRecordSchema.parse(JSON.parse(JSON.stringify(r))), r);
  });

  const invalid: [string, unknown][] = [
    ['progress of another interview', record({ progress: progressAt(5, 10, 'professional', 'iv-2') })],
    ['a reason text over the limit', record({ reason: { code: null, text: 'x'.repeat(2001) } })],
    ['an unknown data choice', { ...record(), dataChoice: 'sell' }],
    ['a candidate ref with spaces (names do not belong here)', record({ candidateRef: 'Zhang San' })],
    ['an idempotency key that is not a UUID v4', record({ idempotencyKey: '1234' })],
    ['a time without offset', record({ exitedAt: '2026-11-26 08:00' })],
    ['an impossible date', record({ exitedAt: '2026-13-45T08:00:00Z' })],
  ];
  for (const [name, value] of invalid) {
    it(`refuses ${name}`, () => assert.equal(ExitRecordSchema.safeParse(value).success, false));
  }

  it('progress: answered ≤ total, timings ≤ total, updated after started', () => {
    assert.equal(ProgressSnapshotSchema.safeParse({ ...progressAt(5), answered: 11 }).success, false);
    assert.equal(ProgressSnapshotSchema.safeParse({ ...progressAt(5), questionSeconds: Array(11).fill(1) }).success, false);
    assert.equal(ProgressSnapshotSchema.safeParse({ ...progressAt(5), updatedAt: '2026-11-25T08:00:00.000Z' }).success, false);
    assert.equal(ProgressSnapshotSchema.safeParse({ ...progressAt(5), answered: 2.5 }).success, false);
  });

  it('percent for people: never 100 % before the last answer', () => {
    assert.equal(progressPercent(progressAt(5)), 50);
    assert.equal(progressPercent({ answered: 199, total: 200 }), 99);
    assert.equal(progressPercent({ answered: 0, total: 3 }), 0);
    assert.equal(progressPercent(null), 0);
  });

  it('codes are digits only; a challenge never carries the code', () => {
    assert.equal(VerifyCodeRequestSchema.safeParse({ challengeId: 'c1', code: '12a456' }).success, false);
    assert.equal(VerifyCodeRequestSchema.safeParse({ challengeId: 'c1', code: '123456' }).success, true);
    assert.ok(!Object.keys(CodeChallengeSchema.def.shape).includes('code'));
  });

  it('a deletion request names its scope', () => {
    const base = { idempotencyKey: newUuid(), interviewId: 'iv-1', candidateRef: 'c1', requestedAt: T0 };
    assert.equal(DeletionRequestSchema.safeParse({ ...base, scope: 'anonymise' }).success, true);
    assert.equal(DeletionRequestSchema.safeParse({ ...base, scope: 'keep' }).success, false);
  });

  it('newUuid makes v4 UUIDs, also without crypto.randomUUID (plain-http pages)', () => {
    assert.ok(UuidSchema.safeParse(newUuid()).success);
    const original = globalThis.crypto.randomUUID;
    Object.defineProperty(globalThis.crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const ids = new Set(Array.from({ length: 200 }, newUuid));
      assert.equal(ids.size, 200);
      for (const id of ids) assert.ok(UuidSchema.safeParse(id).success, id);
    } finally {
      Object.defineProperty(globalThis.crypto, 'randomUUID', { value: original, configurable: true });
    }
  });

  it('instants accept what toISOString writes and offsets', () => {
    assert.ok(InstantSchema.safeParse(new Date().toISOString()).success);
    assert.ok(InstantSchema.safeParse('2026-11-26T16:00:00+08:00').success);
  });
});
