import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { startServer, type TestServer } from './helpers.js';

/** The endpoints docs/protocol.md promises, as `METHOD /path` with OpenAPI path parameters. */
function protocolEndpoints(): string[] {
  const doc = readFileSync(new URL('../../docs/protocol.md', import.meta.url), 'utf8');
  return [...doc.matchAll(/^\| `(GET|POST) ([^`?]+)(?:\?[^`]*)?`/gm)].map(([, method, path]) => `${method} ${path!.replace(/:(\w+)/g, '{$1}')}`);
}

describe('GET /v1/openapi.json', () => {
  let server: TestServer;
  let doc: any;
  before(async () => {
    server = await startServer();
    doc = (await server.get('/v1/openapi.json')).json;
  });
  after(() => server.cleanup());

  it('is an OpenAPI 3.1 document', () => {
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(doc.info.title);
    assert.deepEqual(Object.keys(doc.components.securitySchemes).sort(), ['hrAccessToken', 'hrToken', 'interviewToken']);
  });

  it('lists every endpoint of docs/protocol.md', () => {
    const endpoints = protocolEndpoints();
    assert.ok(endpoints.length >= 13, endpoints.join(', '));
    const listed = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item as object).map((method) => `${method.toUpperCase()} ${path}`));
    assert.deepEqual(listed.sort(), endpoints.sort());
  });

  it('gives every body and every JSON answer a schema that resolves', () => {
    const resolve = (ref: string) => doc.components.schemas[ref.replace('#/components/schemas/', '')];
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      for (const [method, operation] of Object.entries<any>(item)) {
        const where = `${method.toUpperCase()} ${path}`;
        const body = operation.requestBody?.content?.['application/json']?.schema;
        if (method === 'post') assert.ok(body && resolve(body.$ref), `${where}: request schema`);
        const ok = Object.entries<any>(operation.responses).filter(([status]) => status.startsWith('2'));
        assert.ok(ok.length > 0, `${where}: a success answer`);
        for (const [status, response] of Object.entries<any>(operation.responses)) {
          const schema = response.content?.['application/json']?.schema;
          if (schema) assert.ok(resolve(schema.$ref), `${where} ${status}: answer schema`);
        }
      }
    }
  });

  it('is generated from the zod schemas, with whole numbers as integers', () => {
    const { ExitRecord, ProgressSnapshot, CodeChallenge, FollowUpResult, HrExitsResponse } = doc.components.schemas;
    assert.ok(ExitRecord.required.includes('idempotencyKey'));
    assert.equal(ProgressSnapshot.properties.answered.type, 'integer');
    assert.equal(CodeChallenge.properties.attemptsLeft.type, 'integer');
    assert.ok(FollowUpResult.required.includes('roles'), 'answers are described as written (output), with defaults filled');
    assert.ok(HrExitsResponse.properties.insights);
    assert.equal(doc.components.schemas.Error.properties.error.properties.code.enum.includes('key-reused'), true);
  });

  it('describes the beacon form on the three outbox endpoints only', () => {
    const beacons = Object.entries<any>(doc.paths).filter(([, item]) => item.post?.requestBody?.content?.['text/plain']).map(([path]) => path);
    assert.deepEqual(beacons.sort(), ['/v1/deletion-requests', '/v1/exits', '/v1/progress']);
  });
});
