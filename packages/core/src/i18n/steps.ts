/**
 * @ai-interview-exit/core/i18n/steps: the strings of the steps that come with the widget's later
 * parts (the one-time code step, the hand-off in the help offer, the resume prompt). A step adds
 * them to its widget's translator before it first renders, under what the instance already
 * has: a vendor's replacements (R23) win, as they do over every shipped string.
 */
import { NAMESPACE, type StepMessages, type SupportedLocale, type Translator } from './index.js';
import en from './locales/steps.en.js';
import zhCN from './locales/steps.zh-CN.js';

export const stepResources: Record<SupportedLocale, StepMessages> = { 'zh-CN': zhCN, en };

const added = new WeakSet<Translator>();

/** Give an instance the steps' strings, once; what it has already is kept. */
export function addStepStrings(translator: Translator): void {
  if (added.has(translator)) return;
  added.add(translator);
  for (const [lng, texts] of Object.entries(stepResources)) translator.addResourceBundle(lng, NAMESPACE, texts, true, false);
}
