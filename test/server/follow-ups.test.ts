// R25 on real SQLite and HTTP: the guide reaches the candidate in their own language, even before
// their exit is stored, and a follow-up's status is `sent` only once its message was delivered.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CatalogueRole, Notification, Transport } from '@ai-interview-exit/server';
import { exitRecord, registerCandidate, rows, startServer, type TestServer } from './helpers.js';

const statusOf = (server: TestServer, interviewId: string) =>
  rows<{ kind: string; status: string }>(server.dbPath, 'SELECT kind, status FROM follow_ups WHERE interview_id = ? ORDER BY id', interviewId);

describe('follow-ups that are true (R25)', () => {
  let server: TestServer;
  let down = false;
  // A mail gateway that is down until the test says otherwise.
  const gateway: Transport & { sent: Notification[] } = {
    name: 'gateway',
    sent: [],
    async send(notification) {
      if (down) throw new Error('gateway down (test)');
      this.sent.push(notification);
    },
  };
  before(async () => {
    server = await startServer({ transports: [gateway] });
  });
  after(() => server.cleanup());

  it('an English candidate gets the English guide, though their exit is not stored yet', async () => {
    const candidate = await registerCandidate(server);
    const answer = await server.post('/v1/follow-ups', { interviewId: candidate.interviewId, candidateRef: candidate.candidateRef, reasonCode: 'mis-click', kind: 'send-guide', locale: 'en' }, candidate.token);
    assert.equal(answer.status, 200);
    await server.app.notifications.flush();
    const guide = gateway.sent.find((n) => n.kind === 'interview-guide' && n.interviewId === candidate.interviewId);
    assert.match(guide!.text, /^Interview guide: /);
  });

  it('without a language in the request (an older widget) the stored exit tells it, else the server\'s', async () => {
    const [english, unknown] = [await registerCandidate(server), await registerCandidate(server)];
    await server.post('/v1/exits', exitRecord(english, { locale: 'en', reason: { code: 'mis-click', text: '' } }), english.token);
    for (const c of [english, unknown]) {
      await server.post('/v1/follow-ups', { interviewId: c.interviewId, candidateRef: c.candidateRef, reasonCode: 'mis-click', kind: 'send-guide' }, c.token);
    }
    await server.app.notifications.flush();
    const textOf = (id: string) => gateway.sent.find((n) => n.kind === 'interview-guide' && n.interviewId === id)!.text;
    assert.match(textOf(english.interviewId), /^Interview guide: /);
    assert.match(textOf(unknown.interviewId), /^面试操作指南/);
  });

  it('a guide is `queued` until delivered, `sent` once it is; roles are `offered`; no contact is `skipped`', async () => {
    down = true;
    const candidate = await registerCandidate(server);
    const ask = (kind: string) => server.post('/v1/follow-ups', { interviewId: candidate.interviewId, candidateRef: candidate.candidateRef, reasonCode: 'not-interested', kind, locale: 'zh-CN' }, candidate.token);
    await ask('send-guide');
    await ask('recommend-roles');
    await server.app.notifications.flush();
    assert.deepEqual(statusOf(server, candidate.interviewId), [{ kind: 'send-guide', status: 'queued' }, { kind: 'recommend-roles', status: 'offered' }], 'nothing delivered yet');
    down = false;
    await server.app.notifications.flush();
    assert.deepEqual(statusOf(server, candidate.interviewId)[0], { kind: 'send-guide', status: 'sent' });

    const unreachable = await registerCandidate(server, { phone: '', email: '' });
    await server.post('/v1/follow-ups', { interviewId: unreachable.interviewId, candidateRef: unreachable.candidateRef, reasonCode: 'mis-click', kind: 'send-guide' }, unreachable.token);
    assert.deepEqual(statusOf(server, unreachable.interviewId), [{ kind: 'send-guide', status: 'skipped' }]);
  });

  it('refuses a locale that is no language tag, and another candidate\'s interview', async () => {
    const [a, b] = [await registerCandidate(server), await registerCandidate(server)];
    const bad = await server.post('/v1/follow-ups', { interviewId: a.interviewId, candidateRef: a.candidateRef, reasonCode: 'mis-click', kind: 'send-guide', locale: '<script>' }, a.token);
    assert.equal(bad.status, 400);
    const other = await server.post('/v1/follow-ups', { interviewId: b.interviewId, candidateRef: b.candidateRef, reasonCode: 'mis-click', kind: 'send-guide' }, a.token);
    assert.equal(other.status, 403);
  });

  it('suggests catalogue roles in the candidate\'s language, with their place and a link to apply', async () => {
    const catalogue: CatalogueRole[] = [
      { id: 'r-cs', title: { 'zh-CN': '客服代表', en: 'Customer service representative' }, jobType: 'office', location: '上海', applyUrl: 'https://jobs.example.com/r-cs' },
      { id: 'r-wh', title: '仓库管理员', jobType: 'warehouse' },
      { id: 'r-fl', title: { 'zh-CN': '操作工' }, jobType: 'frontline' },
    ];
    const custom = await startServer({ roleCatalogue: catalogue });
    try {
      const candidate = await registerCandidate(custom, { jobType: 'frontline' });
      const ask = (locale?: string) => custom.post('/v1/follow-ups', { interviewId: candidate.interviewId, candidateRef: candidate.candidateRef, reasonCode: 'not-interested', kind: 'recommend-roles', ...(locale ? { locale } : {}) }, candidate.token);
      assert.deepEqual((await ask('en')).json.roles, [
        { id: 'r-cs', title: 'Customer service representative', location: '上海', applyUrl: 'https://jobs.example.com/r-cs' },
        { id: 'r-wh', title: '仓库管理员' },
      ]);
      assert.equal((await ask()).json.roles[0].title, '客服代表', 'zh-CN when the language is not known');
    } finally {
      await custom.cleanup();
    }
  });

  it('refuses at start-up a catalogue whose link is not https', async () => {
    await assert.rejects(startServer({ roleCatalogue: [{ id: 'r-1', title: 'x', applyUrl: 'javascript:alert(1)' }] }), /role catalogue was refused/);
  });
});
