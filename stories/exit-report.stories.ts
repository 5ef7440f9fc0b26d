// The HR report, one export per visible state.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { defaultConfig } from '@ai-interview-exit/core';
import { createMemoryHrAdapter, type HrAdapter } from '@ai-interview-exit/core/insights';
import '@ai-interview-exit/elements/define/report';
import { HR_ROWS, STARTED } from './fixtures/hr-rows.js';

interface Args {
  locale: string;
  jobType: string;
}

const report = defaultConfig().report;
const adapter = (rows = HR_ROWS) => createMemoryHrAdapter({ rows, started: STARTED, report });

const meta: Meta<Args> = {
  title: 'HR/Exit report',
  args: { locale: 'zh-CN', jobType: '' },
  argTypes: { locale: { control: 'inline-radio', options: ['zh-CN', 'en'] } },
  render: ({ locale, jobType }) => html`<aie-exit-report locale=${locale} job-type=${jobType} time-zone="Asia/Shanghai" .adapter=${adapter()}></aie-exit-report>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Seven exits, the front-line alert (40 % > 30 %), a flagged "mis-click" and a repeated "emergency". */
export const Default: Story = {};
export const English: Story = { args: { locale: 'en' } };
export const FilteredByRole: Story = { args: { jobType: 'manager' } };
export const Empty: Story = {
  render: ({ locale }) => html`<aie-exit-report locale=${locale} .adapter=${adapter([])}></aie-exit-report>`,
};
export const LoadFailed: Story = {
  render: ({ locale }) => {
    const failing: HrAdapter = { listExits: () => Promise.reject(new Error('HTTP 503')), watch: () => () => {} };
    return html`<aie-exit-report locale=${locale} .adapter=${failing}></aie-exit-report>`;
  },
};
export const Dark: Story = {
  render: ({ locale }) => html`<div style="background:#111;padding:16px;color-scheme:dark">
    <aie-exit-report locale=${locale} time-zone="Asia/Shanghai" .adapter=${adapter()}
      style="--aie-color-surface:#202124;--aie-color-text:#ededed;--aie-color-muted:#c2c2c2;--aie-color-border:#9aa0a6;--aie-color-danger-text:#ff8a80;--aie-color-focus:#8ab4f8;--aie-color-neutral:#3c4043;--aie-color-on-neutral:#ededed;--aie-color-scheme:dark"></aie-exit-report>
  </div>`,
};
