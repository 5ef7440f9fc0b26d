/**
 * @ai-interview-exit/core/presets: ready-made policies to start from.
 * A subpath of its own, so that the headless entry carries only what every widget needs.
 */
import type { ExitConfigInput } from './schemas/config.js';

/**
 * The article's own policy (§4.1): front-line roles are reviewed by HR, management roles leave
 * freely, executives confirm with a one-time code, the self-introduction stage is a free exit,
 * the professional stage asks for confirmation, and a 30-day re-application cooldown.
 */
export const ARTICLE_POLICY: ExitConfigInput = {
  cooldownDays: 30,
  hrContact: { email: 'hr@example.com' },
  rules: [
    { id: 'self-introduction-free', when: { stages: ['self-introduction'] }, then: { gate: 'free' } },
    { id: 'professional-confirm', when: { stages: ['professional'] }, then: { gate: 'confirm' } },
    { id: 'frontline-review', when: { jobTypes: ['frontline'] }, then: { review: 'after-exit' } },
    { id: 'manager-free', when: { jobTypes: ['manager'] }, then: { review: 'none' } },
    { id: 'executive-code', when: { jobTypes: ['executive'] }, then: { gate: 'verify' } },
  ],
};
