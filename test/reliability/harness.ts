// Runs in the page: the real outbox and HTTP adapter, one outbox per interview, as a widget would.
import type { ExitRecord } from '@ai-interview-exit/core';
import { createHttpAdapter, createOutbox, type Outbox } from '@ai-interview-exit/core/delivery';

interface Interview {
  interviewId: string;
  candidateRef: string;
  token: string;
}

const outboxes = new Map<string, Outbox>();
/** Entries the server refused for good: the outbox removes them, and says so. */
const refused: string[] = [];
const KNOWN = 'reliability:interviews';

function known(): Interview[] {
  return JSON.parse(localStorage.getItem(KNOWN) ?? '[]') as Interview[];
}

function outboxFor(interview: Interview): Outbox {
  let outbox = outboxes.get(interview.interviewId);
  if (!outbox) {
    const adapter = createHttpAdapter({ baseUrl: location.origin, token: interview.token, timeoutMs: 400 });
    outbox = createOutbox({ adapter, name: `reliability:${interview.interviewId}`, retry: { baseMs: 10, capMs: 150 } });
    outbox.subscribe((event) => event.type === 'rejected' && refused.push(`${event.entry.key}:${event.error}`));
    outbox.start();
    outboxes.set(interview.interviewId, outbox);
  }
  return outbox;
}

function record(interview: Interview, key: string, at: string): ExitRecord {
  return {
    idempotencyKey: key,
    interviewId: interview.interviewId,
    candidateRef: interview.candidateRef,
    jobType: 'frontline',
    stage: 'professional',
    progress: { interviewId: interview.interviewId, stage: 'professional', answered: 3, total: 10, questionSeconds: [60, 75, 90], startedAt: at, updatedAt: at },
    exitedAt: at,
    timeZone: 'UTC',
    locale: 'zh-CN',
    reason: { code: 'emergency', text: '孩子发烧，需要去医院' },
    dataChoice: 'keep',
    source: 'button',
    verification: 'not-required',
    hrReview: false,
    personRequested: false,
  };
}

const api = {
  /** A candidate confirms: the exit is stored, then sent; resolves once stored. */
  async exit(interview: Interview, key: string, at: string) {
    const list = known();
    if (!list.some((i) => i.interviewId === interview.interviewId)) localStorage.setItem(KNOWN, JSON.stringify([...list, interview]));
    const outbox = outboxFor(interview);
    await outbox.enqueue('exit', key, record(interview, key, at));
    void outbox.flush();
  },
  /** A page load: every interview this browser knows gets its outbox back, which flushes. */
  async resume() {
    await Promise.all(known().map((interview) => outboxFor(interview).ready));
  },
  async flushAll() {
    await Promise.all([...outboxes.values()].map((outbox) => outbox.flush()));
  },
  /** Entries still waiting for an acknowledgement, across all outboxes. */
  pending(): number {
    return [...outboxes.values()].reduce((sum, outbox) => sum + outbox.entries().filter((e) => e.state === 'pending').length, 0);
  },
  rejected(): string[] {
    return [...refused];
  },
};

(window as unknown as { reliability: typeof api }).reliability = api;
document.body.dataset.ready = 'true';
