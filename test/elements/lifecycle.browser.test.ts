// A vendor sets the widget up in any order (attributes after an await, properties before the tag
// is upgraded): the kept progress of the interview is still offered (R15), and the vendor hears
// about a missing context only when the widget is used, not while the page is still setting it up.
import { expect } from '@open-wc/testing';
import type { ProgressSnapshot } from '@ai-interview-exit/core';
import { createMemoryAdapter, type MemoryAdapter } from '@ai-interview-exit/core/memory';
import type { AiInterviewExit, AieErrorEvent, AieResumeEvent } from '@ai-interview-exit/elements';
import { clearKeptProgress, deepActive, keepProgressFor, openDialog, partsOf, progressAt, settle, until } from './support.js';

/** What a vendor's page sets, as attributes and properties. */
function setUp(el: AiInterviewExit, interviewId: string, adapter: MemoryAdapter = createMemoryAdapter()): void {
  el.setAttribute('interview-id', interviewId);
  el.setAttribute('candidate-ref', 'cand-7f3a');
  el.setAttribute('job-type', 'engineer');
  el.setAttribute('stage', 'professional');
  el.setAttribute('locale', 'en');
  el.adapter = adapter;
}

/** A bare tag in the page, as a vendor writes it into the HTML before its script runs. */
function bareWidget(): AiInterviewExit {
  const el = document.createElement('ai-interview-exit');
  document.body.append(el);
  mounted.push(el);
  return el;
}

const mounted: Element[] = [];
const errors: AieErrorEvent[] = [];
const onError = (event: AieErrorEvent) => errors.push(event);

const continueButton = (el: AiInterviewExit) => partsOf(el).panelPart('aie-resume-prompt')?.querySelector<HTMLButtonElement>('[part=continue-button]') ?? null;

async function resumedSnapshot(el: AiInterviewExit): Promise<ProgressSnapshot> {
  await until(() => continueButton(el), 'the resume prompt');
  const heard = new Promise<AieResumeEvent>((resolve) => el.addEventListener('aie-resume', resolve, { once: true }));
  continueButton(el)!.click();
  return (await heard).detail.snapshot;
}

describe('set up in any order', () => {
  let warn: typeof console.warn;
  beforeEach(() => {
    clearKeptProgress();
    errors.length = 0;
    document.addEventListener('aie-error', onError);
    warn = console.warn;
    console.warn = () => {};
  });
  afterEach(() => {
    document.removeEventListener('aie-error', onError);
    console.warn = warn;
    for (const el of mounted.splice(0)) el.remove();
  });

  describe('resume (R15)', () => {
    it('offers the kept progress when interview-id arrives after an await, even if the page set a fresh progress first', async () => {
      keepProgressFor('iv-late', 3);
      const el = bareWidget();
      await el.updateComplete; // the first render has run, with no interview yet
      await settle();
      setUp(el, 'iv-late');
      el.setProgress(progressAt(0, 10, 'self-introduction', 'iv-late')); // a page that starts afresh
      const snapshot = await resumedSnapshot(el);
      expect(snapshot.answered).to.equal(3);
      expect(errors.map((e) => e.detail.code)).to.deep.equal([]);
    });

    it('offers it when interview-id is set last, after the first render', async () => {
      keepProgressFor('iv-last', 4);
      const el = bareWidget();
      el.adapter = createMemoryAdapter();
      el.setAttribute('job-type', 'engineer');
      el.setAttribute('candidate-ref', 'cand-7f3a');
      el.setAttribute('locale', 'en');
      await el.updateComplete;
      await settle();
      el.interviewId = 'iv-last';
      expect((await resumedSnapshot(el)).answered).to.equal(4);
    });

    it('offers it when the properties were set before the tag was upgraded', async () => {
      keepProgressFor('iv-early', 2);
      // An element of a document with no window is not upgraded until it is adopted into this one.
      const el = document.implementation.createHTMLDocument('').createElement('ai-interview-exit') as AiInterviewExit;
      el.adapter = createMemoryAdapter();
      el.progress = progressAt(2, 10, 'professional', 'iv-early');
      el.setAttribute('interview-id', 'iv-early');
      el.setAttribute('candidate-ref', 'cand-7f3a');
      el.setAttribute('job-type', 'engineer');
      el.setAttribute('locale', 'en');
      document.body.append(document.adoptNode(el));
      mounted.push(el);
      expect((await resumedSnapshot(el)).answered).to.equal(2);
      expect(el.store!.getContext().progress?.answered, 'the progress set before the upgrade reached the store').to.equal(2);
    });

    it('offers to continue when the connection comes back, politely and without taking focus', async () => {
      const el = bareWidget();
      setUp(el, 'iv-online');
      el.setProgress(progressAt(5, 10, 'professional', 'iv-online'));
      await el.updateComplete;
      await settle(5);
      const answer = document.createElement('textarea');
      document.body.append(answer);
      mounted.push(answer);
      answer.focus();
      expect(partsOf(el).panel(), 'no prompt while the interview runs').to.equal(null);
      window.dispatchEvent(new Event('offline'));
      window.dispatchEvent(new Event('online'));
      await until(() => continueButton(el), 'the resume prompt');
      const panel = partsOf(el).panel()!;
      expect(panel.parentElement!.getAttribute('aria-live')).to.equal('polite');
      expect(deepActive()).to.equal(answer);
      // Already offered: a second "online" changes nothing.
      window.dispatchEvent(new Event('online'));
      await settle();
      expect(partsOf(el).panel()).to.equal(panel);
      expect(deepActive()).to.equal(answer);
      expect((await resumedSnapshot(el)).answered).to.equal(5);
    });

    it('offers nothing when the connection comes back after the last answer or during an exit', async () => {
      const el = bareWidget();
      setUp(el, 'iv-online-2');
      el.setProgress(progressAt(10, 10, 'closing', 'iv-online-2'));
      await el.updateComplete;
      await settle(5);
      window.dispatchEvent(new Event('online'));
      await settle(5);
      expect(partsOf(el).panel(), 'a finished interview').to.equal(null);
      el.setProgress(progressAt(6, 10, 'professional', 'iv-online-2'));
      const parts = partsOf(el);
      await openDialog(parts);
      window.dispatchEvent(new Event('online'));
      await settle(5);
      expect(el.store!.getState().status).to.equal('confirm');
      expect(parts.panel(), 'during the exit').to.equal(null);
    });
  });

  describe('aie-error for the context (no false alarms)', () => {
    it('fires nothing when the page sets everything in the same task', async () => {
      const el = bareWidget();
      setUp(el, 'iv-sync');
      await el.updateComplete;
      await settle(5);
      await openDialog(partsOf(el));
      expect(errors.map((e) => e.detail.code)).to.deep.equal([]);
    });

    it('fires nothing when the page sets everything after an await, before the candidate uses it', async () => {
      const el = bareWidget();
      await el.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 50)); // e.g. the page fetched its session
      setUp(el, 'iv-await');
      await settle(5);
      expect(errors.map((e) => e.detail.code)).to.deep.equal([]);
      await openDialog(partsOf(el));
      expect(errors.map((e) => e.detail.code)).to.deep.equal([]);
    });

    it('reports a context still missing when used, once, and the candidate still gets out', async () => {
      const el = bareWidget();
      el.setAttribute('locale', 'en');
      await el.updateComplete;
      await settle(5);
      expect(errors.map((e) => e.detail.code), 'nothing before use').to.deep.equal([]);
      const parts = partsOf(el);
      await openDialog(parts);
      expect(errors.map((e) => e.detail.code)).to.deep.equal(['context-invalid', 'adapter-missing']);
      expect(errors[0]!.detail.message).to.contain('interviewId');
      parts.cancelButton()!.click();
      await until(() => !parts.dialog().open, 'the dialog to close');
      await openDialog(parts);
      expect(errors.length, 'told once').to.equal(2);
      parts.confirmButton()!.click();
      await until(() => parts.result()?.querySelector('[part=message]'), 'the result: the candidate is out');
      expect(el.store!.getState().status).to.equal('done');
    });
  });
});
