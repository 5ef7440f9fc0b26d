// <aie-verify-code>: the one-time code for important roles (R6), and the ways out.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { ExitConfigInput } from '@ai-interview-exit/core';
import { ARTICLE_POLICY, candidate, card, createMemoryAdapter, toCodeSent, wrongCode, type Candidate } from './fixtures/candidate.js';

interface Args {
  locale: string;
  wrong: number;
  config: ExitConfigInput;
  sendFails: boolean;
}

const meta: Meta<Args> = {
  title: 'Candidate/aie-verify-code',
  args: { locale: 'zh-CN', wrong: 0, config: ARTICLE_POLICY, sendFails: false },
  argTypes: { locale: { control: 'inline-radio', options: ['zh-CN', 'en'] }, wrong: { control: { type: 'range', min: 0, max: 5 } }, config: { control: false } },
  loaders: [
    async ({ args }) => {
      const adapter = createMemoryAdapter();
      if (args.sendFails) adapter.fail('sendCode', 'unavailable');
      const c = candidate({ locale: args.locale, jobType: 'executive', config: args.config, ...(args.sendFails ? { adapter } : {}) });
      if (args.sendFails) {
        c.store.open('button');
        c.store.dispatch({ type: 'confirm' });
        await new Promise((resolve) => setTimeout(resolve, 50));
      } else {
        await wrongCode(await toCodeSent(c), args.wrong);
      }
      return { c };
    },
  ],
  render: (args, { loaded }) => {
    const { store, i18n } = loaded.c as Candidate;
    return card(html`<aie-verify-code .store=${store} .i18n=${i18n}></aie-verify-code>`, args.locale);
  },
};
export default meta;
type Story = StoryObj<Args>;

/** Type "12" and submit, as a candidate pressing Enter too early. */
async function submitTooShort({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const step = canvasElement.querySelector('aie-verify-code')!;
  await step.updateComplete;
  const input = step.shadowRoot!.querySelector('input')!;
  input.value = '12';
  input.dispatchEvent(new InputEvent('input', { bubbles: true }));
  input.form!.requestSubmit();
  await step.updateComplete;
}

/** The code is sent: one input, a resend countdown, the attempts left. */
export const Sent: Story = {};

/** In English. */
export const SentEnglish: Story = { args: { locale: 'en' } };

/** Too few digits and Enter: said in words, the field marked invalid and focused; nothing is sent. */
export const TooShort: Story = { play: submitTooShort };

/** The same, in English. */
export const TooShortEnglish: Story = { args: { locale: 'en' }, play: submitTooShort };

/** A wrong code: said in words; the reason given before is kept. */
export const WrongCode: Story = { args: { wrong: 1 } };

/** Locked after five wrong codes: the way out, exit unverified (HR reviews). */
export const Locked: Story = { args: { wrong: 5 } };

/** Locked, and the config sends the candidate to HR instead. */
export const LockedContactHr: Story = {
  args: { wrong: 5, locale: 'en', config: { ...ARTICLE_POLICY, verification: { onFailure: 'contact-hr' }, hrContact: { email: 'hr@example.com' } } },
};

/** No code could be sent: try again, or leave unverified. */
export const SendFailed: Story = { args: { sendFails: true } };
