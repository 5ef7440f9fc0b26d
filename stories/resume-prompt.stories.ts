// <aie-resume-prompt>: an unfinished interview after a lost connection (R15).
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { candidate, card, interviewPage, progressAt, widget, type Candidate } from './fixtures/candidate.js';

interface Args {
  locale: string;
}

const meta: Meta<Args> = {
  title: 'Candidate/aie-resume-prompt',
  args: { locale: 'zh-CN' },
  argTypes: { locale: { control: 'inline-radio', options: ['zh-CN', 'en'] } },
  loaders: [
    async ({ args }) => {
      const c = candidate({ locale: args.locale });
      c.store.dispatch({ type: 'resumeFound', snapshot: progressAt(4) });
      return { c };
    },
  ],
  render: (args, { loaded }) => {
    const { store, i18n } = loaded.c as Candidate;
    return card(html`<aie-resume-prompt .store=${store} .i18n=${i18n}></aie-resume-prompt>`, args.locale);
  },
};
export default meta;
type Story = StoryObj<Args>;

/** "您上次面试未完成，是否继续？" */
export const Resume: Story = {};

/** In English. */
export const English: Story = { args: { locale: 'en' } };

/** In the widget, on the next visit: the progress this device kept says the interview was left unfinished. */
export const InTheWidget: Story = {
  render: (args) => interviewPage(widget({ locale: args.locale, answered: null, unfinished: progressAt(4) }), args.locale),
};
