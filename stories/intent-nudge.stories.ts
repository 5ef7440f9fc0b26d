// <aie-intent-nudge>: a polite offer of help when the candidate seems about to leave (R29).
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { AieIntentDetail } from '@ai-interview-exit/elements';
import { ARTICLE_POLICY, candidate, card, interviewPage, until, widget, widgetIn, type Candidate } from './fixtures/candidate.js';

interface Args {
  locale: string;
}

/** Three approaches to the exit button within a minute. */
const HESITATION: AieIntentDetail = { signal: 'exit-hover', signals: ['exit-hover'], score: 1, at: '2026-03-01T09:30:00.000Z', nudge: true };
const NUDGE_POLICY = { ...ARTICLE_POLICY, defaults: { ...ARTICLE_POLICY.defaults, nudge: true } };

const meta: Meta<Args> = {
  title: 'Candidate/aie-intent-nudge',
  args: { locale: 'zh-CN' },
  argTypes: { locale: { control: 'inline-radio', options: ['zh-CN', 'en'] } },
  loaders: [async ({ args }) => ({ c: candidate({ locale: args.locale, config: NUDGE_POLICY }) })],
  render: (args, { loaded }) => {
    const { store, i18n } = loaded.c as Candidate;
    return card(html`<aie-intent-nudge .store=${store} .i18n=${i18n} .nudge=${HESITATION}></aie-intent-nudge>`, args.locale);
  },
};
export default meta;
type Story = StoryObj<Args>;

/** "需要帮助吗？" with "获取帮助" and the dismiss button. */
export const Nudge: Story = {};

/** In English: "Need a hand?". */
export const English: Story = { args: { locale: 'en' } };

/**
 * In the widget, beside the exit button and never over it, after the page reported two problems
 * (`signal('media-error')`, `signal('answer-failed')`): announced politely, focus untouched.
 */
export const InTheWidget: Story = {
  render: (args) => interviewPage(widget({ locale: args.locale, config: NUDGE_POLICY }), args.locale),
  play: async ({ canvasElement }) => {
    const el = await widgetIn(canvasElement);
    el.signal('media-error');
    el.signal('answer-failed');
    await until(() => el.shadowRoot!.querySelector('aie-intent-nudge')?.shadowRoot?.querySelector('[part=nudge]'));
  },
};

/** In the widget, in English, at a phone's width (375 px): the nudge fits under the exit button. */
export const InTheWidgetNarrow: Story = {
  name: 'In the widget (en, 375 px)',
  args: { locale: 'en' },
  render: (args) => html`<div style="inline-size: 375px; transform: translateZ(0); min-block-size: 480px; overflow: hidden">
    ${interviewPage(widget({ locale: args.locale, config: NUDGE_POLICY }), args.locale)}
  </div>`,
  play: InTheWidget.play,
};
