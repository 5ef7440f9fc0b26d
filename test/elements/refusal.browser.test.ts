// What the candidate reads about delivery is true: an exit the backend refuses for good (403) is
// said to be refused (not "offline"), the vendor hears `aie-error` exit-rejected, and nothing of it
// stays in IndexedDB; an exit held back by something else than the network is not called
// offline; a refused data request is not left "pending".
import { expect } from '@open-wc/testing';
import { openIndexedDbStorage } from '@ai-interview-exit/core/delivery';
import { createMemoryAdapter } from '@ai-interview-exit/core/memory';
import type { AieErrorEvent } from '@ai-interview-exit/elements';
import { mountWidget, openDialog, typeInto, until } from './support.js';

describe('an exit refused for good', () => {
  it('says it was refused, fires aie-error exit-rejected, and removes the entry with its free text', async () => {
    const adapter = createMemoryAdapter();
    adapter.fail('submitExit', 'forbidden');
    const errors: AieErrorEvent[] = [];
    const listener = (event: AieErrorEvent) => errors.push(event);
    document.addEventListener('aie-error', listener);
    const warn = console.warn;
    console.warn = () => {};
    try {
      const parts = await mountWidget({ interviewId: 'iv-refused', adapter });
      await openDialog(parts);
      typeInto(parts.reasonForm()!.querySelector('textarea')!, '家里有急事');
      parts.confirmButton()!.click();
      const status = () => parts.result()?.querySelector('[part=status]')?.textContent ?? '';
      await until(() => errors.some((e) => e.detail.code === 'exit-rejected'), 'aie-error exit-rejected');
      await until(() => status().includes('refused'), 'the refusal in words');
      expect(status()).not.to.contain('offline');
      const left = await (await openIndexedDbStorage('aie-outbox:iv-refused')).load();
      expect(left.map((e) => e.kind), 'nothing of the refused exit stays on the device').to.deep.equal([]);
      expect(adapter.calls.submitExit).to.equal(1);
    } finally {
      document.removeEventListener('aie-error', listener);
      console.warn = warn;
    }
  });
});

describe('delivery in true words', () => {
  const errorsOf = (code: string) => {
    const seen: AieErrorEvent[] = [];
    const listener = (event: AieErrorEvent) => event.detail.code === code && seen.push(event);
    document.addEventListener('aie-error', listener);
    return { seen, stop: () => document.removeEventListener('aie-error', listener) };
  };

  it('does not call an exit the server has not accepted (401) offline', async () => {
    const adapter = createMemoryAdapter();
    adapter.fail('submitExit', 'unauthorized');
    const unauthorized = errorsOf('unauthorized');
    const warn = console.warn;
    console.warn = () => {};
    try {
      const parts = await mountWidget({ interviewId: 'iv-401', adapter });
      await openDialog(parts);
      parts.confirmButton()!.click();
      const status = () => parts.result()?.querySelector('[part=status]')?.textContent ?? '';
      await until(() => status().includes('not accepted it yet'), 'the queued exit in true words');
      expect(status()).not.to.contain('offline');
      await until(() => unauthorized.seen.length > 0, 'aie-error unauthorized');
    } finally {
      unauthorized.stop();
      console.warn = warn;
    }
  });

  it('says a refused data request was refused, and tells the vendor', async () => {
    const adapter = createMemoryAdapter();
    adapter.fail('requestDeletion', 'forbidden');
    const rejected = errorsOf('deletion-rejected');
    const warn = console.warn;
    console.warn = () => {};
    try {
      const parts = await mountWidget({ interviewId: 'iv-del-refused', adapter });
      await openDialog(parts);
      const radios = [...parts.reasonForm()!.querySelectorAll<HTMLInputElement>('input[name=data]')];
      radios.at(-1)!.click(); // "Delete"
      parts.confirmButton()!.click();
      const receipt = () => parts.result()?.querySelector('[part=receipt]')?.textContent ?? '';
      await until(() => receipt().includes('refused your data request'), 'the refusal of the data request');
      expect(receipt()).not.to.contain('pending');
      await until(() => rejected.seen.length === 1, 'aie-error deletion-rejected');
      const left = await (await openIndexedDbStorage('aie-outbox:iv-del-refused')).load();
      expect(left.map((e) => e.kind), 'the refused request does not stay on the device').to.deep.equal([]);
    } finally {
      rejected.stop();
      console.warn = warn;
    }
  });
});
