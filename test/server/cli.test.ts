import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';

describe('the command line server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aie-cli-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  // A generous outer bound only: a start-up on a loaded machine may take many seconds.
  it('starts from the environment, keeps a generated secret private, and stops cleanly on SIGTERM', { timeout: 120_000 }, async () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', join(root, 'packages/server/src/cli.ts')], {
      cwd: root,
      env: { ...process.env, PORT: '0', AIE_DB: join(dir, 'data', 'aie.sqlite'), AIE_HR_TOKEN: 'hr-cli', AIE_SECRET: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    // Its "listening" line, however long a loaded machine takes to start it; an early exit fails at once.
    const url = await new Promise<string>((resolve, reject) => {
      child.on('exit', (code) => reject(new Error(`exited (${code}) before listening:\n${output}`)));
      child.stdout.on('data', () => {
        const match = /server on (http:\/\/127\.0\.0\.1:\d+)\/v1/.exec(output);
        if (match) resolve(match[1]!);
      });
    });
    const health = await fetch(`${url}/v1/health`);
    assert.deepEqual(await health.json(), { ok: true });
    const hr = await fetch(`${url}/v1/hr/exits`, { headers: { authorization: 'Bearer hr-cli' } });
    assert.equal(hr.status, 200);
    // The data directory it makes, the secret and the database are its owner's only.
    const mode = (name: string) => statSync(join(dir, name)).mode & 0o777;
    const modes = [mode('data'), mode('data/secret'), mode('data/aie.sqlite')];

    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    // Checked once the child is stopped, so that a failure does not leave it running.
    assert.deepEqual(modes, [0o700, 0o600, 0o600]);
  });
});
