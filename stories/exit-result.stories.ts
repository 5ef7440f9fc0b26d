// <aie-exit-result>: the success view (R12), delivery, the data receipt (R10), and re-entry (R14).
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { candidate, card, createMemoryAdapter, INTERVIEW, toDone, type Candidate } from './fixtures/candidate.js';

type Outcome = 'submitting' | 'done' | 'queued' | 'anonymise' | 'deletion' | 'deletion-completed' | 'person' | 'reentry';

interface Args {
  locale: string;
  outcome: Outcome;
}

async function reach(locale: string, outcome: Outcome): Promise<Candidate> {
  if (outcome === 'reentry') {
    const adapter = createMemoryAdapter({ statuses: [{ interviewId: INTERVIEW, status: 'exited', exitedAt: '2026-11-20T08:00:00.000Z', cooldownUntil: null }] });
    const c = candidate({ locale, adapter });
    await c.store.checkStatus();
    return c;
  }
  const memory = createMemoryAdapter({ cooldownDays: 30 });
  if (outcome === 'queued') memory.fail('submitExit', 'network');
  // The reference server carries out a data request at once: its receipt says completed.
  const adapter: typeof memory =
    outcome === 'deletion-completed' ? { ...memory, requestDeletion: async (request) => ({ ...(await memory.requestDeletion(request)), status: 'completed' }) } : memory;
  const c = candidate({ locale, adapter, hangingDelivery: outcome === 'submitting' });
  const choice = outcome === 'anonymise' ? 'anonymise' : outcome.startsWith('deletion') ? 'delete' : 'keep';
  return toDone(c, choice, outcome !== 'submitting', outcome === 'person');
}

const meta: Meta<Args> = {
  title: 'Candidate/aie-exit-result',
  args: { locale: 'zh-CN', outcome: 'done' },
  argTypes: {
    locale: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    outcome: { control: 'select', options: ['submitting', 'done', 'queued', 'anonymise', 'deletion', 'deletion-completed', 'person', 'reentry'] },
  },
  loaders: [async ({ args }) => ({ c: await reach(args.locale, args.outcome) })],
  render: (args, { loaded }) => {
    const { store, i18n } = loaded.c as Candidate;
    return card(html`<aie-exit-result .store=${store} .i18n=${i18n}></aie-exit-result>`, args.locale);
  },
};
export default meta;
type Story = StoryObj<Args>;

/** Out at once; the record is on its way to HR. */
export const Submitting: Story = { args: { outcome: 'submitting' } };

/** Delivered: the exit time, the reason, the receipt number and the cooldown. */
export const Done: Story = {};

/** In English. */
export const DoneEnglish: Story = { args: { locale: 'en' } };

/** Offline: the exit is saved on this device and will be sent later. */
export const QueuedOffline: Story = { args: { outcome: 'queued' } };

/** The candidate asked to delete their data: the message says so, the request's receipt id and deadline. */
export const DeletionReceipt: Story = { args: { outcome: 'deletion', locale: 'en' } };

/** The candidate asked to anonymise their data: the message says so (never "we will keep"). */
export const Anonymised: Story = { args: { outcome: 'anonymise' } };

/** The backend carried out the deletion at once: the receipt says completed, with no date to wait for. */
export const DeletionCompleted: Story = { args: { outcome: 'deletion-completed' } };

/** The same, in English. */
export const DeletionCompletedEnglish: Story = { args: { outcome: 'deletion-completed', locale: 'en' } };

/** The candidate asked for a person instead of the AI (PIPL art. 24): HR will arrange it. */
export const PersonRequested: Story = { args: { outcome: 'person' } };

/** A return visit after an exit: "您已退出本次面试，是否需要重新安排？" with HR's contact. */
export const Reentry: Story = { args: { outcome: 'reentry' } };
