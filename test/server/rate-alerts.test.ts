// R26 on real SQLite and HTTP: HR is told once per crossing of a role's exit-rate line (with its
// minimum sample), and when it recovers; a registered or merely opened interview is not "started".
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RateAlertEventSchema } from '@ai-interview-exit/core/insights';
import { HR_TOKEN, eventReader, exitRecord, progressAt, registerCandidate, rows, startServer, type Candidate, type TestServer } from './helpers.js';

const begin = (server: TestServer, candidate: Candidate, answered = 1) =>
  server.post('/v1/progress', progressAt(answered, 10, 'professional', candidate.interviewId), candidate.token);

async function openStream(server: TestServer) {
  const response = await fetch(`${server.url}/v1/hr/stream?access_token=${HR_TOKEN}`);
  const events = eventReader(response);
  await events.next((e) => e.event === 'comment');
  return events;
}

const alertsSent = (server: TestServer) => server.transport.sent.filter((n) => n.kind === 'hr-alert');
const byRole = async (server: TestServer, jobType: string) =>
  ((await server.get('/v1/hr/exits', HR_TOKEN)).json.insights.byRole as { key: string; exits: number; started: number }[]).find((r) => r.key === jobType);

describe('interviews count as started when the candidate begins (R26 denominator)', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.cleanup());

  it('a registered interview, or one opened without an answer, is not started; a first answer or an exit starts it', async () => {
    const [opened, answered, left] = [await registerCandidate(server, { jobType: 'store' }), await registerCandidate(server, { jobType: 'store' }), await registerCandidate(server, { jobType: 'store' })];
    assert.equal((await begin(server, opened, 0)).status, 200, 'the page saved its first snapshot, nothing answered');
    assert.equal((await begin(server, answered, 1)).status, 200);
    assert.equal((await server.post('/v1/exits', exitRecord(left, { jobType: 'store' }), left.token)).status, 201);
    const role = await byRole(server, 'store');
    assert.deepEqual({ exits: role?.exits, started: role?.started }, { exits: 1, started: 2 });
    const began = rows<{ interview_id: string; began_at: string | null }>(server.dbPath, 'SELECT interview_id, began_at FROM interviews WHERE job_type = ?', 'store');
    assert.equal(began.find((r) => r.interview_id === opened.interviewId)?.began_at, null);
  });
});

describe('exit-rate alerts reach HR once per crossing (R26)', () => {
  let server: TestServer;
  before(async () => {
    // 30 % by default; front-line roles alert at 40 %; 5 begun interviews before any alarm.
    server = await startServer({ config: { report: { minInterviews: 5, roleThresholds: { frontline: 0.4 } } } });
  });
  after(() => server.cleanup());

  it('1 exit of 2 begun interviews is no alarm: the minimum sample holds it back', async () => {
    const a = await registerCandidate(server, { jobType: 'office' });
    const b = await registerCandidate(server, { jobType: 'office' });
    await begin(server, b);
    await server.post('/v1/exits', exitRecord(a, { jobType: 'office' }), a.token);
    await server.app.notifications.flush();
    assert.equal(alertsSent(server).length, 0);
    assert.deepEqual((await server.get('/v1/hr/exits', HR_TOKEN)).json.insights.alerts, []);
  });

  it('crossing tells HR once (push, live event, banner); more exits above the line tell nothing; recovery is told too', async () => {
    const events = await openStream(server);
    try {
      const role = 'cashier';
      const people: Candidate[] = [];
      for (let i = 0; i < 6; i += 1) people.push(await registerCandidate(server, { jobType: role, candidateName: `收银${i}` }));
      for (const person of people.slice(1)) await begin(server, person);
      // 0 of 6 → 1 of 6 (17 %) → 2 of 6 (33 % > 30 %): crosses here.
      await server.post('/v1/exits', exitRecord(people[0]!, { jobType: role }), people[0]!.token);
      await server.app.notifications.flush();
      assert.equal(alertsSent(server).length, 0, '17 % is under the line');
      await server.post('/v1/exits', exitRecord(people[1]!, { jobType: role }), people[1]!.token);
      const crossed = RateAlertEventSchema.parse(JSON.parse((await events.next((e) => e.event === 'alert')).data));
      assert.deepEqual(crossed, { jobType: role, state: 'above', rate: 0.333, threshold: 0.3, exits: 2, started: 6 });
      await server.app.notifications.flush();
      assert.equal(alertsSent(server).length, 1);
      assert.equal(alertsSent(server)[0]!.to, 'hr');
      assert.equal(alertsSent(server)[0]!.interviewId, '', 'about a role, not a candidate');
      assert.match(alertsSent(server)[0]!.text, /预警.*cashier.*33%.*30%/, 'in the server\'s HR language, zh-CN by default');
      const { insights } = (await server.get('/v1/hr/exits', HR_TOKEN)).json;
      assert.deepEqual(insights.alerts.map((a: { jobType: string }) => a.jobType), [role], 'the report\'s banner');

      // A third exit while above: no second alert.
      await server.post('/v1/exits', exitRecord(people[2]!, { jobType: role }), people[2]!.token);
      await server.app.notifications.flush();
      assert.equal(alertsSent(server).length, 1, 'once per crossing');

      // Four more begin: 3 of 10 (30 %) is no longer above the line.
      for (let i = 0; i < 4; i += 1) await begin(server, await registerCandidate(server, { jobType: role }));
      const recovered = RateAlertEventSchema.parse(JSON.parse((await events.next((e) => e.event === 'alert')).data));
      assert.equal(recovered.state, 'below');
      assert.deepEqual({ exits: recovered.exits, started: recovered.started, rate: recovered.rate }, { exits: 3, started: 10, rate: 0.3 });
      await server.app.notifications.flush();
      assert.equal(alertsSent(server).length, 2);
      assert.match(alertsSent(server)[1]!.text, /已恢复/);
      assert.deepEqual((await server.get('/v1/hr/exits', HR_TOKEN)).json.insights.alerts, []);
      const state = rows<{ state: string }>(server.dbPath, 'SELECT state FROM rate_alerts WHERE job_type = ?', role);
      assert.deepEqual(state, [{ state: 'below' }]);
    } finally {
      await events.cancel();
    }
  });

  it('a role\'s own line: front-line roles alert at 40 %, not 30 %', async () => {
    const people: Candidate[] = [];
    for (let i = 0; i < 5; i += 1) people.push(await registerCandidate(server, { jobType: 'frontline' }));
    for (const person of people) await begin(server, person);
    await server.post('/v1/exits', exitRecord(people[0]!, { jobType: 'frontline' }), people[0]!.token);
    await server.post('/v1/exits', exitRecord(people[1]!, { jobType: 'frontline' }), people[1]!.token);
    await server.app.notifications.flush();
    assert.equal(alertsSent(server).filter((n) => /frontline|一线/.test(n.text)).length, 0, '2 of 5 is 40 %, not above 40 %');
    await server.post('/v1/exits', exitRecord(people[2]!, { jobType: 'frontline' }), people[2]!.token);
    await server.app.notifications.flush();
    assert.equal(alertsSent(server).length, 3);
  });

  it('the state is in the database: a restart neither repeats an alert nor forgets it', async () => {
    await server.close();
    const again = await startServer({ dir: server.dir, config: { report: { minInterviews: 5, roleThresholds: { frontline: 0.4 } } } });
    try {
      const late = await registerCandidate(again, { jobType: 'frontline' });
      await again.post('/v1/exits', exitRecord(late, { jobType: 'frontline' }), late.token);
      await again.app.notifications.flush();
      assert.equal(again.transport.sent.filter((n) => n.kind === 'hr-alert').length, 0, 'still above: nothing new');
    } finally {
      await again.close();
    }
  });

  it('the HR stream and report refuse a candidate token', async () => {
    const restarted = await startServer({ dir: server.dir });
    try {
      const candidate = await registerCandidate(restarted);
      assert.equal((await restarted.get('/v1/hr/exits', candidate.token)).status, 401);
      const stream = await fetch(`${restarted.url}/v1/hr/stream?access_token=${encodeURIComponent(candidate.token)}`);
      assert.equal(stream.status, 401);
      await stream.body?.cancel();
    } finally {
      await restarted.close();
    }
  });
});

describe('HR\'s language (issue 11, item 4)', () => {
  it('HR\'s pushes follow the configured HR language, whatever the candidate\'s', async () => {
    const server = await startServer({ hrLocale: 'en', config: { report: { minInterviews: 1 } } });
    try {
      const candidate = await registerCandidate(server, { candidateName: 'Li Lei' });
      await server.post('/v1/exits', exitRecord(candidate, { locale: 'zh-CN' }), candidate.token);
      await server.app.notifications.flush();
      const hr = server.transport.sent.filter((n) => n.to === 'hr');
      assert.deepEqual(hr.map((n) => n.kind).sort(), ['hr-alert', 'hr-exit']);
      assert.match(hr.find((n) => n.kind === 'hr-exit')!.text, /^Candidate Li Lei exited the interview\. Reason: Not interested in the role/);
      assert.match(hr.find((n) => n.kind === 'hr-alert')!.text, /^Alert: the exit rate for Front-line is 100%/);
      const candidateMessage = server.transport.sent.find((n) => n.kind === 'exit-confirmation');
      assert.match(candidateMessage!.text, /您已于/, 'the candidate keeps their own language');
    } finally {
      await server.cleanup();
    }
  });
});
