// The demo: the reference server on SQLite, the SDK's bundles, and the pages that play the whole
// loop (candidate → confirm → success → HR sees it live). `npm start` runs it.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { createConsoleTransport, createFileTransport, createServer } from '@ai-interview-exit/server';
import type { ExitConfigInput } from '@ai-interview-exit/core';
import { ARTICLE_POLICY } from '@ai-interview-exit/core/presets';
import { createDemoPhone } from './phone.js';
import { ROLE_TITLES, seedDemo } from './seed.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

/**
 * The article's policy, with its assistant (§4.4, R27) where it fits: a manager who wants to leave
 * in the middle of the professional questions is first asked why and offered help. During the
 * professional questions, a candidate who hesitates (R29: the exit button approached three times
 * within a minute, or the connection failing) is offered help by a polite nudge.
 */
export const DEMO_POLICY: ExitConfigInput = {
  ...ARTICLE_POLICY,
  rules: [
    ...(ARTICLE_POLICY.rules ?? []),
    { id: 'assistant-manager-professional', when: { jobTypes: ['manager'], stages: ['professional'] }, then: { helpOffer: true } },
    { id: 'nudge-professional', when: { stages: ['professional'] }, then: { nudge: true } },
  ],
};

/** Demo only: a fixed HR token the HR page asks for. A real HR console signs its users in. */
export const DEMO_HR_TOKEN = 'demo-hr-token';

const NAMES = ['张三', '李四', '王五', '赵六', '陈晨', '刘畅'];
/** A later part of a bundle (`dist/<name>-parts/<part>-<hash>.js`), as the build names it. */
const HASHED_PART = /[\\/][\w-]+-parts[\\/][\w-]+-[\w-]{8}\.js(\.map)?$/;
/** The roles the candidate page offers. */
const CANDIDATE_JOBS = ['frontline', 'manager', 'executive'] as const;

/** The secret that signs interview tokens: AIE_SECRET, else one made once and kept beside the database. */
function secretFor(dataDir: string): string {
  if (process.env.AIE_SECRET) return process.env.AIE_SECRET;
  const file = join(dataDir, 'secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

export interface DemoOptions {
  dbPath?: string;
  /** Notifications to the console too (off in tests). */
  console?: boolean;
  /** Add routes or hooks before the app starts (tests simulate outages with it). */
  configure?: (app: FastifyInstance) => void;
}

export async function createDemoApp(options: DemoOptions = {}) {
  const dbPath = options.dbPath ?? process.env.AIE_DB ?? join(root, '.data', 'demo.sqlite');
  mkdirSync(dirname(dbPath), { recursive: true });
  const phone = createDemoPhone();
  const app = await createServer({
    dbPath,
    secret: secretFor(dirname(dbPath)),
    hrTokens: [DEMO_HR_TOKEN],
    config: DEMO_POLICY,
    transports: [phone, createFileTransport(join(dirname(dbPath), 'notifications.jsonl')), ...(options.console === false ? [] : [createConsoleTransport()])],
  });

  options.configure?.(app);
  const pages = join(here, 'public');
  await app.register(fastifyStatic, { root: pages, prefix: '/', index: 'index.html' });
  await app.register(fastifyStatic, {
    root: join(root, 'dist'),
    prefix: '/sdk/',
    decorateReply: false,
    // A later part's name carries its content's hash: it never changes, so a browser keeps it.
    setHeaders: (reply, path) => {
      if (HASHED_PART.test(path)) reply.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  if (existsSync(join(root, 'storybook-static'))) {
    await app.register(fastifyStatic, { root: join(root, 'storybook-static'), prefix: '/storybook/', decorateReply: false });
  }
  for (const page of ['candidate', 'hr', 'demo'] as const) app.get(`/${page}`, (_request, reply) => reply.sendFile(`${page}.html`, pages));

  // A new interview for the candidate page, registered as a vendor's backend would (HR API).
  let serial = 0;
  app.post('/demo/session', async (request) => {
    const job = ((request.body as { job?: string } | null)?.job ?? 'frontline') as (typeof CANDIDATE_JOBS)[number];
    const jobType = CANDIDATE_JOBS.includes(job) ? job : 'frontline';
    serial += 1;
    const interviewId = `demo-${Date.now().toString(36)}-${serial}`;
    const candidateRef = `cand-${randomBytes(4).toString('hex')}`;
    const candidateName = NAMES[serial % NAMES.length]!;
    const registered = await app.inject({
      method: 'POST',
      url: '/v1/interviews',
      headers: { authorization: `Bearer ${DEMO_HR_TOKEN}` },
      payload: { interviewId, candidateRef, candidateName, contact: { phone: '13812345678', email: 'candidate@example.com' }, jobType, roleTitle: ROLE_TITLES[jobType], stage: 'self-introduction' },
    });
    const { token } = registered.json() as { token: string };
    return { interviewId, candidateRef, candidateName, token, config: DEMO_POLICY };
  });
  app.post('/demo/hr-session', async () => ({ token: DEMO_HR_TOKEN }));
  // A stream: never compressed (nor buffered for it).
  app.get('/demo/phone', { compress: false }, (request, reply) => {
    const interviewId = String((request.query as { interviewId?: string }).interviewId ?? '');
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    phone.stream(interviewId, reply.raw);
  });
  app.addHook('onClose', async () => phone.close());

  await seedDemo(app, DEMO_HR_TOKEN);
  return app;
}
