// A vendor's own reason travels with its labels (bug 14): the candidate's email, HR's push and the HR
// report read words in the reader's language, and hostile labels stay one bounded line of text.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ARTICLE_POLICY } from '@ai-interview-exit/core/presets';
import { HrExitsResponseSchema } from '@ai-interview-exit/core/insights';
import { HR_TOKEN, exitRecord, registerCandidate, rows, startServer, type TestServer } from './helpers.js';

const COMMUTE = { 'zh-CN': '通勤太远', en: 'Commute too long' };

describe("a vendor reason's labels (bug 14)", () => {
  let server: TestServer;
  before(async () => {
    // The server knows the codes (it believes no other), not their words: those come with each exit.
    server = await startServer({ config: { ...ARTICLE_POLICY, reasons: [{ code: 'not-interested' }, { code: 'commute' }, { code: 'night-shift' }, { code: 'sales' }] } });
    server.clock.advanceTo(exitRecord({ interviewId: 'iv-1', candidateRef: 'c-1' }).exitedAt);
  });
  after(() => server.cleanup());

  async function exitWith(reason: object, locale = 'zh-CN', name = '张三') {
    const candidate = await registerCandidate(server, { candidateName: name });
    const record = exitRecord(candidate, { locale, timeZone: 'Asia/Shanghai', reason: reason as never });
    const answer = await server.post('/v1/exits', record, candidate.token);
    await server.app.notifications.flush();
    const mine = server.transport.sent.filter((n) => n.interviewId === candidate.interviewId);
    const { exits } = HrExitsResponseSchema.parse((await server.get('/v1/hr/exits', HR_TOKEN)).json);
    return {
      answer,
      record,
      email: mine.find((n) => n.kind === 'exit-confirmation')?.text ?? '',
      push: mine.find((n) => n.kind === 'hr-exit')?.text ?? '',
      row: exits.find((e) => e.idempotencyKey === record.idempotencyKey)!,
      stored: rows<{ reason_labels_json: string | null }>(server.dbPath, 'SELECT reason_labels_json FROM exits WHERE idempotency_key = ?', record.idempotencyKey)[0]!,
    };
  }

  it('is stored, returned to HR, and read in the email (candidate\'s language) and the push (the server\'s)', async () => {
    const zh = await exitWith({ code: 'commute', text: '', labels: COMMUTE });
    assert.equal(zh.answer.status, 201);
    assert.deepEqual(JSON.parse(zh.stored.reason_labels_json!), COMMUTE);
    assert.deepEqual(zh.row.reason, { code: 'commute', text: '', labels: COMMUTE });
    assert.match(zh.email, /退出原因：通勤太远。/);
    assert.equal(zh.push, '候选人张三已退出面试，原因：通勤太远');
    const en = await exitWith({ code: 'commute', text: '', labels: COMMUTE }, 'en');
    assert.match(en.email, /Reason: Commute too long\./);
    assert.equal(en.push, '候选人张三已退出面试，原因：通勤太远', "HR's push stays in the server's language");
  });

  it('falls back sensibly: the same language, then zh-CN, then English, then any; the code only without labels', async () => {
    assert.match((await exitWith({ code: 'commute', text: '', labels: { 'en-GB': 'Commute (GB)', 'zh-CN': '通勤' } }, 'en-US')).email, /Reason: Commute \(GB\)\./);
    assert.match((await exitWith({ code: 'commute', text: '', labels: { 'zh-CN': '通勤太远' } }, 'en')).email, /Reason: 通勤太远\./);
    assert.match((await exitWith({ code: 'commute', text: '', labels: { fr: 'Trajet', en: 'Commute' } }, 'zh-CN')).email, /退出原因：Commute。/);
    assert.match((await exitWith({ code: 'commute', text: '', labels: { fr: 'Trajet trop long' } }, 'en')).email, /Reason: Trajet trop long\./);
    const bare = await exitWith({ code: 'sales', text: '' });
    assert.match(bare.email, /退出原因：sales。/);
    assert.equal(bare.stored.reason_labels_json, null);
  });

  it("a built-in code keeps its translation: labels sent with it are not kept; an unknown code goes with its labels", async () => {
    const builtIn = await exitWith({ code: 'not-interested', text: '', labels: { 'zh-CN': '随便写的' } });
    assert.equal(builtIn.answer.status, 201);
    assert.equal(builtIn.stored.reason_labels_json, null);
    assert.equal(builtIn.push, '候选人张三已退出面试，原因：对岗位不感兴趣');
    const unknown = await exitWith({ code: 'made-up', text: '', labels: { 'zh-CN': '伪造' } });
    assert.deepEqual([unknown.row.reason, unknown.stored.reason_labels_json], [{ code: null, text: '' }, null]);
    assert.doesNotMatch(unknown.push, /伪造/);
  });

  it('hostile labels: control characters and line breaks become one line, HTML stays text, and too long or too many are refused', async () => {
    const hostile = await exitWith({ code: 'night-shift', text: '', labels: { 'zh-CN': '夜班\r\nBcc: x@evil.test\u0000\u202e<b>x</b>' } });
    assert.equal(hostile.answer.status, 201);
    assert.equal(hostile.push, '候选人张三已退出面试，原因：夜班 Bcc: x@evil.test <b>x</b>');
    assert.equal(hostile.push.split('\n').length, 1);
    assert.equal(hostile.row.reason!.labels!['zh-CN'], '夜班\r\nBcc: x@evil.test\u0000\u202e<b>x</b>', 'HR gets what was sent, to show as text');

    const candidate = await registerCandidate(server);
    const refused = async (labels: unknown) => (await server.post('/v1/exits', exitRecord(candidate, { reason: { code: 'commute', text: '', labels } as never }), candidate.token)).status;
    assert.equal(await refused({ en: 'x'.repeat(81) }), 400);
    assert.equal(await refused(Object.fromEntries(['en', 'zh-CN', 'fr', 'de', 'ja', 'ko', 'es', 'it', 'pt'].map((l) => [l, 'x']))), 400);
    assert.equal(await refused({ '<script>': 'x' }), 400);
    assert.equal(await refused({ en: 42 }), 400);
    assert.equal(await refused({ en: 'x'.repeat(80) }), 201);
  });
});
