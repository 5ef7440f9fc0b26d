// <aie-reason-form>: why the candidate leaves (R1, R9) and their data choice (R10).
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { ExitConfigInput } from '@ai-interview-exit/core';
import { ARTICLE_POLICY, candidate, card, type Candidate } from './fixtures/candidate.js';

interface Args {
  locale: string;
  config: ExitConfigInput;
  /** Press Confirm without a reason first. */
  confirmEmpty: boolean;
  text: string;
  /** "I would rather be interviewed by a person" ticked. */
  personRequested: boolean;
}

const meta: Meta<Args> = {
  title: 'Candidate/aie-reason-form',
  args: { locale: 'zh-CN', config: ARTICLE_POLICY, confirmEmpty: false, text: '', personRequested: false },
  argTypes: { locale: { control: 'inline-radio', options: ['zh-CN', 'en'] }, config: { control: false } },
  loaders: [
    async ({ args }) => {
      const c = candidate({ locale: args.locale, config: args.config });
      c.store.open('button');
      if (args.text) c.store.dispatch({ type: 'setReasonText', text: args.text });
      c.store.dispatch({ type: 'setPersonRequested', requested: args.personRequested });
      if (args.confirmEmpty) c.store.dispatch({ type: 'confirm' });
      return { c };
    },
  ],
  render: (args, { loaded }) => {
    const { store, i18n } = loaded.c as Candidate;
    return card(html`<aie-reason-form .store=${store} .i18n=${i18n}></aie-reason-form>`, args.locale);
  },
};
export default meta;
type Story = StoryObj<Args>;

/** The default reasons, optional, with free text and the data choice. */
export const Reason: Story = {};

/** In English, with some free text and its counter. */
export const English: Story = { args: { locale: 'en', text: 'My internet keeps dropping.' } };

/** The candidate would rather be interviewed by a person (PIPL art. 24): the box ticked, with its hint. */
export const PersonRequested: Story = { args: { locale: 'en', personRequested: true } };

/** A required reason, Confirm pressed without one: the error, announced, with aria-invalid. */
export const RequiredMissing: Story = { args: { config: { defaults: { reason: 'required' } }, confirmEmpty: true } };

/** A vendor's own reasons, renamed and reordered, with labels from the config. */
export const VendorReasons: Story = {
  args: {
    locale: 'en',
    config: {
      reasons: [
        { code: 'schedule-clash', labels: { 'zh-CN': '时间冲突', en: 'A clash in my schedule' } },
        { code: 'emergency' },
        { code: 'other' },
      ],
      freeText: { maxLength: 200 },
    },
  },
};

/** A free exit asks no reason: only the data choice remains. */
export const DataChoiceOnly: Story = { args: { config: { defaults: { gate: 'free' } } } };
