// The demo sends its pages and the SDK's files compressed, lets browsers keep the hashed later
// parts, and leaves its phone stream uncompressed. Needs the build (`dist/`), as `npm test` runs it.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createDemoApp } from '../../examples/demo/app.js';

describe('the demo serves compressed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aie-demo-serving-'));
  let app: FastifyInstance;
  let base: string;
  before(async () => {
    app = await createDemoApp({ dbPath: join(dir, 'demo.sqlite'), console: false });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string) => fetch(`${base}${path}`, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
  const part = readdirSync(join('dist', 'widget-parts')).find((file) => file.endsWith('.js'))!;

  it('sends the pages, their script and style, and the SDK bundles with Brotli', async () => {
    for (const path of ['/candidate', '/hr', '/candidate.js', '/demo.css', '/sdk/widget.min.js', '/sdk/report.min.js', `/sdk/widget-parts/${part}`]) {
      const answer = await get(path);
      assert.equal(answer.status, 200, path);
      assert.equal(answer.headers.get('content-encoding'), 'br', path);
      await answer.arrayBuffer();
    }
    const widget = await get('/sdk/widget.min.js');
    assert.equal(await widget.text(), readFileSync(join('dist', 'widget.min.js'), 'utf8'));
  });

  it('lets a browser keep a hashed later part for good, and revalidate the first script', async () => {
    const later = await get(`/sdk/widget-parts/${part}`);
    assert.equal(later.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    const first = await get('/sdk/widget.min.js');
    assert.doesNotMatch(first.headers.get('cache-control') ?? '', /immutable/);
  });

  it('leaves the phone stream uncompressed, its first line at once', async () => {
    const stream = await get('/demo/phone?interviewId=nobody');
    assert.equal(stream.headers.get('content-type'), 'text/event-stream');
    assert.equal(stream.headers.get('content-encoding'), null);
    const reader = stream.body!.getReader();
    const first = await reader.read();
    assert.equal(new TextDecoder().decode(first.value), ': connected\n\n');
    await reader.cancel();
  });
});
