// <ai-interview-exit> on an interview page: languages, placements, themes and problems.
// The flow's own states are in the stories of the parts that show them.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { AieErrorEvent } from '@ai-interview-exit/elements';
import { createMemoryAdapter, INTERVIEW, interviewPage, openWidget, progressAt, until, widget, widgetIn, type WidgetOptions } from './fixtures/candidate.js';

const meta: Meta<WidgetOptions> = {
  title: 'Candidate/ai-interview-exit',
  args: { locale: 'zh-CN', placement: 'top-right' },
  argTypes: {
    locale: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    placement: { control: 'select', options: ['top-right', 'top-left', 'bottom-right', 'bottom-left', 'inline'] },
    jobType: { control: 'select', options: ['engineer', 'frontline', 'manager', 'executive'] },
  },
  render: (args) => interviewPage(widget(args), args.locale),
};
export default meta;
type Story = StoryObj<WidgetOptions>;

const openOnRender: Story['play'] = async ({ canvasElement }) => {
  await openWidget(canvasElement);
};

/** The exit button, always visible in the same corner (R2), in Chinese. */
export const IdleZhCN: Story = { name: 'Idle (zh-CN)' };

/** The same in English. */
export const IdleEn: Story = { name: 'Idle (en)', args: { locale: 'en' } };

/** The confirmation in Chinese, as the exit button opens it. */
export const ConfirmZhCN: Story = { name: 'Confirm (zh-CN)', play: openOnRender };

/** The confirmation in English. */
export const ConfirmEn: Story = { name: 'Confirm (en)', args: { locale: 'en' }, play: openOnRender };

/** Out: the success view in the same dialog (R12), the record delivered. */
export const Exited: Story = {
  play: async ({ canvasElement }) => {
    const el = await openWidget(canvasElement);
    el.store!.dispatch({ type: 'setReason', code: 'emergency' });
    el.store!.dispatch({ type: 'confirm' });
    await until(() => {
      const state = el.store!.getState();
      return state.status === 'done' && state.delivery.state === 'delivered';
    });
  },
};

/** A return visit to an interview already exited (R14): the panel under the button, with HR to contact. */
export const Reentry: Story = {
  args: {
    adapter: createMemoryAdapter({ statuses: [{ interviewId: INTERVIEW, status: 'exited', exitedAt: '2026-11-20T08:00:00.000Z', cooldownUntil: '2026-12-20T08:00:00.000Z' }] }),
  },
};

/** Bottom-left, for interview layouts with controls in the top corners. */
export const BottomLeft: Story = { args: { placement: 'bottom-left' } };

/** In the page's flow, e.g. in the vendor's own toolbar. */
export const Inline: Story = { args: { placement: 'inline' } };

/** A config that would trap the candidate is refused (`aie-error`, config-invalid) and the safe defaults apply: confirm, then out. */
export const ConfigError: Story = {
  render: (args) => {
    const show = (event: AieErrorEvent) => {
      const log = (event.currentTarget as HTMLElement).querySelector('output')!;
      log.value = `aie-error: ${event.detail.code} (${event.detail.problems?.map((p) => p.code).join(', ')})`;
    };
    return html`<div @aie-error=${show}>
      <output style="display: block; padding: 8px 16px; font: 14px ui-monospace, monospace; color: #8a1c1c"></output>
      ${interviewPage(widget({ ...args, config: { exitEnabled: false, defaults: { review: 'before-exit' } } }), args.locale)}
    </div>`;
  },
  play: openOnRender,
};

/** Right to left: the corner and the dialog mirror (logical properties). */
export const RightToLeft: Story = {
  args: { locale: 'en' },
  render: (args) => html`<div dir="rtl">${interviewPage(widget(args), args.locale)}</div>`,
  play: openOnRender,
};

/** Dark, forced with tokens on a light system (the fallbacks follow `prefers-color-scheme` by themselves). */
export const Dark: Story = {
  render: (args) =>
    interviewPage(
      widget({
        ...args,
        style:
          '--aie-color-scheme: dark; --aie-color-surface: #202124; --aie-color-text: #ededed; --aie-color-muted: #c2c2c2; --aie-color-border: #9aa0a6; --aie-color-danger-text: #ff8a80; --aie-color-neutral: #3c4043; --aie-color-on-neutral: #ededed; --aie-color-focus: #8ab4f8',
      }),
      args.locale,
      'background: #121212; color: #ededed; --aie-exit-link-color: #ff8a80',
    ),
  play: openOnRender,
};

/** A vendor's own look: tokens for colour, type and shape, and a CSS part. */
export const CustomTheme: Story = {
  render: (args) => html`<style>
      .vendor ai-interview-exit::part(dialog) { border-top: 6px solid #6a1b9a; }
      .vendor ai-interview-exit::part(title) { letter-spacing: 0.02em; }
    </style>
    <div class="vendor">
      ${interviewPage(
        widget({
          ...args,
          style:
            '--aie-font-family: Georgia, serif; --aie-radius: 2px; --aie-color-danger: #6a1b9a; --aie-color-danger-text: #6a1b9a; --aie-color-neutral: #f3e5f5; --aie-color-focus: #00695c; --aie-shadow: none',
        }),
        args.locale,
      )}
    </div>`,
  play: openOnRender,
};

/** Voice prompt on (R21): the confirmation is spoken in the widget's language when the dialog opens. */
export const Voice: Story = {
  args: { config: { voice: { enabled: true, rate: 0.9 } } },
  play: openOnRender,
};

/** Progress that changes while the candidate works: `setProgress()` feeds the confirmation (R7). */
export const LiveProgress: Story = {
  play: async ({ canvasElement }) => {
    const el = await widgetIn(canvasElement);
    el.setProgress(progressAt(8));
    await openWidget(canvasElement);
    await until(() => el.store?.getState().status === 'confirm');
  },
};

/** Without an adapter the exit still works, queued in the page; `aie-error` (adapter-missing) tells the vendor. */
export const NoAdapter: Story = {
  render: (args) => interviewPage(html`<ai-interview-exit interview-id="iv-2931" candidate-ref="c-7f3a" job-type="engineer" stage="professional" locale=${args.locale ?? 'zh-CN'}></ai-interview-exit>`, args.locale),
};
