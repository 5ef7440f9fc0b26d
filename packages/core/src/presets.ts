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
  // §4.4: the answers the article's assistant gives before a candidate leaves (shown when a rule sets `helpOffer`).
  help: {
    faq: [
      {
        question: { 'zh-CN': '如何重新安排面试？', en: 'How do I reschedule?' },
        answer: { 'zh-CN': '退出后联系HR即可重新安排时间，您的进度会被保存。', en: 'After you exit, contact HR to pick a new time; your progress is kept.' },
      },
      {
        question: { 'zh-CN': '如何修改简历？', en: 'How do I edit my résumé?' },
        answer: { 'zh-CN': '在个人中心的“我的简历”中修改，保存后HR可以看到最新版本。', en: 'Edit it under "My résumé" in your profile; HR sees the latest version once saved.' },
      },
    ],
  },
  rules: [
    { id: 'self-introduction-free', when: { stages: ['self-introduction'] }, then: { gate: 'free' } },
    { id: 'professional-confirm', when: { stages: ['professional'] }, then: { gate: 'confirm' } },
    { id: 'frontline-review', when: { jobTypes: ['frontline'] }, then: { review: 'after-exit' } },
    { id: 'manager-free', when: { jobTypes: ['manager'] }, then: { review: 'none' } },
    { id: 'executive-code', when: { jobTypes: ['executive'] }, then: { gate: 'verify' } },
  ],
};
