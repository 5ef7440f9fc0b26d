// <aie-exit-dialog>: the confirmation (R5) with the progress (R7) and each policy's notices.
// Shown on its own, opened on first render by a store already in the confirm step.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { ExitConfigInput } from '@ai-interview-exit/core';
import { ARTICLE_POLICY, candidate, until, type Candidate } from './fixtures/candidate.js';

interface Args {
  locale: string;
  jobType: string;
  stage: string;
  answered: number;
  config: ExitConfigInput;
}

const meta: Meta<Args> = {
  title: 'Candidate/aie-exit-dialog',
  args: { locale: 'zh-CN', jobType: 'engineer', stage: 'professional', answered: 5, config: ARTICLE_POLICY },
  argTypes: {
    locale: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    jobType: { control: 'select', options: ['engineer', 'frontline', 'manager', 'executive'] },
    stage: { control: 'select', options: ['self-introduction', 'professional', 'closing'] },
    answered: { control: { type: 'range', min: 0, max: 10 } },
    config: { control: false },
  },
  loaders: [
    async ({ args }) => {
      const c = candidate(args);
      c.store.open('button');
      return { c };
    },
  ],
  render: (args, { loaded }) => {
    const { store, i18n } = loaded.c as Candidate;
    return html`<aie-exit-dialog lang=${args.locale} .store=${store} .i18n=${i18n} ?voice=${store.config.voice.enabled}></aie-exit-dialog>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

/** At the very start: no answer yet. */
export const ConfirmAt0: Story = { name: 'Confirm at 0 %', args: { answered: 0 } };

/** Half way: "您已完成50%的面试，是否确定退出？" */
export const ConfirmAt50: Story = { name: 'Confirm at 50 %' };

/** Nearly done. */
export const ConfirmAt90: Story = { name: 'Confirm at 90 %', args: { answered: 9 } };

/** In English. */
export const English: Story = { args: { locale: 'en' } };

/** A free exit (the self-introduction stage): one plain confirmation, no reasons asked, no progress stated. */
export const PolicyFree: Story = { name: 'Policy: free', args: { config: { defaults: { gate: 'free' } } } };

/** A confirmation that states the progress and asks why (R9). */
export const PolicyConfirm: Story = { name: 'Policy: confirm', args: { config: { defaults: { gate: 'confirm' } } } };

/** A one-time code will follow (executives, R6): the confirmation says so before the candidate confirms. */
export const PolicyVerify: Story = { name: 'Policy: verify', args: { jobType: 'executive', config: { ...ARTICLE_POLICY, cooldownDays: 0 } } };

/** The same, in English. */
export const PolicyVerifyEnglish: Story = { name: 'Policy: verify (en)', args: { jobType: 'executive', locale: 'en', config: { ...ARTICLE_POLICY, cooldownDays: 0 } } };

/** Front-line roles: HR reviews the exit (R17); the candidate is out at once. */
export const PolicyHrReview: Story = { name: 'Policy: HR review', args: { jobType: 'frontline', config: { defaults: { review: 'after-exit' } } } };

/** Company policy (R19): no re-application for 30 days, with the date, before the candidate confirms. */
export const PolicyCooldown: Story = { name: 'Policy: cooldown', args: { config: { cooldownDays: 30 } } };

/** The article's whole policy for a front-line role: progress, HR review and cooldown together. */
export const ArticlePolicyFrontline: Story = { args: { jobType: 'frontline', answered: 7, locale: 'en' } };

/** A help offer first (R27): its question, the vendor's answers (here the article's), then the way on to the exit. */
export const HelpOffer: Story = { args: { config: { defaults: { helpOffer: true }, help: ARTICLE_POLICY.help } } };

/** The help offer in English, after the candidate asked a person about rescheduling: the ticket and when a person answers (R27). */
export const HelpOfferTicket: Story = {
  name: 'Help offer: ticket',
  args: { locale: 'en', config: { defaults: { helpOffer: true }, help: ARTICLE_POLICY.help } },
  play: async ({ canvasElement }) => {
    const help = () => canvasElement.querySelector('aie-exit-dialog')?.shadowRoot?.querySelector('aie-help-offer')?.shadowRoot;
    await until(() => help()?.querySelector('textarea'));
    const message = help()!.querySelector('textarea')!;
    message.value = 'My train is late; can we do this at 4 pm?';
    message.dispatchEvent(new InputEvent('input'));
    help()!.querySelector<HTMLButtonElement>('[part=handoff-button]')!.click();
    await until(() => help()?.querySelector('[role=status]')?.textContent);
  },
};

/** The spoken prompt on (R21), as the vendor's default or the candidate's choice: the header's toggle is pressed. */
export const VoiceOn: Story = { name: 'Voice on', args: { locale: 'en', config: { ...ARTICLE_POLICY, voice: { enabled: true } } } };

/** Exit pressed after the last answer: a finished interview is not an exit. It says so, records nothing and announces no cooldown; Close goes back. */
export const CompletedInterview: Story = {
  name: 'Completed interview',
  args: { answered: 10 },
  play: async ({ canvasElement }) => {
    await until(() => canvasElement.querySelector('aie-exit-dialog')?.shadowRoot?.querySelector('aie-interview-complete')?.shadowRoot?.querySelector('[part=message]'));
  },
};

/** The same, in English. */
export const CompletedInterviewEnglish: Story = { ...CompletedInterview, name: 'Completed interview (en)', args: { answered: 10, locale: 'en' } };
