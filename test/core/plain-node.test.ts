// The built package, imported by name in a plain Node process: no DOM, no loader, no source condition.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';

const script = `
  const core = await import('@ai-interview-exit/core');
  const { createI18n } = await import('@ai-interview-exit/core/i18n');
  const { createMemoryAdapter } = await import('@ai-interview-exit/core/memory');
  const { ARTICLE_POLICY } = await import('@ai-interview-exit/core/presets');
  const context = { interviewId: 'iv-1', candidateRef: 'c1', jobType: 'frontline', stage: 'professional', locale: 'en', timeZone: 'UTC', progress: null };
  const adapter = createMemoryAdapter();
  const store = core.createExitStore({ config: ARTICLE_POLICY, context, adapter });
  store.open('api');
  store.dispatch({ type: 'confirm' });
  await new Promise((r) => setTimeout(r, 0));
  console.log(JSON.stringify({
    window: typeof window, document: typeof document, state: store.getState().status,
    exits: adapter.exits().length, label: createI18n('en').t('exit.button'),
  }));
`;

describe('@ai-interview-exit/core in plain Node', () => {
  it('imports by package name and runs a whole exit without a DOM', () => {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    assert.deepEqual(JSON.parse(out), { window: 'undefined', document: 'undefined', state: 'done', exits: 1, label: 'Exit interview' });
  });
});
