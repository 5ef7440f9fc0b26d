// <aie-exit-link>: the inline exit a vendor puts under each question (R4).
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { interviewPage, until, widget, widgetIn } from './fixtures/candidate.js';

interface Args {
  locale: string;
}

const meta: Meta<Args> = {
  title: 'Candidate/aie-exit-link',
  args: { locale: 'zh-CN' },
  argTypes: { locale: { control: 'inline-radio', options: ['zh-CN', 'en'] } },
  render: ({ locale }) => interviewPage(widget({ locale }), locale),
};
export default meta;
type Story = StoryObj<Args>;

/** Under the question, in the widget's language. */
export const UnderAQuestion: Story = {};

/** In English. */
export const English: Story = { args: { locale: 'en' } };

/** Two widgets on the page: `for` picks one (the second speaks English). */
export const ForAWidget: Story = {
  render: ({ locale }) => html`<div lang=${locale} style="padding: 16px; font: 16px/1.6 system-ui, sans-serif">
    <p style="margin: 0">A <aie-exit-link for="widget-a"></aie-exit-link></p>
    <p style="margin: 0 0 16px">B <aie-exit-link for="widget-b"></aie-exit-link></p>
    ${widget({ locale, id: 'widget-a', interviewId: 'iv-a', placement: 'inline' })}
    ${widget({ locale: 'en', id: 'widget-b', interviewId: 'iv-b', placement: 'inline' })}
  </div>`,
};

/** The link opened the dialog; Cancel or Escape returns focus to it. */
export const Opened: Story = {
  play: async ({ canvasElement }) => {
    const el = await widgetIn(canvasElement);
    const link = canvasElement.querySelector('aie-exit-link')!;
    await until(() => link.shadowRoot?.querySelector('button'));
    link.shadowRoot!.querySelector('button')!.click();
    await until(() => el.store?.getState().status === 'confirm');
  },
};
