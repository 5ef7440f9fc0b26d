// <aie-exit-button>: the always-visible exit (R2) and its tooltip (R3).
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createI18n } from '@ai-interview-exit/core/i18n';
import '@ai-interview-exit/elements/define';

interface Args {
  locale: string;
}

const meta: Meta<Args> = {
  title: 'Candidate/aie-exit-button',
  args: { locale: 'zh-CN' },
  argTypes: { locale: { control: 'inline-radio', options: ['zh-CN', 'en'] } },
  render: ({ locale }) => html`<div lang=${locale} style="padding: 8px 8px 96px"><aie-exit-button .i18n=${createI18n(locale)}></aie-exit-button></div>`,
};
export default meta;
type Story = StoryObj<Args>;

/** A red "×" and the words: "退出面试". */
export const Idle: Story = {};

/** "Exit interview". */
export const English: Story = { args: { locale: 'en' } };

/** The tooltip, as hover or keyboard focus shows it: "点击此处终止面试，数据将保存为'未完成'". */
export const Tooltip: Story = {
  play: async ({ canvasElement }) => {
    const button = canvasElement.querySelector('aie-exit-button')!;
    await button.updateComplete;
    button.dispatchEvent(new PointerEvent('pointerenter'));
  },
};

/** The tooltip in English. */
export const TooltipEnglish: Story = { ...Tooltip, args: { locale: 'en' } };

/** On a dark page, with the dark tokens. */
export const Dark: Story = {
  render: ({ locale }) => html`<div
    lang=${locale}
    style="padding: 16px 16px 96px; background: #121212; --aie-color-surface: #202124; --aie-color-text: #ededed; --aie-color-danger-text: #ff8a80; --aie-color-focus: #8ab4f8"
  >
    <aie-exit-button .i18n=${createI18n(locale)}></aie-exit-button>
  </div>`,
  play: Tooltip.play,
};
