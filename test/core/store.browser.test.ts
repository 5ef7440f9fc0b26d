// The headless core in a real Chromium: a whole exit, and per-widget i18n, with no element involved.
import { expect } from '@open-wc/testing';
import { createExitStore, newUuid, UuidSchema, type StoreEvent } from '@ai-interview-exit/core';
import { ARTICLE_POLICY } from '@ai-interview-exit/core/presets';
import { createI18n } from '@ai-interview-exit/core/i18n';
import { createMemoryAdapter } from '@ai-interview-exit/core/memory';
import { contextFor, progressAt } from '../support/fixtures.js';
import { until } from '../support/wait.js';

describe('core in Chromium', () => {
  it('runs an executive exit with a one-time code end to end', async () => {
    const codes: string[] = [];
    const events: StoreEvent[] = [];
    const adapter = createMemoryAdapter({ onCode: (code) => codes.push(code) });
    const store = createExitStore({ config: ARTICLE_POLICY, context: contextFor({ jobType: 'executive' }), adapter, onEvent: (e) => events.push(e) });
    store.setProgress(progressAt(9));
    store.open('button');
    store.dispatch({ type: 'setReason', code: 'privacy' });
    store.dispatch({ type: 'confirm' });
    await until(() => { const state = store.getState(); return state.status === 'verify' && state.verify.phase === 'sent'; }, 'the code sent');
    store.dispatch({ type: 'submitCode', code: codes[0]! });
    await until(() => events.some((e) => e.name === 'exit-complete'), 'the exit acknowledged');
    expect(store.getState().status).to.equal('done');
    expect(adapter.exits()).to.have.length(1);
    expect(adapter.exits()[0]!.verification).to.equal('verified');
    expect(adapter.exits()[0]!.progress!.answered).to.equal(9);
    expect(events.map((e) => e.name)).to.deep.equal(['exit-confirm', 'exit-complete']);
  });

  it('makes UUIDs in the browser', () => {
    expect(UuidSchema.safeParse(newUuid()).success).to.equal(true);
  });

  it('gives each widget its own translations', async () => {
    const zh = createI18n(navigator.language.startsWith('zh') ? 'en' : 'zh-CN');
    const en = createI18n('en', { en: { exit: { button: 'Leave' } } });
    expect(en.t('exit.button')).to.equal('Leave');
    expect(createI18n('en').t('exit.button')).to.equal('Exit interview');
    expect(zh.t('confirm.progress', { percent: 50 })).to.match(/50/);
  });
});
