// An exit the backend refuses for good (403): the candidate is told so in words (not "offline"),
// the vendor hears `aie-error` exit-rejected, and nothing of it stays in IndexedDB.
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
