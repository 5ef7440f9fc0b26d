import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CodeChallengeSchema } from '@ai-interview-exit/core';
import { createConsoleTransport } from '@ai-interview-exit/server';
import { allText, lastCode, memoryTransport, registerCandidate, startServer, wrongCode, type Candidate, type TestServer } from './helpers.js';

describe('one-time codes (R6)', () => {
  let server: TestServer;
  const consoleLines: string[] = [];
  const transport = memoryTransport();
  before(async () => {
    server = await startServer({ transports: [transport, createConsoleTransport({ write: (line) => consoleLines.push(line) })] });
  });
  after(() => server.cleanup());

  const send = (c: Candidate, channel: 'sms' | 'email' = 'sms') =>
    server.post('/v1/verification/send', { interviewId: c.interviewId, candidateRef: c.candidateRef, channel }, c.token);
  const check = (c: Candidate, challengeId: string, code: string) => server.post('/v1/verification/check', { challengeId, code }, c.token);

  it('sends a 6-digit code to the registered contact, masked in the answer', async () => {
    const candidate = await registerCandidate(server);
    const answer = await send(candidate);
    assert.equal(answer.status, 200);
    const challenge = CodeChallengeSchema.parse(answer.json);
    assert.equal(challenge.maskedDestination, '138****5678');
    assert.equal(challenge.attemptsLeft, 5);
    assert.equal(challenge.expiresAt, new Date(server.clock.now().getTime() + 5 * 60_000).toISOString());
    assert.equal(challenge.resendAt, new Date(server.clock.now().getTime() + 60_000).toISOString());
    const sent = transport.sent.at(-1)!;
    assert.equal(sent.kind, 'verification-code');
    assert.equal(sent.channel, 'sms');
    assert.equal(sent.to, '13800135678');
    assert.match(sent.text, /\b\d{6}\b/);

    const email = await registerCandidate(server, { phone: '' });
    const byEmail = await send(email, 'email');
    assert.equal(byEmail.json.maskedDestination, 'z***@example.com');
    assert.equal(transport.sent.at(-1)!.to, 'zhang.san@example.com');
  });

  it('accepts the right code once, and says rejected to a wrong one', async () => {
    const candidate = await registerCandidate(server);
    const { challengeId } = (await send(candidate)).json;
    const code = lastCode(transport);
    assert.deepEqual((await check(candidate, challengeId, wrongCode(code))).json, { status: 'rejected', attemptsLeft: 4 });
    assert.deepEqual((await check(candidate, challengeId, code)).json, { status: 'accepted', attemptsLeft: 3 });
  });

  it('a wrong code and an expired code get the identical answer', async () => {
    const first = await registerCandidate(server);
    const second = await registerCandidate(server);
    const one = (await send(first)).json.challengeId;
    const codeOne = lastCode(transport);
    const two = (await send(second)).json.challengeId;
    const codeTwo = lastCode(transport);
    const wrongAnswer = await check(first, one, wrongCode(codeOne));
    server.clock.advance(5 * 60_000);
    const expiredAnswer = await check(second, two, codeTwo);
    assert.equal(wrongAnswer.status, expiredAnswer.status);
    assert.equal(wrongAnswer.text, expiredAnswer.text);
    assert.deepEqual(expiredAnswer.json, { status: 'rejected', attemptsLeft: 4 });
    assert.equal(wrongAnswer.headers.get('content-length'), expiredAnswer.headers.get('content-length'));
  });

  it('locks a challenge after 5 attempts, even for the right code', async () => {
    const candidate = await registerCandidate(server);
    const { challengeId } = (await send(candidate)).json;
    const code = lastCode(transport);
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push((await check(candidate, challengeId, wrongCode(code))).json);
    assert.deepEqual(answers.map((a) => a.status), ['rejected', 'rejected', 'rejected', 'rejected', 'locked']);
    assert.deepEqual(answers.map((a) => a.attemptsLeft), [4, 3, 2, 1, 0]);
    assert.deepEqual((await check(candidate, challengeId, code)).json, { status: 'locked', attemptsLeft: 0 });
  });

  it('a new code replaces the previous one', async () => {
    const candidate = await registerCandidate(server);
    const old = (await send(candidate)).json.challengeId;
    const oldCode = lastCode(transport);
    server.clock.advance(61_000);
    assert.equal((await send(candidate)).status, 200);
    assert.equal((await check(candidate, old, oldCode)).json.status, 'rejected');
  });

  it('rate-limits per interview: one per 60 s and 5 per hour, with Retry-After', async () => {
    const candidate = await registerCandidate(server, { phone: '13700000001' });
    assert.equal((await send(candidate)).status, 200);
    const soon = await send(candidate);
    assert.equal(soon.status, 429);
    assert.equal(soon.json.error.code, 'rate-limited');
    assert.equal(soon.headers.get('retry-after'), '60');
    server.clock.advance(30_000);
    assert.equal((await send(candidate)).headers.get('retry-after'), '30');
    server.clock.advance(31_000);
    for (let i = 2; i <= 5; i += 1) {
      assert.equal((await send(candidate)).status, 200, `send ${i}`);
      server.clock.advance(61_000);
    }
    const sixth = await send(candidate);
    assert.equal(sixth.status, 429);
    // The first send falls out of the hour 3600 s after it; 5 × 61 s have passed since.
    assert.equal(sixth.headers.get('retry-after'), String(3600 - 5 * 61));
    server.clock.advance((3600 - 5 * 61) * 1000);
    assert.equal((await send(candidate)).status, 200);
  });

  it('rate-limits per address across interviews: 10 per hour', async () => {
    const phone = '13600000002';
    const interviews = [await registerCandidate(server, { phone }), await registerCandidate(server, { phone }), await registerCandidate(server, { phone })];
    for (let i = 0; i < 10; i += 1) {
      assert.equal((await send(interviews[i % 2]!)).status, 200, `send ${i + 1}`);
      server.clock.advance(31_000);
    }
    const eleventh = await send(interviews[2]!);
    assert.equal(eleventh.status, 429);
    assert.ok(Number(eleventh.headers.get('retry-after')) > 0);
    // Another address is not affected.
    assert.equal((await send(await registerCandidate(server, { phone: '13600000003' }))).status, 200);
  });

  it('answers 503 unavailable when no contact is registered on that channel', async () => {
    const candidate = await registerCandidate(server, { phone: '', email: '' });
    const answer = await send(candidate);
    assert.equal(answer.status, 503);
    assert.equal(answer.json.error.code, 'unavailable');
  });

  it('answers 404 for an unknown challenge', async () => {
    const candidate = await registerCandidate(server);
    assert.equal((await check(candidate, 'ch-unknown', '123456')).status, 404);
  });

  it('the code never appears in an HTTP answer, a log line, the console or the database', async () => {
    // Its own codes, sent and checked (a wrong one, then the right one) here: whatever ran before, or did not.
    const from = transport.sent.length;
    const addresses = ['13500000001', '13500000002', 'code.leak@example.com'];
    for (const [i, address] of addresses.entries()) {
      const byEmail = address.includes('@');
      const candidate = await registerCandidate(server, byEmail ? { phone: '', email: address } : { phone: address, email: '' });
      const answer = await send(candidate, byEmail ? 'email' : 'sms');
      assert.equal(answer.status, 200, `send ${i + 1}`);
      const code = lastCode(transport);
      await check(candidate, answer.json.challengeId, wrongCode(code));
      await check(candidate, answer.json.challengeId, code);
    }
    const codes = transport.sent.slice(from).filter((n) => n.kind === 'verification-code').map((n) => /\d{6}/.exec(n.text)![0]);
    assert.equal(codes.length, addresses.length);
    assert.ok(server.logs.length > 0, 'the logger was on');
    assert.ok(consoleLines.some((line) => line.includes('verification-code')));
    const stored = allText(server.dbPath).join('\n');
    for (const code of codes) {
      // The code as a whole word: a 6-digit run inside a hash or an id would be a coincidence, not a leak.
      const word = new RegExp(`(?<![0-9a-f])${code}(?![0-9a-f])`);
      for (const body of server.bodies) assert.doesNotMatch(body, word, 'in an HTTP answer');
      for (const line of [...server.logs, ...consoleLines]) assert.doesNotMatch(line, word, 'in a log line');
      assert.doesNotMatch(stored, word, 'in the database');
    }
    for (const line of [...server.logs, ...consoleLines]) {
      for (const address of addresses) assert.ok(!line.includes(address), `no address in clear: ${line}`);
    }
  });
});

describe('one-time codes: a limit per client address', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.cleanup());

  it('60 sends an hour from one client address, over any number of interviews and phones; then 429 with Retry-After', async () => {
    const send = (c: Candidate) => server.post('/v1/verification/send', { interviewId: c.interviewId, candidateRef: c.candidateRef, channel: 'sms' }, c.token);
    for (let i = 0; i < 60; i += 1) {
      const candidate = await registerCandidate(server, { phone: `1370000${String(i).padStart(4, '0')}` });
      assert.equal((await send(candidate)).status, 200, `send ${i + 1}`);
      server.clock.advance(1000);
    }
    const fresh = await registerCandidate(server, { phone: '13799999999' });
    const refused = await send(fresh);
    assert.equal(refused.status, 429);
    assert.equal(refused.json.error.code, 'rate-limited');
    // The first send leaves the hour 3600 s after it; 60 s have passed since.
    assert.equal(refused.headers.get('retry-after'), String(3600 - 60));
    server.clock.advance((3600 - 60) * 1000);
    assert.equal((await send(fresh)).status, 200);
  });

  it('behind a proxy the server is told to trust, each candidate\'s own address is counted, not the proxy\'s', async () => {
    const proxied = await startServer({ trustProxy: true });
    try {
      const send = (c: Candidate, from: string) =>
        fetch(`${proxied.url}/v1/verification/send`, {
          method: 'POST',
          headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json', 'x-forwarded-for': from },
          body: JSON.stringify({ interviewId: c.interviewId, candidateRef: c.candidateRef, channel: 'sms' }),
        });
      for (let i = 0; i < 60; i += 1) {
        const candidate = await registerCandidate(proxied, { phone: `1380000${String(i).padStart(4, '0')}` });
        assert.equal((await send(candidate, '203.0.113.7')).status, 200, `send ${i + 1}`);
        proxied.clock.advance(1000);
      }
      assert.equal((await send(await registerCandidate(proxied, { phone: '13899999998' }), '203.0.113.7')).status, 429, 'the same candidate address is limited');
      assert.equal((await send(await registerCandidate(proxied, { phone: '13899999999' }), '198.51.100.9')).status, 200, 'another one is not');
    } finally {
      await proxied.cleanup();
    }
  });
});
