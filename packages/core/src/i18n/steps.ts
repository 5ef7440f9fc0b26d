/**
 * @ai-interview-exit/core/i18n/steps: the strings of the steps that come with the widget's later
 * parts (the one-time code step, the hand-off in the help offer, the resume prompt). A step adds
 * them to its widget's i18next instance before it first renders, under what the instance already
 * has: a vendor's replacements (R23) win, as they do over every shipped string.
 */
import type { i18n } from 'i18next';
import { NAMESPACE, type StepMessages, type SupportedLocale } from './index.js';
import en from './locales/steps.en.js';
import zhCN from './locales/steps.zh-CN.js';

export const stepResources: Record<SupportedLocale, StepMessages> = { 'zh-CN': zhCN, en };

const added = new WeakSet<i18n>();

/** Give an instance the steps' strings, once; what it has already is kept. */
export function addStepStrings(instance: i18n): void {
  if (added.has(instance)) return;
  added.add(instance);
  for (const [lng, texts] of Object.entries(stepResources)) instance.addResourceBundle(lng, NAMESPACE, structuredClone(texts), true, false);
}
