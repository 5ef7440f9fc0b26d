// The server compresses what it sends (its JSON, and files an embedding app serves beside it),
// while HR's live stream stays uncompressed and unbuffered: an event still arrives at once.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { createServer } from '@ai-interview-exit/server';
import { HR_TOKEN, SECRET, eventReader, exitRecord, memoryTransport, registerCandidate, startServer, type TestServer } from './helpers.js';

const SCRIPT = `export const greeting = ${JSON.stringify('hello '.repeat(400))};\n`;
const PAGE = `<!doctype html><title>page</title><p>${'words '.repeat(400)}</p>\n`;

describe('compression', () => {
  let dir: string;
  let app: FastifyInstance;
  let url: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aie-compress-'));
    writeFileSync(join(dir, 'widget.min.js'), SCRIPT);
    writeFileSync(join(dir, 'page.html'), PAGE);
    app = await createServer({ secret: SECRET, hrTokens: [HR_TOKEN], dbPath: join(dir, 'aie.sqlite'), transports: [memoryTransport()] });
    // What an embedding app adds after createServer (the demo serves the SDK and its pages this way).
    await app.register(fastifyStatic, { root: dir, prefix: '/sdk/' });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string, acceptEncoding: string) => fetch(`${url}${path}`, { headers: { 'accept-encoding': acceptEncoding } });

  it('sends a script and a page with Brotli when asked, gzip when only gzip is accepted, and as is otherwise', async () => {
    for (const [path, body] of [['/sdk/widget.min.js', SCRIPT], ['/sdk/page.html', PAGE]] as const) {
      const br = await get(path, 'gzip, deflate, br');
      assert.equal(br.headers.get('content-encoding'), 'br', path);
      assert.match(br.headers.get('vary') ?? '', /accept-encoding/i);
      assert.equal(await br.text(), body, 'the same bytes once decoded');
      const gzip = await get(path, 'gzip');
      assert.equal(gzip.headers.get('content-encoding'), 'gzip', path);
      assert.equal(await gzip.text(), body);
      const plain = await get(path, 'identity');
      assert.equal(plain.headers.get('content-encoding'), null, path);
      assert.equal(await plain.text(), body);
    }
  });

  it('compresses the protocol JSON too, but not a tiny answer', async () => {
    const spec = await get('/v1/openapi.json', 'br');
    assert.equal(spec.status, 200);
    assert.equal(spec.headers.get('content-encoding'), 'br');
    assert.equal((await spec.json()).openapi?.startsWith('3'), true);
    const refused = await fetch(`${url}/v1/hr/exits`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(refused.status, 401);
    assert.equal(refused.headers.get('content-encoding'), null, 'under 1 KiB: not worth compressing');
  });

  it('does not inflate a compressed request body: the protocol takes plain JSON', async () => {
    const answer = await fetch(`${url}/v1/interviews`, {
      method: 'POST',
      headers: { authorization: `Bearer ${HR_TOKEN}`, 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify({ interviewId: 'iv-gzip', candidateRef: 'c-gzip', candidateName: '张三', contact: {}, jobType: 'frontline', roleTitle: '门店店员' })),
    });
    assert.equal(answer.status, 400, 'read as JSON, which gzip bytes are not');
  });
});

describe('compression and the HR stream', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.cleanup());

  it('keeps the stream uncompressed and delivers an exit event at once, to a client that accepts Brotli', async () => {
    const controller = new AbortController();
    const stream = await fetch(`${server.url}/v1/hr/stream`, {
      headers: { authorization: `Bearer ${HR_TOKEN}`, 'accept-encoding': 'br, gzip' },
      signal: controller.signal,
    });
    assert.equal(stream.status, 200);
    assert.equal(stream.headers.get('content-encoding'), null);
    const events = eventReader(stream);
    // The first comment flushes at once: nothing holds the stream's bytes back.
    await events.next((e) => e.event === 'comment' && e.data === ': connected', 1000);
    const candidate = await registerCandidate(server);
    const record = exitRecord(candidate);
    const posted = server.post('/v1/exits', record, candidate.token);
    const exit = await events.next((e) => e.event === 'exit', 2000);
    assert.equal(JSON.parse(exit.data).idempotencyKey, record.idempotencyKey);
    assert.equal((await posted).status, 201);
    controller.abort();
  });
});
