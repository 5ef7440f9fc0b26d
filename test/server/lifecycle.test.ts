import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { migrations } from '@ai-interview-exit/server';
import { exitRecord, registerCandidate, rows, startServer } from './helpers.js';

describe('start-up and restart', () => {
  it('migrations run once: a second start on the same file finds the data and applies nothing again', async () => {
    const first = await startServer();
    const candidate = await registerCandidate(first);
    const record = exitRecord(candidate);
    const receipt = (await first.post('/v1/exits', record, candidate.token)).json;
    await first.close();
    const applied = rows<{ version: number }>(first.dbPath, 'SELECT version FROM migrations ORDER BY version');
    assert.deepEqual(applied.map((m) => m.version), migrations.map((m) => m.version));

    const second = await startServer({ dir: first.dir });
    try {
      assert.deepEqual(rows(second.dbPath, 'SELECT version FROM migrations ORDER BY version'), applied);
      // Same secret, same file: the old token still works and the exit is still there.
      const replay = await second.post('/v1/exits', record, candidate.token);
      assert.equal(replay.status, 200);
      assert.deepEqual(replay.json, receipt);
    } finally {
      await second.cleanup();
    }
  });

  it('an exit left half-done by a crash is retried, not stuck in 409', async () => {
    const first = await startServer({ hooks: { onExit: () => new Promise(() => undefined) } });
    const candidate = await registerCandidate(first);
    const record = exitRecord(candidate);
    void first.post('/v1/exits', record, candidate.token).catch(() => undefined);
    while (rows(first.dbPath, 'SELECT 1 FROM exits').length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    // Simulate the crash: the process is gone, its row is left 'processing'.
    first.app.server.closeAllConnections();
    await first.close();
    const second = await startServer({ dir: first.dir });
    try {
      assert.equal((await second.post('/v1/exits', record, candidate.token)).status, 201);
    } finally {
      await second.cleanup();
    }
  });

  it('refuses a config that could trap a candidate', async () => {
    await assert.rejects(startServer({ config: { exitEnabled: false } }), /exit-disabled/);
  });

  it('refuses a short secret', async () => {
    await assert.rejects(startServer({ secret: 'short' }), /secret/);
  });
});
