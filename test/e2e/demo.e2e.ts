// The demo as a person uses it (R28): the article's four steps, the executive's code, re-entry,
// an exit made offline, and HR's CSV. Screenshots of each step go to test-artifacts/e2e/.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseCsv } from '@ai-interview-exit/core/insights';
import { rowTexts } from '../support/table-text.js';
import { aieErrorsOf, interviewIdOf, open, shot, startDemo, type Demo } from './demo-harness.js';

let demo: Demo;
before(async () => {
  demo = await startDemo();
});
after(() => demo?.close());

describe('the demo, end to end', () => {
  it('plays the four steps: exit → confirm → success → HR sees it live, without a reload', async () => {
    const hr = await open(demo.browser, `${demo.base}/hr`);
    await hr.page.getByRole('table').first().waitFor();
    const candidate = await open(demo.browser, `${demo.base}/candidate?job=frontline`);
    const { page } = candidate;
    await page.getByRole('button', { name: '下一题' }).click(); // on to the professional stage
    await shot(page, '1-interview');

    await page.getByRole('button', { name: '退出面试', exact: true }).first().click(); // step 1
    const dialog = page.getByRole('dialog', { name: '退出面试' });
    await dialog.waitFor();
    const confirm = dialog.getByRole('button', { name: '确认退出' });
    const cancel = dialog.getByRole('button', { name: '取消' });
    assert.equal(await confirm.evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(198, 40, 40)', 'red');
    assert.match(await cancel.evaluate((b) => getComputedStyle(b).backgroundColor), /rgb\(227, 227, 227\)/, 'grey');
    await dialog.getByText('您已完成10%的面试，是否确定退出？').waitFor();
    await shot(page, '2-confirm'); // step 2

    await dialog.getByRole('radio', { name: /突发情况/ }).check();
    const interviewId = await interviewIdOf(page);
    await confirm.click();
    await page.getByText('您已成功退出面试，我们将保存您的面试数据，如需重新安排，请联系HR。').waitFor();
    await shot(page, '3-success'); // step 3

    const row = hr.page.getByRole('row').filter({ hasText: '突发情况' }).filter({ hasText: '退出面试' }).first();
    // Live, without a reload of the HR page; the bound is a generous outer one, not a speed check.
    await row.waitFor({ timeout: 30_000 });
    const text = await row.innerText();
    assert.match(text, /2026|\d{4}年/, 'the exit time');
    await hr.page.getByText(/候选人.+已退出面试，原因：突发情况/).waitFor({ timeout: 30_000 });
    await shot(hr.page, '4-hr-live'); // step 4
    assert.equal((await demo.exitsOf(interviewId)).length, 1);
    assert.deepEqual([...candidate.errors, ...hr.errors], []);
    await Promise.all([page.close(), hr.page.close()]);
  });

  it('asks an executive for the one-time code shown on the demo phone, and the code works', async () => {
    const { page, errors } = await open(demo.browser, `${demo.base}/candidate?job=executive&lang=en`);
    await page.getByRole('button', { name: 'Exit interview', exact: true }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Confirm exit' }).click();
    const code = await page.locator('#phone li').filter({ hasText: /\b\d{6}\b/ }).first().innerText();
    const digits = code.match(/\b(\d{6})\b/)![1]!;
    assert.match(code, /Your code to exit the interview is \d{6}/, 'the text is in the candidate\'s language');
    const input = dialog.getByRole('textbox', { name: 'Verification code' });
    assert.equal(await input.getAttribute('autocomplete'), 'one-time-code');
    await shot(page, 'executive-code');
    await input.fill(digits);
    await dialog.getByRole('button', { name: 'Verify and exit' }).click();
    await page.getByText('You have exited the interview.', { exact: false }).first().waitFor();
    // once the server has it: the view shows from the moment the exit is sent
    await page.getByText(/Submitted\. Receipt number: /).first().waitFor();
    const exits = await demo.exitsOf(await interviewIdOf(page));
    assert.equal(exits.length, 1);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('an early exit (self-introduction, a free exit) offers the reason too, and HR gets it (R9)', async () => {
    const { page, errors } = await open(demo.browser, `${demo.base}/candidate?job=manager&lang=en`);
    await page.getByRole('button', { name: 'Exit interview', exact: true }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Exit the interview' });
    await dialog.getByRole('radio', { name: 'A privacy concern' }).check();
    await dialog.getByRole('button', { name: 'Confirm exit' }).click();
    await page.getByText(/Submitted\. Receipt number: /).first().waitFor();
    const [exit] = await demo.exitsOf(await interviewIdOf(page));
    assert.equal((exit as { reason?: { code?: string } }).reason?.code, 'privacy');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('a manager in the professional questions is offered help first (R27): a topic, a message, the ticket, back to the interview', async () => {
    const { page, errors } = await open(demo.browser, `${demo.base}/candidate?job=manager&lang=en`);
    await page.getByRole('button', { name: 'Next question' }).click(); // on to the professional stage
    await page.getByRole('button', { name: 'Exit interview', exact: true }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Why are you leaving? Can we help?' });
    await dialog.getByText('How do I reschedule?').click();
    await dialog.getByText('After you exit, contact HR to pick a new time; your progress is kept.').waitFor();
    await dialog.getByRole('radio', { name: 'Rescheduling the interview' }).check();
    await dialog.getByRole('textbox', { name: 'Anything the person should know (optional)' }).fill('My train is late; can we do this at 4 pm?');
    await dialog.getByRole('button', { name: 'Talk to a person' }).click();
    const status = dialog.getByRole('status').filter({ hasText: 'Ticket: t-' });
    await status.waitFor();
    assert.match(await status.innerText(), /^A person will answer you by .+\. Ticket: t-[\w-]+$/);
    await shot(page, 'help-offer-ticket');
    await dialog.getByRole('button', { name: 'Back to the interview' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Next question' }).waitFor(); // the interview goes on
    assert.deepEqual(await demo.exitsOf(await interviewIdOf(page)), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('the candidate turns the spoken prompt on (R21): it is spoken at once and at the next open', async () => {
    const { page, errors } = await open(demo.browser, `${demo.base}/candidate?job=frontline&lang=en`);
    await page.evaluate(() => {
      const spoken: string[] = ((window as unknown as { spoken: string[] }).spoken = []);
      speechSynthesis.speak = (utterance) => void spoken.push(utterance.text);
    });
    const spoken = () => page.evaluate(() => (window as unknown as { spoken: string[] }).spoken);
    await page.getByRole('button', { name: 'Exit interview', exact: true }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Exit the interview' });
    const toggle = dialog.getByRole('button', { name: 'Read aloud' });
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    assert.deepEqual(await spoken(), ['You are about to exit the interview. Please confirm whether to continue.']);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Exit interview', exact: true }).first().click();
    await dialog.waitFor();
    assert.equal((await spoken()).length, 2);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('re-entry: back after an exit, the candidate is told and shown how to reschedule (R14)', async () => {
    const { page } = await open(demo.browser, `${demo.base}/candidate?job=manager`);
    await page.getByRole('button', { name: '退出面试', exact: true }).first().click();
    await page.getByRole('dialog').getByRole('button', { name: '确认退出' }).click();
    // once the server has it (an exit still in the outbox would be shown as pending instead)
    await page.getByText(/已提交，回执编号/).first().waitFor();
    await page.reload();
    await page.getByText('您已退出本次面试，是否需要重新安排？').waitFor();
    await shot(page, 'reentry');
    await page.close();
  });

  it('offline: the exit is kept, survives a reload, and reaches the server once, with its receipt', async () => {
    const { page, errors } = await open(demo.browser, `${demo.base}/candidate?job=manager&lang=en`);
    const interviewId = await interviewIdOf(page);
    await page.context().setOffline(true); // the network drops
    await page.getByRole('button', { name: 'Exit interview', exact: true }).first().click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm exit' }).click();
    await page.getByText('You are offline. Your exit is saved on this device', { exact: false }).first().waitFor();
    await shot(page, 'offline-queued');
    // The page is reloaded while the backend still cannot be reached (its beacon on the way out fails too).
    demo.setBackendDown(true);
    await page.context().setOffline(false);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    await page.getByText('You have exited the interview.', { exact: false }).first().waitFor();
    // The network is back but the server answers 503: not "offline", but not accepted yet.
    await page.getByText('Your exit is saved on this device. The server has not accepted it yet', { exact: false }).first().waitFor();
    await shot(page, 'offline-after-reload');
    assert.equal((await demo.exitsOf(interviewId)).length, 0, 'nothing reached the server yet');
    // Back: the browser says "online", the outbox sends.
    demo.setBackendDown(false);
    await page.context().setOffline(true);
    await page.context().setOffline(false);
    await page.getByText(/Submitted\. Receipt number: /).first().waitFor();
    await shot(page, 'offline-delivered');
    assert.equal((await demo.exitsOf(interviewId)).length, 1);
    assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|503|Failed to fetch|Failed to load resource/.test(e)), []);
    await page.close();
  });

  it('resume (R15): answer 3, reload → "continue?"; continue → question 4; no false aie-error on load', async () => {
    const { page, errors } = await open(demo.browser, `${demo.base}/candidate?job=manager`);
    assert.deepEqual(await aieErrorsOf(page), [], 'the page sets the widget up after an await: no alarm');
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: '下一题' }).click();
    await page.getByText('第 4 / 10 题').waitFor();
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    await page.getByText('您上次面试未完成，是否继续？').waitFor();
    await shot(page, 'resume-prompt');
    await page.getByRole('button', { name: '继续面试' }).click();
    await page.getByText('您上次面试未完成，是否继续？').waitFor({ state: 'detached' });
    assert.equal(await page.locator('main #counter').innerText(), '第 4 / 10 题');
    assert.equal(await page.locator('main #question').innerText(), '您如何保证工作中的安全与质量？请举例说明。');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'answer', 'the candidate goes on answering');

    // The page lost its own record of the interview; the device kept it: continue still brings question 4.
    const interviewId = await interviewIdOf(page);
    await page.evaluate((id) => localStorage.removeItem(`demo:progress:${id}`), interviewId);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    await page.getByRole('button', { name: '继续面试' }).click();
    await page.getByText('第 4 / 10 题').waitFor();
    assert.deepEqual(await aieErrorsOf(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('resume (R15): the connection comes back during the interview → "continue?", announced, focus kept', async () => {
    const { page, errors } = await open(demo.browser, `${demo.base}/candidate?job=manager&lang=en`);
    await page.getByRole('button', { name: 'Next question' }).click();
    const answer = page.getByRole('textbox', { name: 'Your answer' });
    await answer.focus();
    await page.context().setOffline(true);
    await page.context().setOffline(false);
    const message = page.getByText('Your last interview was not finished. Would you like to continue?');
    await message.waitFor();
    assert.equal(await message.evaluate((node) => node.getRootNode() instanceof ShadowRoot && (node.getRootNode() as ShadowRoot).host.closest('[aria-live=polite]') !== null), true, 'in the polite live region');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'answer', 'focus stays where the candidate is');
    await shot(page, 'resume-online-again');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('Question 2 of 10').waitFor();
    assert.deepEqual(await aieErrorsOf(page), []);
    assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|Failed to load resource/.test(e)), []);
    await page.close();
  });

  it('a candidate asks for a person instead of the AI: told what happens next, and HR sees the request on that exit', async () => {
    const { page, errors } = await open(demo.browser, `${demo.base}/candidate?job=frontline&lang=en`);
    await page.getByRole('button', { name: 'Exit interview', exact: true }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Exit the interview' });
    await dialog.getByRole('checkbox', { name: 'I would rather be interviewed by a person' }).check();
    await shot(page, 'person-confirm');
    await dialog.getByRole('button', { name: 'Confirm exit' }).click();
    await page.getByText('HR will contact you to arrange an interview with a person.', { exact: true }).waitFor();
    await page.getByText(/Submitted\. Receipt number: /).first().waitFor();
    await shot(page, 'person-requested');
    const [exit] = (await demo.exitsOf(await interviewIdOf(page))) as unknown as { personRequested: boolean; candidateName: string | null; candidateRef: string }[];
    assert.equal(exit!.personRequested, true);

    const hr = await open(demo.browser, `${demo.base}/hr?lang=en`, { width: 1280, height: 1400 });
    const rows = hr.page.locator('aie-exit-report').getByRole('table').last().getByRole('row');
    const row = rows.filter({ hasText: exit!.candidateName ?? exit!.candidateRef });
    assert.match(await row.innerText(), /Wants a person/);
    assert.equal(await rows.filter({ hasText: 'Wants a person' }).count(), 1, 'no other exit asked');
    await hr.page.getByText('Asked for an interview with a person: 1').waitFor();
    await shot(hr.page, 'hr-person-requested');
    assert.deepEqual([...errors, ...hr.errors], []);
    await Promise.all([page.close(), hr.page.close()]);
  });

  it('HR exports as CSV exactly the rows of the table', async () => {
    const { page } = await open(demo.browser, `${demo.base}/hr`, { width: 1280, height: 1400 });
    const table = page.locator('aie-exit-report').getByRole('table').last();
    await table.waitFor();
    const shown = await table.locator('tbody tr').evaluateAll(rowTexts);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出CSV' }).click()]);
    const csv = parseCsv(await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8')));
    assert.ok(shown.length >= 10, `${shown.length} rows`);
    assert.deepEqual(csv.slice(1), shown);
    await shot(page, 'hr-report');
    await page.close();
  });
});
