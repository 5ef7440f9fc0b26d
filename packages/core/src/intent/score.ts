import type { ExitConfig } from '../schemas/config.js';
import type { IntentConfig } from '../schemas/intent.js';
import { VendorSignalSchema, type VendorSignal } from '../schemas/nudge.js';
import type { IntentSignal } from '../schemas/nudge-record.js';
import { ruleMatches, type PlanContext } from '../policy/plan.js';

/** One signal and when it came (ms since the epoch). */
export interface SignalEntry {
  name: IntentSignal;
  at: number;
}

/** What the widget remembers about hesitation: recent signals, and when the last nudge was shown. */
export interface IntentState {
  signals: readonly SignalEntry[];
  /** When the last nudge was shown (or dismissed, whichever is later); the quiet period counts from here. */
  quietFrom: number | null;
}

/** What a signal leads to: the new state, the score now, and whether to offer help. */
export interface IntentReading {
  state: IntentState;
  /** The distinct signals in the window, in the order they first came. */
  signals: IntentSignal[];
  /** 0..1: how strongly the recent signals suggest the candidate is about to leave. */
  score: number;
  /** Offer help now: the score reached the threshold and no quiet period runs. */
  nudge: boolean;
}

export const INITIAL_INTENT: IntentState = Object.freeze({ signals: Object.freeze([]) as readonly SignalEntry[], quietFrom: null });

/** A page that floods `signal()` keeps only this many recent entries: memory and work stay bounded. */
export const MAX_SIGNALS = 32;

/** Weight of each signal but hovers (which reach 1 at the configured count): a long idle is half (thinking looks the same). */
const WEIGHTS: Partial<Record<IntentSignal, number>> = { idle: 0.5, 'answer-failed': 0.5, 'media-error': 0.5, 'network-unstable': 0.34 };

/** Weight of one signal, as a share of the score. */
export function signalWeight(name: IntentSignal, config: IntentConfig): number {
  return WEIGHTS[name] ?? 1 / config.hovers;
}

/** The score of the signals within the window that ends at `now`, at most 1. */
export function intentScore(signals: readonly SignalEntry[], now: number, config: IntentConfig): number {
  const from = now - config.windowSeconds * 1000;
  let sum = 0;
  for (const entry of signals) if (entry.at > from && entry.at <= now) sum += signalWeight(entry.name, config);
  // Rounded so that three hovers of a third each make exactly 1.
  return Math.min(1, Math.round(sum * 1000) / 1000);
}

/** Whether a quiet period that began at `quietFrom` still runs at `now`. */
export function isQuiet(state: IntentState, now: number, config: IntentConfig): boolean {
  return state.quietFrom !== null && now - state.quietFrom < config.quietMinutes * 60_000;
}

/**
 * Take one signal in: keep the recent ones (within the window, at most `MAX_SIGNALS`), score them,
 * and say whether to offer help. Offering help starts the quiet period and clears the signals, so
 * that the next nudge needs fresh hesitation after it.
 */
export function recordSignal(state: IntentState, name: IntentSignal, now: number, config: IntentConfig): IntentReading {
  const from = now - config.windowSeconds * 1000;
  const signals = [...state.signals.filter((entry) => entry.at > from), { name, at: now }].slice(-MAX_SIGNALS);
  const score = intentScore(signals, now, config);
  const names = [...new Set(signals.map((entry) => entry.name))];
  const nudge = score >= config.threshold && !isQuiet(state, now, config);
  return { state: nudge ? { signals: [], quietFrom: now } : { ...state, signals }, signals: names, score, nudge };
}

/** The candidate dismissed the nudge: the quiet period counts from now. */
export function quietFrom(state: IntentState, now: number): IntentState {
  return { ...state, quietFrom: now };
}

/** Whether the policy offers a nudge in this context: `defaults.nudge`, then each matching rule's `nudge`, in order. */
export function nudgeEnabled(config: ExitConfig, context: PlanContext): boolean {
  let enabled = config.defaults.nudge;
  for (const rule of config.rules) if (rule.then.nudge !== undefined && ruleMatches(rule, context)) enabled = rule.then.nudge;
  return enabled;
}

/** A vendor's signal name, checked: an unknown one is a programming mistake, named with the ones that exist. */
export function vendorSignal(name: unknown): VendorSignal {
  if (VendorSignalSchema.options.includes(name as VendorSignal)) return name as VendorSignal;
  throw new RangeError(`signal(${JSON.stringify(name)}): unknown; use one of ${VendorSignalSchema.options.join(', ')}`);
}
