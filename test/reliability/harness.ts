// Runs in the page: one real <ai-interview-exit> per interview this browser knows, each with the
// real HTTP adapter and its own IndexedDB outbox, as a candidate's tab would have it. The run
// clicks through the real dialog; this file only mounts, clicks and reports.
import '@ai-interview-exit/elements/define';
import type { DataChoice, ExitConfigInput } from '@ai-interview-exit/core';
import { createHttpAdapter, openIndexedDbStorage } from '@ai-interview-exit/core/delivery';
import type { AiInterviewExit } from '@ai-interview-exit/elements';
import { until } from '../support/wait.js';

interface Interview {
  interviewId: string;
  candidateRef: string;
  token: string;
}

/** What one click through the dialog made: the record's key, and the data request's if one was asked for. */
export interface Confirmed {
  key: string;
  deletionKey: string | null;
}

const KNOWN = 'reliability:interviews';
/** A confirm step, no code and no help offer: the run is about delivery, not the policy. */
const CONFIG: ExitConfigInput = { defaults: { gate: 'confirm', helpOffer: false } };
/** Records refused for good by the server, as the widget reported them. */
const refused: string[] = [];

const known = (): Interview[] => JSON.parse(localStorage.getItem(KNOWN) ?? '[]') as Interview[];
const widgetOf = (interviewId: string) => document.querySelector<AiInterviewExit>(`ai-interview-exit[interview-id="${interviewId}"]`);

function mount(interview: Interview): AiInterviewExit {
  const existing = widgetOf(interview.interviewId);
  if (existing) return existing;
  const el = document.createElement('ai-interview-exit');
  el.setAttribute('interview-id', interview.interviewId);
  el.setAttribute('candidate-ref', interview.candidateRef);
  el.setAttribute('job-type', 'frontline');
  el.setAttribute('stage', 'professional');
  el.setAttribute('locale', 'zh-CN');
  el.setAttribute('placement', 'inline');
  el.config = CONFIG;
  el.adapter = createHttpAdapter({ baseUrl: location.origin, token: interview.token, timeoutMs: 400 });
  el.addEventListener('aie-error', (event) => {
    if (event.detail.code === 'exit-rejected' || event.detail.code === 'deletion-rejected') refused.push(`${interview.interviewId}: ${event.detail.message}`);
  });
  document.body.append(el);
  return el;
}

const inDialog = (el: AiInterviewExit, selector: string) => el.shadowRoot!.querySelector('aie-exit-dialog')!.shadowRoot!.querySelector<HTMLElement>(selector);

export const api = {
  /** Every interview this browser knows gets its widget, which recovers what an earlier page stored, and sends it. */
  mountAll() {
    for (const interview of known()) mount(interview);
  },
  /** A new interview in this browser (the tab that starts it, and any tab that loads later). */
  add(interview: Interview) {
    if (!known().some((i) => i.interviewId === interview.interviewId)) localStorage.setItem(KNOWN, JSON.stringify([...known(), interview]));
    mount(interview);
  },
  /**
   * The candidate clicks the exit button and, if the dialog asks, picks `dataChoice` and confirms
   * (`clicks` times, as a double click does). Null when no exit could be made: the widget showed
   * the result of an earlier exit or the re-entry panel instead of the dialog.
   */
  async exit(interviewId: string, dataChoice: DataChoice, clicks: number): Promise<Confirmed | null> {
    const el = mountFor(interviewId);
    await el.updateComplete;
    el.shadowRoot!.querySelector('aie-exit-button')!.shadowRoot!.querySelector('button')!.click();
    const status = () => el.store!.getState().status;
    if (status() !== 'confirm') return null;
    await until(() => inDialog(el, '[part=confirm-button]'), 'the confirm button', 10_000);
    el.store!.dispatch({ type: 'setDataChoice', choice: dataChoice });
    await el.updateComplete;
    const confirm = inDialog(el, '[part=confirm-button]')!;
    for (let i = 0; i < clicks; i += 1) confirm.click();
    await until(() => status() === 'done', 'the exit to be stored', 10_000);
    const state = el.store!.getState();
    if (state.status !== 'done') return null;
    // The candidate reads the result and closes it, as they would before doing anything else.
    inDialog(el, '[part=close-button]')?.click();
    return { key: state.record.idempotencyKey, deletionKey: state.deletion?.request.idempotencyKey ?? null };
  },
  /** The connection is back: every outbox sends what it holds now, whatever its backoff said. */
  online() {
    window.dispatchEvent(new Event('online'));
  },
  /** Messages still waiting on this device, across the interviews' outboxes (IndexedDB, as stored). */
  async pending(): Promise<number> {
    const counts = await Promise.all(known().map(async (i) => (await (await openIndexedDbStorage(`aie-outbox:${i.interviewId}`)).load()).length));
    return counts.reduce((a, b) => a + b, 0);
  },
  rejected: () => [...refused],
};

function mountFor(interviewId: string): AiInterviewExit {
  const interview = known().find((i) => i.interviewId === interviewId);
  if (!interview) throw new Error(`unknown interview ${interviewId}`);
  return mount(interview);
}

(window as unknown as { reliability: typeof api }).reliability = api;
document.body.dataset.ready = 'true';
