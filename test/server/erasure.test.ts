// Erasure reaches every byte the server wrote (R10, PIPL art. 47): the database file, its
// write-ahead log and shared memory, and the notifications file of the default transports.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { newUuid } from '@ai-interview-exit/core';
import { exitRecord, fileBytes, progressAt, registerCandidate, startServer, type Candidate, type TestServer } from './helpers.js';

// No reason code: a free text alone is what the HR push quotes.
const PERSON = { candidateName: '欧阳娜娜', phone: '13912345678', email: 'ouyang.nana@example.com', freeText: '我需要照顾生病的家人，无法继续', handoff: '请在周五之后再联系我' };
/** Written after the erasure, by an exit the widget was still delivering. */
const LATE_TEXT = '后来补充的退出原因：身体不适';
const BYSTANDER = { candidateName: '司马光明', phone: '13698765432', email: 'sima.gm@example.com', freeText: '公司太远了', handoff: '下个月再约' };

/** Which of `values` the raw bytes of `paths` hold, as UTF-8. */
const found = (paths: string[], values: string[]) => {
  const bytes = Buffer.concat(paths.map(fileBytes));
  return values.filter((value) => bytes.includes(Buffer.from(value, 'utf8')));
};

/** Every file in the server's data directory: the database, `-wal`, `-shm`, and what the transports wrote. */
const filesOf = (server: TestServer) => readdirSync(server.dir).map((name) => join(server.dir, name));

describe('erasure reaches the bytes of every file the server wrote', () => {
  let server: TestServer;
  afterEach(() => server.cleanup());

  /** A candidate who left every kind of trace, through the server's default transports (console and file). */
  async function traces({ freeText, handoff, ...person }: typeof PERSON): Promise<Candidate> {
    const c = await registerCandidate(server, person);
    await server.post('/v1/progress', progressAt(6, 10, 'professional', c.interviewId), c.token);
    await server.post('/v1/verification/send', { interviewId: c.interviewId, candidateRef: c.candidateRef, channel: 'sms' }, c.token);
    await server.post('/v1/exits', exitRecord(c, { reason: { code: null, text: freeText } }), c.token);
    await server.post('/v1/handoffs', { interviewId: c.interviewId, candidateRef: c.candidateRef, topic: 'reschedule', message: handoff }, c.token);
    await server.app.notifications.flush();
    return c;
  }

  for (const scope of ['anonymise', 'delete'] as const) {
    it(`${scope}: no name, phone, email or free text left in the database, its WAL and -shm, or notifications.jsonl`, async () => {
      server = await startServer({ transports: undefined });
      const jsonl = join(server.dir, 'notifications.jsonl');
      const candidate = await traces(PERSON);
      await traces(BYSTANDER);
      const personal = [PERSON.candidateName, PERSON.phone, PERSON.email, PERSON.freeText, PERSON.handoff];
      const database = [server.dbPath, `${server.dbPath}-wal`, `${server.dbPath}-shm`];
      // The same search finds them before, in both places: it is a search that can fail.
      assert.deepEqual(found(database, personal), personal, 'in the database before');
      const notified = personal.slice(0, 4);
      assert.deepEqual(found([jsonl], notified), notified, 'in notifications.jsonl before');

      const request = { idempotencyKey: newUuid(), interviewId: candidate.interviewId, candidateRef: candidate.candidateRef, scope, requestedAt: server.clock.now().toISOString() };
      assert.equal((await server.post('/v1/deletion-requests', request, candidate.token)).status, 201);
      // The widget's exit may still arrive after the request (a beacon overtaken, a retry): it is kept, without its text.
      const late = await server.post('/v1/exits', exitRecord(candidate, { reason: { code: null, text: LATE_TEXT } }), candidate.token);
      assert.equal(late.status, 201);
      await server.app.notifications.flush();

      const files = filesOf(server);
      assert.ok(files.includes(`${server.dbPath}-wal`) && files.includes(jsonl), `the files searched: ${files.map((f) => f.slice(server.dir.length + 1)).join(', ')}`);
      const left = files.map((file) => [file.slice(server.dir.length + 1), found([file], [...personal, LATE_TEXT])] as const).filter(([, values]) => values.length > 0);
      assert.deepEqual(left, [], 'left after the erasure');
      // Only the candidate's data went: the bystander's notifications are still in the file.
      const bystander = [BYSTANDER.candidateName, BYSTANDER.phone, BYSTANDER.email, BYSTANDER.freeText];
      assert.deepEqual(found([jsonl], bystander), bystander);
    });
  }
});

describe('the files that hold personal data are their owner\'s only', () => {
  it('the data directory the server makes is 0700; the database, its -wal and -shm, and notifications.jsonl are 0600', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aie-modes-'));
    const dataDir = join(dir, 'data');
    const server = await startServer({ dir, dbPath: join(dataDir, 'aie.sqlite'), transports: undefined });
    try {
      const candidate = await registerCandidate(server);
      await server.post('/v1/exits', exitRecord(candidate), candidate.token);
      await server.app.notifications.flush();
      const files = ['aie.sqlite', 'aie.sqlite-wal', 'aie.sqlite-shm', 'notifications.jsonl'].map((name) => join(dataDir, name));
      assert.ok(files.every((file) => existsSync(file)), 'written, the write-ahead log included');
      const mode = (path: string) => `0${(statSync(path).mode & 0o777).toString(8)}`;
      assert.deepEqual([dataDir, ...files].map((path) => [path.slice(dir.length + 1), mode(path)]), [
        ['data', '0700'], ['data/aie.sqlite', '0600'], ['data/aie.sqlite-wal', '0600'], ['data/aie.sqlite-shm', '0600'], ['data/notifications.jsonl', '0600'],
      ]);
    } finally {
      await server.cleanup();
    }
  });
});
