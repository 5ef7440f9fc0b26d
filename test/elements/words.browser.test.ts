// The words follow what happened: the candidate's data choice and the data request's real status
// after the exit, a code announced before Confirm, and a too-short code said in words.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DataChoice } from '@ai-interview-exit/core';
import { ARTICLE_POLICY } from '@ai-interview-exit/core/presets';
import { createMemoryAdapter, type MemoryAdapter } from '@ai-interview-exit/core/memory';
import { expectFocusOn, mountWidget, openDialog, progressAt, settle, typeInto, until, untilStill } from './support.js';

/** A backend that carries out data requests at once, as the reference server does. */
function completingAdapter(): MemoryAdapter {
  const adapter = createMemoryAdapter();
  return { ...adapter, requestDeletion: async (request) => ({ ...(await adapter.requestDeletion(request)), status: 'completed' }) };
}

/** Exit with `choice` for the data and wait for the data request's receipt (if any). */
async function exitChoosing(choice: DataChoice, options: { locale?: string; adapter?: MemoryAdapter } = {}) {
  const parts = await mountWidget(options);
  await openDialog(parts);
  const index = ['keep', 'anonymise', 'delete'].indexOf(choice);
  parts.reasonForm()!.querySelectorAll<HTMLInputElement>('input[name=data]')[index]!.click();
  parts.confirmButton()!.click();
  await until(() => parts.result()?.querySelector(choice === 'keep' ? '[part=status]' : '[part=receipt]')?.textContent?.match(/Receipt|number|编号/), 'the receipt');
  const result = parts.result()!;
  return { parts, message: result.querySelector('[part=message]')!.textContent!, receipt: result.querySelector('[part=receipt]')?.textContent ?? null };
}

describe('the words after the exit follow the data choice and the receipt (bug 8)', () => {
  it('keeps the data: says so, and asks for nothing', async () => {
    const { message, receipt } = await exitChoosing('keep');
    expect(message).to.equal('You have exited the interview. We will keep your interview data; to reschedule, please contact HR.');
    expect(receipt).to.equal(null);
  });

  it('anonymise: never says the data is kept; a received request says by when it will be done', async () => {
    const { message, receipt } = await exitChoosing('anonymise');
    expect(message).to.equal('You have exited the interview and asked us to anonymise your personal data; to reschedule, please contact HR.');
    expect(message).not.to.contain('keep');
    expect(receipt).to.match(/^Data request number: del-\w+, to be completed by /);
  });

  it('delete, carried out at once: says the request is completed, with no date to wait for', async () => {
    const { parts, message, receipt } = await exitChoosing('delete', { adapter: completingAdapter() });
    expect(message).to.equal('You have exited the interview and asked us to delete your personal data; to reschedule, please contact HR.');
    expect(receipt).to.match(/^Data request number: del-\w+, completed$/);
    await untilStill(parts.el);
    await expect(parts.el).to.be.accessible();
  });

  it('in Chinese too', async () => {
    const deleted = await exitChoosing('delete', { locale: 'zh-CN', adapter: completingAdapter() });
    expect(deleted.message).to.equal('您已成功退出面试，并申请删除您的个人数据，如需重新安排，请联系HR。');
    expect(deleted.receipt).to.match(/^数据处理申请编号：del-\w+，已完成$/);
    const anonymised = await exitChoosing('anonymise', { locale: 'zh-CN' });
    expect(anonymised.message).to.equal('您已成功退出面试，并申请匿名化您的个人数据，如需重新安排，请联系HR。');
    expect(anonymised.receipt).to.match(/^数据处理申请编号：del-\w+，预计.+前完成$/);
  });
});

describe('an executive learns of the code before Confirm (bug 12)', () => {
  const notices = (parts: Awaited<ReturnType<typeof mountWidget>>) =>
    [...parts.dialog().querySelectorAll('[part=notice]')].map((notice) => notice.textContent);

  it('says a code will follow, in both languages', async () => {
    const en = await mountWidget({ jobType: 'executive', config: ARTICLE_POLICY });
    await openDialog(en);
    expect(notices(en)).to.include('After you confirm, we will send you a one-time code.');
    en.el.remove();
    const zh = await mountWidget({ jobType: 'executive', config: ARTICLE_POLICY, locale: 'zh-CN' });
    await openDialog(zh);
    expect(notices(zh)).to.include('确认后将向您发送验证码。');
    await untilStill(zh.el);
    await expect(zh.el).to.be.accessible();
  });

  it('says nothing of a code where none is asked', async () => {
    const parts = await mountWidget({ jobType: 'manager', config: ARTICLE_POLICY });
    await openDialog(parts);
    expect(notices(parts).join(' ')).not.to.contain('code');
  });
});

describe('a too-short code is said, never sent (bug 9)', () => {
  async function toCode(locale = 'en') {
    const codes: string[] = [];
    const adapter = createMemoryAdapter({ onCode: (code) => codes.push(code) });
    const parts = await mountWidget({ jobType: 'executive', config: ARTICLE_POLICY, adapter, locale, progress: progressAt(9) });
    await openDialog(parts);
    parts.confirmButton()!.click();
    await until(() => parts.verify()?.querySelector('input'), 'the code input');
    await settle();
    const verify = parts.verify()!;
    return { parts, adapter, codes, verify, input: verify.querySelector('input')!, error: verify.querySelector('[part=error]')! };
  }

  it('Enter on "12": an alert, aria-invalid, focus stays on the field, no check asked of the backend', async () => {
    const { parts, adapter, verify, input, error } = await toCode();
    input.focus();
    await sendKeys({ type: '12' });
    await sendKeys({ press: 'Enter' });
    await until(() => error.textContent, 'the message');
    expect(error.textContent).to.equal('Enter all 6 digits.');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')!.split(' ')).to.include(error.id);
    expectFocusOn(input, 'the code input');
    expect(adapter.calls.verifyCode).to.equal(0);
    expect(parts.el.store!.getState().status).to.equal('verify');
    await untilStill(parts.el);
    await expect(parts.el).to.be.accessible();

    // Typing again clears the message; the Verify button on a short code says it again and returns focus to the field.
    await sendKeys({ type: '3' });
    await until(() => !error.textContent, 'the message to go');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    verify.querySelector<HTMLButtonElement>('[part=submit-button]')!.click();
    await until(() => error.textContent, 'the message again');
    expectFocusOn(input, 'the code input');
    expect(adapter.calls.verifyCode).to.equal(0);
  });

  it('an empty code too, and in Chinese', async () => {
    const { adapter, input, error } = await toCode('zh-CN');
    input.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => error.textContent, 'the message');
    expect(error.textContent).to.equal('请输入6位验证码。');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expectFocusOn(input, 'the code input');
    expect(adapter.calls.verifyCode).to.equal(0);
  });

  it('a whole code goes to the backend as before', async () => {
    const { adapter, codes, input, error } = await toCode();
    typeInto(input, codes[0] === '000000' ? '111111' : '000000');
    input.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => adapter.calls.verifyCode === 1, 'the check');
    await until(() => error.textContent, 'the wrong-code message');
    expect(error.textContent).to.equal('That code is wrong or has expired. Please try again.');
  });
});
