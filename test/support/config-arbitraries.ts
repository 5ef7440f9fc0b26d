// fast-check generators for vendor configs, sensible or not: the presets mutated, structured
// configs with odd values, random JSON, and Object.prototype names as keys anywhere.
import fc from 'fast-check';
import { DEFAULT_REASON_CODES } from '@ai-interview-exit/core';
import { ARTICLE_POLICY } from '@ai-interview-exit/core/presets';

/** Names an object inherits: a lookup keyed by vendor data that reads them finds a function, not a value. */
export const PROTOTYPE_NAMES = [
  'constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf',
  'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__lookupSetter__', 'prototype',
] as const;

/** A plain JSON object from entries: `__proto__` becomes an own key, as JSON.parse makes it. */
const json = <T>(entries: [string, unknown][]) => Object.fromEntries(entries) as T;
const protoName = fc.constantFrom(...PROTOTYPE_NAMES);
const oneOf = <T>(...arbs: [number, fc.Arbitrary<T>][]) => fc.oneof(...arbs.map(([weight, arbitrary]) => ({ weight, arbitrary })));

const locale = oneOf<string>([6, fc.constantFrom('zh-CN', 'en', 'en-US', 'zh', 'fr', 'ja-JP')], [2, protoName], [1, fc.string({ maxLength: 6 })]);
/** Codes as the config writes them (reasons, job types, stages): `constructor` is a valid one. */
export const codeArb = oneOf<string>(
  [4, fc.constantFrom(...DEFAULT_REASON_CODES, 'constructor', 'relocation', 'frontline', 'manager', 'executive', 'professional', 'self-introduction')],
  [1, fc.stringMatching(/^[a-z]{1,6}(?:-[a-z0-9]{1,4})?$/)],
  [1, protoName],
);
const text = (max: number) => oneOf<unknown>([8, fc.string({ minLength: 1, maxLength: 24 })], [1, fc.constantFrom('', 'x'.repeat(max + 1), 7, null)]);
const labels = (max: number) => fc.array(fc.tuple(locale, text(max)), { maxLength: 3 }).map((entries) => json(entries));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
const effect = fc.record(
  {
    gate: fc.constantFrom('free', 'confirm', 'verify', 'verify', 'open'),
    reason: fc.constantFrom('optional', 'required'),
    review: fc.constantFrom('none', 'after-exit', 'before-exit'),
    helpOffer: fc.boolean(),
    cooldownDays: fc.constantFrom(0, 30, -1),
  },
  { requiredKeys: [] },
);
const rule = fc.record(
  {
    id: fc.constantFrom('a', 'b', 'constructor'),
    when: fc.record(
      { jobTypes: fc.array(codeArb, { minLength: 1, maxLength: 3 }), stages: fc.array(codeArb, { minLength: 1, maxLength: 2 }), minProgress: fc.double({ min: 0, max: 1, noNaN: true }), maxProgress: fc.double({ min: 0, max: 1, noNaN: true }) },
      { requiredKeys: [] },
    ),
    then: effect,
  },
  { requiredKeys: ['when', 'then'] },
);

/** A config written field by field, each field left out, sensible, odd or hostile. */
const structuredArb = fc.record(
  {
    exitEnabled: fc.constantFrom(true, true, true, false),
    reasons: fc.array(fc.record({ code: codeArb, labels: labels(80), followUp: fc.constantFrom('recommend-roles', 'send-guide') }, { requiredKeys: ['code'] }), { maxLength: 6 }),
    freeText: fc.record({ enabled: fc.boolean(), maxLength: fc.constantFrom(20, 500, 5) }, { requiredKeys: [] }),
    defaults: effect,
    rules: fc.array(rule, { maxLength: 4 }),
    cooldownDays: fc.constantFrom(0, 30, 400),
    verification: fc.record(
      { channel: fc.constantFrom('sms', 'email', 'none'), onFailure: fc.constantFrom('exit-unverified', 'contact-hr'), codeLength: fc.constantFrom(4, 6, 9), resendSeconds: fc.constantFrom(0, 60, 600), maxAttempts: fc.constantFrom(1, 5) },
      { requiredKeys: [] },
    ),
    hrContact: fc.record({ email: fc.constantFrom('hr@example.com', 'not an email'), phone: fc.constant('+86 10 1234 5678'), url: fc.constant('https://example.com/hr') }, { requiredKeys: [] }),
    help: fc.record({ faq: fc.array(fc.record({ question: labels(200), answer: labels(1000) }), { maxLength: 3 }) }),
    report: fc.record(
      { exitRateThreshold: fc.constantFrom(0.3, 0.5, 2), roleThresholds: fc.array(fc.tuple(codeArb, fc.constantFrom(0.1, 0.5, 1)), { maxLength: 3 }).map((entries) => json(entries)) },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One edit somewhere in a JSON tree: replace a value, add a key (prototype names included) or drop one. */
const editArb = fc.record({ node: fc.nat(), slot: fc.nat(), op: fc.constantFrom('set', 'add', 'drop'), key: oneOf<string>([2, protoName], [1, fc.string({ maxLength: 8 })], [1, codeArb]), value: fc.jsonValue({ maxDepth: 2 }) });

function mutate(tree: Json, edits: ValueOf<typeof editArb>[]): Json {
  const root = structuredClone(tree);
  for (const edit of edits) {
    const nodes: (Json[] | { [key: string]: Json })[] = [];
    const walk = (value: Json) => {
      if (!value || typeof value !== 'object') return;
      nodes.push(value);
      Object.values(value).forEach(walk);
    };
    walk(root);
    const node = nodes[edit.node % nodes.length];
    if (!node) continue;
    const keys = Object.keys(node);
    const key = edit.op === 'add' || keys.length === 0 ? edit.key : keys[edit.slot % keys.length]!;
    if (edit.op === 'drop') delete (node as Record<string, Json>)[key];
    else Object.defineProperty(node, key, { value: edit.value as Json, enumerable: true, writable: true, configurable: true });
  }
  return root;
}

const presetArb = fc.constantFrom<Json>(
  {},
  ARTICLE_POLICY as Json,
  { ...(ARTICLE_POLICY as { [key: string]: Json }), defaults: { gate: 'verify', reason: 'required', helpOffer: true } },
  { ...(ARTICLE_POLICY as { [key: string]: Json }), verification: { onFailure: 'contact-hr' } },
);

/** Any config a vendor might hand the widget: mostly well-formed, often hostile, sometimes junk. */
export const configArb: fc.Arbitrary<unknown> = oneOf<unknown>(
  [4, fc.tuple(presetArb, fc.array(editArb, { maxLength: 4 })).map(([preset, edits]) => mutate(preset, edits))],
  [4, fc.tuple(structuredArb, fc.array(editArb, { maxLength: 2 })).map(([config, edits]) => mutate(config as Json, edits))],
  [1, fc.jsonValue({ maxDepth: 3 })],
  [1, fc.dictionary(oneOf<string>([1, protoName], [1, fc.constantFrom('reasons', 'help', 'report', 'rules', 'defaults')]), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 })],
);

/** Replacement strings (the widget's `messages`): mostly strings by locale and group, also junk. */
export const messagesArb: fc.Arbitrary<unknown> = oneOf<unknown>(
  [3, fc.constant(undefined)],
  [3, fc.array(fc.tuple(locale, fc.array(fc.tuple(oneOf<string>([2, fc.constantFrom('exit', 'reason', 'verify')], [1, protoName]), fc.jsonValue({ maxDepth: 2 })), { maxLength: 2 }).map((groups) => json(groups))), { maxLength: 2 }).map((entries) => json(entries))],
  [1, fc.jsonValue({ maxDepth: 3 })],
);

/** Where the candidate is when they press exit. */
export const planContextArb = fc.record({
  jobType: codeArb.filter((code) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(code)),
  stage: fc.constantFrom('self-introduction', 'professional', 'closing', 'constructor'),
  answered: fc.integer({ min: 0, max: 10 }),
});

/** A vendor's whole setup: the config, the strings, the interview. */
export const setupArb = fc.record({ config: configArb, messages: messagesArb, context: planContextArb, reasonPick: fc.nat() });
export type Setup = ValueOf<typeof setupArb>;
