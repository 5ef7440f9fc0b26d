// The policy engine, live: pick a role, a stage and the progress, and see what the candidate meets.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ExitConfigSchema, parseConfig, progressPercent, resolveExitPlan } from '@ai-interview-exit/core';
import { ARTICLE_POLICY } from '@ai-interview-exit/core/presets';

interface Args {
  jobType: string;
  stage: string;
  answered: number;
  total: number;
}

const article = ExitConfigSchema.parse(ARTICLE_POLICY);

function renderPlan({ jobType, stage, answered, total }: Args) {
  const plan = resolveExitPlan(article, { jobType, stage, progress: { answered, total } });
  const rows: [string, string][] = [
    ['Steps', plan.steps.join(' → ')],
    ['Gate', plan.gate],
    ['Progress notice (R7)', plan.progressNotice ? `yes: ${progressPercent({ answered, total })} %` : 'no'],
    ['Reason', plan.reason],
    ['One-time code (R6)', plan.verification ? plan.verification.channel : 'no'],
    ['HR review (R17)', plan.hrReview ? 'yes, after the exit' : 'no'],
    ['Cooldown (R19)', plan.cooldownDays ? `${plan.cooldownDays} days` : 'none'],
    ['Rules applied', plan.matchedRules.join(', ') || '(defaults)'],
  ];
  return html`<table style="border-collapse: collapse; font: 14px/1.5 system-ui, sans-serif">
    <caption style="text-align: start; font-weight: 600; padding-block-end: 8px">Exit plan for a ${jobType} in the ${stage} stage</caption>
    ${rows.map(([name, value]) => html`<tr><th scope="row" style="text-align: start; padding: 4px 16px 4px 0">${name}</th><td>${value}</td></tr>`)}
  </table>`;
}

const meta: Meta<Args> = {
  title: 'Core/Exit plan',
  render: renderPlan,
  argTypes: {
    jobType: { control: 'select', options: ['frontline', 'manager', 'executive', 'engineer'] },
    stage: { control: 'select', options: ['self-introduction', 'professional', 'closing'] },
    answered: { control: { type: 'range', min: 0, max: 10 } },
    total: { control: { type: 'number', min: 1 } },
  },
  args: { jobType: 'frontline', stage: 'professional', answered: 5, total: 10 },
};
export default meta;

type Story = StoryObj<Args>;

export const FrontLineReviewed: Story = {};
export const ManagerExitsFreely: Story = { args: { jobType: 'manager' } };
export const SelfIntroductionFreeExit: Story = { args: { jobType: 'engineer', stage: 'self-introduction', answered: 1 } };
export const ExecutiveOneTimeCode: Story = { args: { jobType: 'executive', answered: 9 } };

/** A config that would trap a candidate is refused, with every problem named. */
export const RefusedConfig: StoryObj = {
  render: () => {
    const parsed = parseConfig({ exitEnabled: false, defaults: { gate: 'verify', review: 'before-exit' }, verification: { channel: 'none' } });
    return html`<p style="font: 14px system-ui, sans-serif">Config ${parsed.ok ? 'accepted' : 'refused; the safe defaults apply'}:</p>
      <ul style="font: 14px/1.6 ui-monospace, monospace">
        ${parsed.problems.map((p) => html`<li>${p.severity} <strong>${p.code}</strong> at ${p.path.join('.')}: ${p.message}</li>`)}
      </ul>`;
  },
};
