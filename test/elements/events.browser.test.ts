// Every DOM event the widget fires, with its typed detail; all bubble out of the shadow roots.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { AdapterErrorCode, DeletionReceipt, DeletionRequest, ExitReceipt, ExitRecord, ExitSource, ProgressSnapshot } from '@ai-interview-exit/core';
import { createMemoryAdapter } from '@ai-interview-exit/core/memory';
import {
  AieDeletionCompleteEvent,
  AieDeletionRequestEvent,
  AieErrorEvent,
  AieExitCancelEvent,
  AieExitCompleteEvent,
  AieExitConfirmEvent,
  AieExitQueuedEvent,
  AieExitRequestEvent,
  AieResumeEvent,
  type AiInterviewExit,
} from '@ai-interview-exit/elements';
import { recordFor } from '../support/fixtures.js';
import { clearKeptProgress, keepProgressFor, mountWidget, openDialog, partsOf, progressAt, until } from './support.js';

/** Events heard on the document during each test: proof that they bubble out of the shadow roots. */
function record<K extends keyof GlobalEventHandlersEventMap>(name: K): GlobalEventHandlersEventMap[K][] {
  const heard: GlobalEventHandlersEventMap[K][] = [];
  const listener = (event: GlobalEventHandlersEventMap[K]) => heard.push(event);
  beforeEach(() => {
    heard.length = 0;
    document.addEventListener(name, listener);
  });
  afterEach(() => document.removeEventListener(name, listener));
  return heard;
}

function expectBubblingComposed(event: Event): void {
  expect(event.bubbles, `${event.type} bubbles`).to.equal(true);
  expect(event.composed, `${event.type} is composed`).to.equal(true);
}

describe('DOM events', () => {
  beforeEach(clearKeptProgress);

  describe('aie-exit-request', () => {
    const requests = record('aie-exit-request');

    it('fires, cancelable, before the dialog opens, with detail.source', async () => {
      const parts = await mountWidget();
      let openWhenFired: boolean | null = null;
      parts.el.addEventListener('aie-exit-request', () => (openWhenFired = parts.dialog().open), { once: true });
      parts.button().click();
      await until(() => parts.dialog().open, 'the dialog');
      const [event] = requests;
      expect(event).to.be.instanceOf(AieExitRequestEvent);
      expectBubblingComposed(event!);
      expect(event!.cancelable).to.equal(true);
      const source: ExitSource = event!.detail.source;
      expect(source).to.equal('button');
      expect(openWhenFired).to.equal(false);
    });

    it('opens nothing when prevented', async () => {
      const parts = await mountWidget();
      parts.el.addEventListener('aie-exit-request', (event) => event.preventDefault(), { once: true });
      parts.button().click();
      // Prevented at once, in the click: the render that follows shows no dialog.
      await parts.el.updateComplete;
      expect(parts.dialog().open).to.equal(false);
      expect(parts.el.store!.getState().status).to.equal('idle');
    });

    it('names its source: link, api and resume prompt', async () => {
      keepProgressFor('iv-src', 3);
      const container = await fixture<HTMLElement>(html`<div>
        <aie-exit-link for="w-src"></aie-exit-link>
        <ai-interview-exit id="w-src" interview-id="iv-src" candidate-ref="c-1" job-type="engineer" stage="professional" locale="en" .adapter=${createMemoryAdapter()}></ai-interview-exit>
      </div>`);
      const el = container.querySelector<AiInterviewExit>('ai-interview-exit')!;
      const parts = partsOf(el);
      await until(() => parts.panel(), 'the resume prompt');
      parts.panelPart('aie-resume-prompt')!.querySelector<HTMLButtonElement>('[part=exit-button]')!.click();
      await until(() => parts.dialog().open, 'the dialog from the resume prompt');
      parts.cancelButton()!.click();
      await until(() => !parts.dialog().open, 'cancel');
      container.querySelector('aie-exit-link')!.shadowRoot!.querySelector('button')!.click();
      await until(() => parts.dialog().open, 'the dialog from the link');
      parts.cancelButton()!.click();
      await until(() => !parts.dialog().open, 'cancel');
      el.open();
      await until(() => parts.dialog().open, 'the dialog from the API');
      expect(requests.map((event) => event.detail.source)).to.deep.equal(['resume-prompt', 'link', 'api']);
    });
  });

  it('aie-exit-cancel: detail.step', async () => {
    const parts = await mountWidget();
    parts.button().click();
    await until(() => parts.cancelButton(), 'the dialog');
    const heard = oneEvent(parts.el, 'aie-exit-cancel');
    parts.cancelButton()!.click();
    const event = (await heard) as AieExitCancelEvent;
    expect(event).to.be.instanceOf(AieExitCancelEvent);
    expectBubblingComposed(event);
    const step: 'help' | 'confirm' | 'verify' | 'complete' = event.detail.step;
    expect(step).to.equal('confirm');
  });

  describe('an exit', () => {
    const confirms = record('aie-exit-confirm');
    const completes = record('aie-exit-complete');
    const deletions = record('aie-deletion-request');
    const receipts = record('aie-deletion-complete');

    it('aie-exit-confirm (the record), aie-exit-complete (the receipt), aie-deletion-request and aie-deletion-complete', async () => {
      const parts = await mountWidget({ progress: progressAt(4) });
      parts.button().click();
      await until(() => parts.reasonForm(), 'the reason form');
      const deleteChoice = [...parts.reasonForm()!.querySelectorAll<HTMLInputElement>('input[name=data]')][2]!;
      deleteChoice.click();
      parts.confirmButton()!.click();
      await until(() => completes.length && receipts.length, 'delivery and the deletion receipt');

      expect(confirms[0]).to.be.instanceOf(AieExitConfirmEvent);
      const record: ExitRecord = confirms[0]!.detail.record;
      expect(record.interviewId).to.equal('iv-1');
      expect(record.progress!.answered).to.equal(4);
      expect(record.dataChoice).to.equal('delete');

      expect(completes[0]).to.be.instanceOf(AieExitCompleteEvent);
      const receipt: ExitReceipt = completes[0]!.detail.receipt;
      expect(receipt.idempotencyKey).to.equal(record.idempotencyKey);

      expect(deletions[0]).to.be.instanceOf(AieDeletionRequestEvent);
      const request: DeletionRequest = deletions[0]!.detail.request;
      expect(request.scope).to.equal('delete');

      expect(receipts[0]).to.be.instanceOf(AieDeletionCompleteEvent);
      const deletionReceipt: DeletionReceipt = receipts[0]!.detail.receipt;
      expect(deletionReceipt.requestId).to.match(/^del-/);
      for (const event of [confirms[0]!, completes[0]!, deletions[0]!, receipts[0]!]) expectBubblingComposed(event);
      // the candidate sees the receipt number of the data request
      await until(() => parts.result()?.querySelector('[part=receipt]')?.textContent?.includes(deletionReceipt.requestId), 'the receipt id on screen');
    });
  });

  it('aie-exit-queued: detail.error when the backend is unreachable', async () => {
    const adapter = createMemoryAdapter();
    adapter.fail('submitExit', 'network');
    const parts = await mountWidget({ adapter });
    await openDialog(parts);
    const heard = oneEvent(parts.el, 'aie-exit-queued');
    parts.confirmButton()!.click();
    const event = (await heard) as AieExitQueuedEvent;
    expect(event).to.be.instanceOf(AieExitQueuedEvent);
    expectBubblingComposed(event);
    const error: AdapterErrorCode = event.detail.error;
    expect(error).to.equal('network');
    expect(event.detail.record.interviewId).to.equal('iv-1');
  });

  it('aie-resume: detail.snapshot from the progress kept on this device', async () => {
    keepProgressFor('iv-resume', 3);
    const parts = await mountWidget({ interviewId: 'iv-resume', progress: null });
    await until(() => parts.panelPart('aie-resume-prompt')?.querySelector('[part=continue-button]'), 'the resume prompt');
    const heard = oneEvent(parts.el, 'aie-resume');
    parts.panelPart('aie-resume-prompt')!.querySelector<HTMLButtonElement>('[part=continue-button]')!.click();
    const event = (await heard) as AieResumeEvent;
    expect(event).to.be.instanceOf(AieResumeEvent);
    expectBubblingComposed(event);
    const snapshot: ProgressSnapshot = event.detail.snapshot;
    expect(snapshot.answered).to.equal(3);
  });

  describe('aie-error', () => {
    const errors = record('aie-error');

    it('config-invalid, with the problems, and the safe default plan', async () => {
      const parts = await mountWidget({ config: { exitEnabled: false, defaults: { review: 'before-exit' } } });
      await until(() => errors.length, 'aie-error');
      const event = errors.find((e) => e.detail.code === 'config-invalid')!;
      expect(event).to.be.instanceOf(AieErrorEvent);
      expectBubblingComposed(event);
      expect(event.detail.problems!.map((p) => p.code)).to.include.members(['exit-disabled', 'review-before-exit']);
      // never a dead button: the defaults (confirm, then out) apply
      await openDialog(parts);
      parts.confirmButton()!.click();
      await until(() => parts.adapter.exits().length === 1, 'the exit');
    });

    it('storage-degraded when IndexedDB cannot be opened; the exit is kept in memory and still sent', async () => {
      const open = IDBFactory.prototype.open;
      const warn = console.warn;
      IDBFactory.prototype.open = () => {
        throw new DOMException('blocked (test)', 'SecurityError');
      };
      console.warn = () => {};
      try {
        const parts = await mountWidget({ interviewId: 'iv-no-idb', progress: null });
        await until(() => errors.some((e) => e.detail.code === 'storage-degraded'), 'aie-error storage-degraded');
        expect(errors.find((e) => e.detail.code === 'storage-degraded')!.detail.message).to.contain('memory');
        await openDialog(parts);
        parts.confirmButton()!.click();
        await until(() => parts.adapter.exits().length === 1, 'the exit');
      } finally {
        IDBFactory.prototype.open = open;
        console.warn = warn;
      }
    });

    it('adapter-missing, with a console warning; the exit still happens and is queued', async () => {
      const warnings: unknown[][] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        const parts = await mountWidget({ adapter: null });
        expect(errors.length, 'nothing while the page sets the widget up').to.equal(0);
        await openDialog(parts); // told when used
        expect(errors.map((e) => e.detail.code)).to.deep.equal(['adapter-missing']);
        expect(warnings.some((args) => String(args[0]).includes('adapter'))).to.equal(true);
        const queued = oneEvent(parts.el, 'aie-exit-queued');
        parts.confirmButton()!.click();
        expect(((await queued) as AieExitQueuedEvent).detail.error).to.equal('unavailable');
        // No backend is not the network: the candidate is not told they are offline.
        await until(() => parts.result()?.querySelector('[part=status]')?.textContent?.includes('not accepted it yet'), 'the queued message');
      } finally {
        console.warn = warn;
      }
    });

    it('context-invalid when a required attribute is still missing at first use; the button still works', async () => {
      const parts = await mountWidget({ jobType: '' });
      expect(errors.length, 'nothing while the page sets the widget up').to.equal(0);
      parts.button().click();
      await until(() => parts.dialog().open, 'the dialog');
      expect(errors.map((e) => e.detail.code)).to.deep.equal(['context-invalid']);
      expect(errors[0]!.detail.message).to.contain('jobType');
    });
  });

  it('types every event through GlobalEventHandlersEventMap, and each listener reads the fields it was given', () => {
    // A compile-time check as much as a run-time one: these listeners see typed details, and what they read is what was sent.
    const el = document.createElement('ai-interview-exit');
    const read: Record<string, unknown> = {};
    el.addEventListener('aie-exit-request', (event) => void (read.request = event.detail.source satisfies ExitSource));
    el.addEventListener('aie-exit-confirm', (event) => void (read.confirm = (event.detail.record satisfies ExitRecord).idempotencyKey));
    el.addEventListener('aie-exit-complete', (event) => void (read.complete = (event.detail.receipt satisfies ExitReceipt).status));
    el.addEventListener('aie-exit-queued', (event) => void (read.queued = event.detail.error satisfies AdapterErrorCode));
    el.addEventListener('aie-exit-cancel', (event) => void (read.cancel = event.detail.step satisfies string));
    el.addEventListener('aie-deletion-request', (event) => void (read.deletionRequest = (event.detail.request satisfies DeletionRequest).scope));
    el.addEventListener('aie-deletion-complete', (event) => void (read.deletionComplete = (event.detail.receipt satisfies DeletionReceipt).requestId));
    el.addEventListener('aie-resume', (event) => void (read.resume = (event.detail.snapshot satisfies ProgressSnapshot).answered));
    el.addEventListener('aie-error', (event) => void (read.error = event.detail.code satisfies string));

    const exit = recordFor({ idempotencyKey: '0f6c2a51-8d3e-4b7a-9c1d-2e3f4a5b6c7d' });
    const deletion: DeletionRequest = { idempotencyKey: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', interviewId: 'iv-1', candidateRef: 'cand-7f3a', scope: 'delete', requestedAt: exit.exitedAt };
    const sent = [
      new AieExitRequestEvent({ source: 'link' }),
      new AieExitConfirmEvent({ record: exit }),
      new AieExitCompleteEvent({ record: exit, receipt: { idempotencyKey: exit.idempotencyKey, interviewId: 'iv-1', receivedAt: exit.exitedAt, status: 'under-review', cooldownUntil: null } }),
      new AieExitQueuedEvent({ record: exit, error: 'rate-limited' }),
      new AieExitCancelEvent({ step: 'verify' }),
      new AieDeletionRequestEvent({ request: deletion }),
      new AieDeletionCompleteEvent({ request: deletion, receipt: { requestId: 'del-42', receivedAt: exit.exitedAt, deadline: exit.exitedAt, status: 'completed' } }),
      new AieResumeEvent({ snapshot: progressAt(7) }),
      new AieErrorEvent({ code: 'adapter-missing', message: 'No adapter' }),
    ];
    for (const event of sent) {
      expectBubblingComposed(event);
      el.dispatchEvent(event);
    }
    expect(read).to.deep.equal({
      request: 'link', confirm: exit.idempotencyKey, complete: 'under-review', queued: 'rate-limited', cancel: 'verify',
      deletionRequest: 'delete', deletionComplete: 'del-42', resume: 7, error: 'adapter-missing',
    });
  });
});
