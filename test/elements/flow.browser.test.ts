// Whole exits through the widget, against the in-memory backend.
import { expect, fixture, html } from '@open-wc/testing';
import { createExitStore } from '@ai-interview-exit/core';
import { createI18n } from '@ai-interview-exit/core/i18n';
import { ARTICLE_POLICY } from '@ai-interview-exit/core/presets';
import type { AieExitDialog } from '@ai-interview-exit/elements';
import { createMemoryAdapter } from '@ai-interview-exit/core/memory';
import { accessibleName, clearKeptProgress, expectFocusOn, keepProgressFor, keptProgressKey, mountWidget, openDialog, progressAt, settle, typeInto, until } from './support.js';

describe('exit flow', () => {
  beforeEach(clearKeptProgress);

  it('records a confirmed exit exactly once, with progress and time, even after 20 rapid clicks on Confirm', async () => {
    const parts = await mountWidget({ progress: progressAt(6) });
    await openDialog(parts);
    const confirm = parts.confirmButton()!;
    const before = Date.now();
    for (let i = 0; i < 10; i++) confirm.click();
    for (let i = 0; i < 10; i++) {
      confirm.click();
      await Promise.resolve();
    }
    // Acknowledged: every click was handled long before, and the outbox sends nothing more.
    await until(() => { const state = parts.el.store!.getState(); return state.status === 'done' && state.delivery.state === 'delivered'; }, 'the exit acknowledged');
    expect(parts.adapter.calls.submitExit).to.equal(1);
    const [record] = parts.adapter.exits();
    expect(parts.adapter.exits()).to.have.length(1);
    expect(record!.progress).to.deep.include({ answered: 6, total: 10, stage: 'professional' });
    expect(record!.progress!.questionSeconds).to.have.length(6);
    expect(Date.parse(record!.exitedAt)).to.be.within(before - 1000, Date.now() + 1000);
    expect(record!.timeZone).to.equal(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(record!.source).to.equal('button');
  });

  it('shows the success view with the exit time and reason, and delivery', async () => {
    const parts = await mountWidget();
    parts.button().click();
    await until(() => parts.reasonForm(), 'the reason form');
    parts.reasonForm()!.querySelector<HTMLInputElement>('input[name=reason]')!.click(); // emergency
    parts.confirmButton()!.click();
    await until(() => parts.result()?.querySelector('[part=status]')?.textContent?.includes('Receipt'), 'the receipt');
    const result = parts.result()!;
    const exitedAt = new Date(parts.adapter.exits()[0]!.exitedAt);
    const time = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short', timeZone: parts.adapter.exits()[0]!.timeZone }).format(exitedAt);
    expect(result.querySelector('[part=time]')!.textContent).to.equal(`Exit time: ${time}`);
    expect(result.querySelector('[part=reason]')!.textContent).to.equal('Reason: An emergency (family, network, device)');
    expect(parts.inDialog('h2')!.textContent).to.equal('You have left the interview');
    expectFocusOn(parts.inDialog('h2'), 'the result title');
  });

  it('takes an executive through the one-time code: the code from onCode, a wrong code keeps the reason text', async () => {
    const codes: string[] = [];
    const adapter = createMemoryAdapter({ onCode: (code) => codes.push(code) });
    const parts = await mountWidget({ jobType: 'executive', config: ARTICLE_POLICY, adapter, progress: progressAt(9) });
    parts.button().click();
    await until(() => parts.reasonForm()?.querySelector('textarea'), 'the reason form');
    parts.reasonForm()!.querySelectorAll<HTMLInputElement>('input[name=reason]')[3]!.click(); // privacy
    typeInto(parts.reasonForm()!.querySelector('textarea')!, 'Worried about the face recording');
    parts.confirmButton()!.click();
    await until(() => codes.length === 1 && parts.verify()?.querySelector('input'), 'the code to be sent');
    const verify = parts.verify()!;
    const input = verify.querySelector('input')!;
    expect(input.getAttribute('autocomplete')).to.equal('one-time-code');
    expect(input.getAttribute('inputmode')).to.equal('numeric');
    expect(verify.querySelector('[part=status]')!.textContent).to.contain('138****5678');
    expect(verify.querySelector('[part=resend-button]')!.textContent).to.match(/New code available in \d+ s/);

    const wrong = codes[0] === '000000' ? '111111' : '000000';
    typeInto(input, wrong);
    verify.querySelector<HTMLButtonElement>('[part=submit-button]')!.click();
    await until(() => verify.querySelector('[part=error]')!.textContent, 'the wrong-code message');
    expect(verify.querySelector('[part=error]')!.textContent).to.equal('That code is wrong or has expired. Please try again.');
    expect(verify.querySelector('[part=attempts]')!.textContent).to.equal('Attempts left: 4');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    const state = parts.el.store!.getState();
    expect(state.status === 'verify' && state.session.draft).to.deep.equal({ reasonCode: 'privacy', reasonText: 'Worried about the face recording', dataChoice: 'keep', personRequested: false });

    // pasted with spaces: one input, the digits are kept
    typeInto(input, `${codes[0]!.slice(0, 3)} ${codes[0]!.slice(3)}`);
    expect(input.value).to.equal(codes[0]);
    verify.querySelector<HTMLButtonElement>('[part=submit-button]')!.click();
    await until(() => adapter.exits().length === 1, 'the verified exit');
    const [record] = adapter.exits();
    expect(record!.verification).to.equal('verified');
    expect(record!.reason).to.deep.equal({ code: 'privacy', text: 'Worried about the face recording' });
    expect(record!.progress!.answered).to.equal(9);
  });

  it('offers "exit unverified" once the code is locked, and records the exit for HR review', async () => {
    const adapter = createMemoryAdapter();
    const parts = await mountWidget({ jobType: 'executive', config: ARTICLE_POLICY, adapter });
    await openDialog(parts);
    parts.confirmButton()!.click();
    await until(() => parts.verify()?.querySelector('input'), 'the code input');
    for (let attempt = 0; attempt < 5; attempt++) {
      const verify = parts.verify()!;
      typeInto(verify.querySelector('input')!, '0000000'.slice(0, 6));
      verify.querySelector<HTMLButtonElement>('[part=submit-button]')!.click();
      await until(() => {
        const state = parts.el.store!.getState();
        return state.status === 'verify' && state.verify.phase !== 'checking';
      }, `attempt ${attempt + 1} to be checked`);
    }
    await until(() => parts.verify()?.querySelector('[part=exit-unverified-button]'), 'the way out');
    expect(parts.verify()!.querySelector('[part=error]')!.textContent).to.equal('Too many attempts; the code cannot be checked now.');
    expect(parts.verify()!.querySelector('input')).to.equal(null);
    expectFocusOn(parts.verify()!.querySelector('[part=exit-unverified-button]'), 'the way out');
    parts.verify()!.querySelector<HTMLButtonElement>('[part=exit-unverified-button]')!.click();
    await until(() => adapter.exits().length === 1, 'the exit');
    expect(adapter.exits()[0]!.verification).to.equal('unverified');
    expect(adapter.exits()[0]!.hrReview).to.equal(true);
  });

  // The article never gates an exit: with "contact-hr" the HR contact is offered beside the way out, not instead of it.
  const contactHr = { ...ARTICLE_POLICY, verification: { onFailure: 'contact-hr' as const }, hrContact: { email: 'hr@example.com' } };
  const failures = [
    { what: 'offline', code: 'network', error: 'The code could not be sent. We could not reach the server. Please check your connection and try again.' },
    { what: 'HTTP 429', code: 'rate-limited', error: 'The code could not be sent. Too many tries. Please wait a moment.' },
    { what: 'HTTP 503', code: 'unavailable', error: 'The code could not be sent. We could not reach the server. Please check your connection and try again.' },
    { what: 'a locked code', code: null, error: 'Too many attempts; the code cannot be checked now.' },
  ] as const;
  for (const { what, code, error } of failures) {
    it(`with "contact-hr", ${what} still leaves the exit without the code, the HR contact beside it`, async () => {
      let sent = '';
      const adapter = createMemoryAdapter({ onCode: (value) => (sent = value) });
      if (code) adapter.fail('sendCode', code);
      const parts = await mountWidget({ jobType: 'executive', adapter, config: contactHr, interviewId: `iv-contact-${code ?? 'locked'}` });
      await openDialog(parts);
      parts.confirmButton()!.click();
      if (!code) {
        await until(() => parts.verify()?.querySelector('input'), 'the code input');
        // Five wrong codes lock it.
        for (let attempt = 0; attempt < 5 && parts.verify()!.querySelector('input'); attempt++) {
          typeInto(parts.verify()!.querySelector('input')!, sent === '000000' ? '111111' : '000000');
          parts.verify()!.querySelector<HTMLButtonElement>('[part=submit-button]')!.click();
          await until(() => {
            const state = parts.el.store!.getState();
            return state.status === 'verify' && state.verify.phase !== 'checking';
          }, `attempt ${attempt + 1} to be checked`);
        }
      }
      await until(() => parts.verify()?.querySelector('[part=exit-unverified-button]'), 'the way out');
      const verify = parts.verify()!;
      expect(verify.querySelector('[part=error]')!.textContent).to.equal(error);
      const wayOut = verify.querySelector<HTMLButtonElement>('[part=exit-unverified-button]')!;
      expect(wayOut.textContent!.trim()).to.equal('Exit without the code (HR will review)');
      const link = verify.querySelector<HTMLAnchorElement>('[part=link]')!;
      expect(link.textContent).to.equal('Or contact HR: hr@example.com');
      expect(link.href).to.equal('mailto:hr@example.com');
      expect(wayOut.compareDocumentPosition(link) & Node.DOCUMENT_POSITION_FOLLOWING, 'the contact comes right after the way out').to.not.equal(0);
      expect(parts.cancelButton(), 'and the candidate can stay').to.not.equal(null);
      const confirmed = new Promise<CustomEvent>((resolve) => parts.el.addEventListener('aie-exit-confirm', resolve as EventListener, { once: true }));
      wayOut.click();
      const { record } = (await confirmed).detail as { record: { verification: string; hrReview: boolean } };
      expect(record.verification).to.equal('unverified');
      expect(record.hrReview).to.equal(true);
      await until(() => adapter.exits().length === 1, 'the exit to reach the backend');
    });
  }

  it('words a failed call by what the candidate can do: wait, reload, or try again and ask HR', async () => {
    const expected = {
      'rate-limited': 'Too many tries. Please wait a moment.',
      unauthorized: 'Your session has expired. Please reload the page.',
      forbidden: 'Something went wrong on our side. Please try again, or contact HR.',
      'invalid-response': 'Something went wrong on our side. Please try again, or contact HR.',
    } as const;
    for (const [code, message] of Object.entries(expected)) {
      const adapter = createMemoryAdapter();
      adapter.fail('sendCode', code as keyof typeof expected);
      const parts = await mountWidget({ jobType: 'executive', adapter, config: ARTICLE_POLICY, interviewId: `iv-error-${code}` });
      await openDialog(parts);
      parts.confirmButton()!.click();
      await until(() => parts.verify()?.querySelector('[part=error]')?.textContent, `the ${code} message`);
      expect(parts.verify()!.querySelector('[part=error]')!.textContent).to.equal(`The code could not be sent. ${message}`);
      parts.cancelButton()!.click();
      await until(() => !parts.dialog().open, 'the dialog to close');
    }
  });

  it('requires a reason when the policy says so: the error, aria-invalid and focus on the reasons', async () => {
    const parts = await mountWidget({ config: { defaults: { reason: 'required' } } });
    parts.button().click();
    await until(() => parts.reasonForm(), 'the reason form');
    expect(parts.reasonForm()!.querySelector('legend')!.textContent).to.equal('Why are you leaving? (required)');
    parts.confirmButton()!.click();
    await until(() => parts.reasonForm()!.querySelector('[part=error]'), 'the error');
    const form = parts.reasonForm()!;
    expect(form.querySelector('[part=error]')!.textContent).to.equal('Please choose or write a reason.');
    expect(form.querySelector('[role=radiogroup]')!.getAttribute('aria-invalid')).to.equal('true');
    expect(form.querySelector('[role=radiogroup]')!.getAttribute('aria-describedby')).to.equal('error');
    expect(form.querySelector('textarea')!.getAttribute('aria-invalid')).to.equal('true');
    await until(() => form.activeElement, 'focus in the reasons');
    expect(form.activeElement!.getAttribute('name')).to.equal('reason');
    expect(parts.adapter.exits()).to.have.length(0);
    typeInto(form.querySelector('textarea')!, 'Family matter');
    await until(() => form.querySelector('[part=counter]')!.textContent === '13/500', 'the live counter');
    parts.confirmButton()!.click();
    await until(() => parts.adapter.exits().length === 1, 'the exit');
    expect(parts.adapter.exits()[0]!.reason).to.deep.equal({ code: null, text: 'Family matter' });
  });

  it('states the progress (R7), HR review (R17) and cooldown (R19) before the candidate confirms', async () => {
    const parts = await mountWidget({ jobType: 'frontline', config: ARTICLE_POLICY, progress: progressAt(5) });
    // The dialog dates the cooldown by the page's clock while it renders: the date is 30 days from an
    // instant between these two (around midnight, either day), never one the test's own clock made up later.
    const before = Date.now();
    parts.button().click();
    await until(() => parts.inDialog('[part~=progress]'), 'the dialog');
    const after = Date.now();
    expect(parts.inDialog('[part~=progress]')!.textContent).to.equal('You have completed 50% of the interview. Are you sure you want to exit?');
    const notices = [...parts.dialog().querySelectorAll('[part=notice]')].map((n) => n.textContent);
    expect(notices[0]).to.equal('HR reviews exits for this role; your exit takes effect at once.');
    const cooldown = (from: number) => `Company policy: you cannot apply for this role again for 30 days (until ${new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(new Date(from + 30 * 86_400_000))}).`;
    expect([cooldown(before), cooldown(after)]).to.include(notices[1]);
  });

  it('follows the stage: a free exit in the self-introduction (no progress sentence, the reason still offered: R9)', async () => {
    const parts = await mountWidget({ config: ARTICLE_POLICY, progress: null });
    parts.el.stage = 'self-introduction';
    await settle();
    parts.button().click();
    await until(() => parts.dialog().open && parts.reasonForm(), 'the dialog');
    expect(parts.reasonForm()!.querySelector('[role=radiogroup]')!.getAttribute('aria-required')).to.equal('false');
    expect(parts.reasonForm()!.querySelectorAll('input[name=data]')).to.have.length(3);
    expect(parts.inDialog('[part~=progress]')).to.equal(null);
    expect(parts.el.store!.getState().status === 'confirm' && parts.el.store!.getState()).to.have.nested.property('session.plan.gate', 'free');
  });

  it('keeps the progress on this device and forgets it at the exit', async () => {
    const parts = await mountWidget({ interviewId: 'iv-keep', progress: progressAt(2, 10, 'professional', 'iv-keep') });
    parts.el.setProgress(progressAt(3, 10, 'professional', 'iv-keep'));
    expect(JSON.parse(localStorage.getItem(keptProgressKey('iv-keep'))!).answered).to.equal(3);
    await openDialog(parts);
    parts.confirmButton()!.click();
    await until(() => parts.adapter.exits().length === 1, 'the exit');
    expect(parts.adapter.exits()[0]!.progress!.answered).to.equal(3);
    expect(localStorage.getItem(keptProgressKey('iv-keep'))).to.equal(null);
  });

  it('offers to resume an unfinished interview (R15), and exits from there too', async () => {
    keepProgressFor('iv-r', 4);
    const parts = await mountWidget({ interviewId: 'iv-r', progress: null });
    await until(() => parts.panel(), 'the resume prompt');
    expect(parts.panel()!.querySelector('h2')!.textContent).to.equal('Continue the interview');
    const prompt = parts.panelPart('aie-resume-prompt')!;
    expect(prompt.querySelector('[part=message]')!.textContent).to.equal('Your last interview was not finished. Would you like to continue?');
    prompt.querySelector<HTMLButtonElement>('[part=exit-button]')!.click();
    await until(() => parts.dialog().open, 'the dialog');
    parts.cancelButton()!.click();
    await until(() => !parts.dialog().open, 'the dialog to close');
    expectFocusOn(parts.button(), 'the exit button (the prompt has gone)');
    expect(parts.el.store!.getState().status).to.equal('idle');
  });

  it('tells a returning candidate they already exited (R14), with HR to contact', async () => {
    const adapter = createMemoryAdapter({ statuses: [{ interviewId: 'iv-done', status: 'exited', exitedAt: '2026-11-20T08:00:00.000Z', cooldownUntil: null }] });
    const parts = await mountWidget({ interviewId: 'iv-done', adapter, config: ARTICLE_POLICY, progress: null });
    await until(() => parts.panel(), 'the re-entry panel');
    expect(parts.panel()!.querySelector('h2')!.textContent).to.equal('This interview has ended');
    const result = parts.panelPart('aie-exit-result')!;
    expect(result.querySelector('[part=message]')!.textContent).to.equal('You have already exited this interview. Would you like to reschedule?');
    expect(result.querySelector<HTMLAnchorElement>('[part=link]')!.href).to.equal('mailto:hr@example.com');
    // the exit button is never dead: it takes the candidate to this panel
    parts.button().click();
    await settle();
    expectFocusOn(parts.panel(), 'the re-entry panel');
  });

  it('shows the result again from the exit button after the candidate closed it', async () => {
    const parts = await mountWidget();
    await openDialog(parts);
    parts.confirmButton()!.click();
    await until(() => parts.result()?.querySelector('[part=message]'), 'the result');
    parts.dialog().dispatchEvent(new Event('cancel', { cancelable: true }));
    await until(() => !parts.dialog().open, 'the result to close');
    parts.button().click();
    await until(() => parts.dialog().open, 'the result again');
    expect(parts.inDialog('h2')!.textContent).to.equal('You have left the interview');
    // Delivery goes on in the background: wait for it, then check it happened once.
    await until(() => parts.adapter.exits().length > 0, 'the exit delivered');
    expect(parts.adapter.exits()).to.have.length(1);
  });

  it('offers help first when the policy asks (R27): answers, a person to talk to, then the way on to the exit', async () => {
    const parts = await mountWidget({ config: { defaults: { helpOffer: true }, help: ARTICLE_POLICY.help } });
    parts.button().click();
    await until(() => parts.help()?.querySelector('[part=faq]'), 'the help offer');
    expect(parts.inDialog('h2')!.textContent).to.equal('Why are you leaving? Can we help?');
    expect([...parts.help()!.querySelectorAll('summary')].map((s) => s.textContent)).to.deep.equal(['How do I reschedule?', 'How do I edit my résumé?']);
    expect(parts.cancelButton()!.textContent).to.equal('Back to the interview');
    // The candidate says what they need: a topic and, if they want, a message.
    const help = parts.help()!;
    expect(accessibleName(help.querySelector('fieldset')!)).to.equal('What do you need help with?');
    help.querySelector<HTMLInputElement>('input[name=topic]:not(:checked)')!.click(); // "Editing my résumé"
    typeInto(help.querySelector('textarea')!, '  I uploaded the wrong file  ');
    help.querySelector<HTMLButtonElement>('[part=handoff-button]')!.click();
    await until(() => help.querySelector('[role=status]')!.textContent!.includes('Ticket: t-1'), 'the hand-off');
    expect(parts.adapter.handoffs().map(({ topic, message }) => ({ topic, message }))).to.deep.equal([{ topic: 'edit-resume', message: 'I uploaded the wrong file' }]);
    // What happens next: the ticket, and when a person answers; the form is gone.
    expect(help.querySelector('[role=status]')!.textContent).to.match(/^A person will answer you by .+\. Ticket: t-1$/);
    expect(help.querySelector('form')).to.equal(null);
    parts.confirmButton()!.click(); // "Exit anyway"
    await until(() => parts.inDialog('aie-reason-form'), 'the confirmation');
    expect(parts.adapter.exits()).to.have.length(0);
  });

  it('after getting help the candidate goes back to the interview; a failed hand-off keeps what they wrote', async () => {
    const parts = await mountWidget({ config: { defaults: { helpOffer: true } } });
    parts.adapter.fail('handoff', 'network');
    await openDialog(parts);
    await until(() => parts.help()?.querySelector('textarea'), 'the help offer');
    typeInto(parts.help()!.querySelector('textarea')!, 'Can I do it tomorrow?');
    parts.help()!.querySelector<HTMLButtonElement>('[part=handoff-button]')!.click();
    await until(() => parts.help()!.querySelector('[role=status]')!.textContent === 'No one can take your request right now. Please try again or contact HR.', 'the failure');
    expect(parts.help()!.querySelector('textarea')!.value).to.equal('Can I do it tomorrow?');
    parts.adapter.fail('handoff', null);
    parts.help()!.querySelector<HTMLButtonElement>('[part=handoff-button]')!.click();
    await until(() => parts.adapter.handoffs().length === 1, 'the second try');
    expect(parts.adapter.handoffs()[0]!.message).to.equal('Can I do it tomorrow?');
    parts.cancelButton()!.click(); // "Back to the interview"
    await until(() => !parts.dialog().open, 'the dialog to close');
    expect(parts.el.store!.getState().status).to.equal('idle');
    expect(parts.adapter.exits()).to.have.length(0);
  });

  it('closes the result view with its Close button, focus back on the exit button', async () => {
    const parts = await mountWidget();
    await openDialog(parts);
    parts.confirmButton()!.click();
    await until(() => parts.inDialog<HTMLButtonElement>('[part=close-button]'), 'the result');
    expect(parts.inDialog('[part=close-button]')!.textContent!.trim()).to.equal('Close');
    parts.inDialog<HTMLButtonElement>('[part=close-button]')!.click();
    await until(() => !parts.dialog().open, 'the result to close');
    expect(parts.buttonHost().matches(':focus-within')).to.equal(true);
  });

  it('says HR will review when the backend decides so, though the widget did not ask for it', async () => {
    const adapter = createMemoryAdapter();
    const submit = adapter.submitExit;
    // e.g. the reference server, for a "verified" it has no accepted code behind
    adapter.submitExit = async (record) => ({ ...(await submit(record)), status: 'under-review' });
    const parts = await mountWidget({ adapter });
    await openDialog(parts);
    parts.confirmButton()!.click();
    await until(() => parts.result()?.querySelector('[part=status]')?.textContent?.includes('Receipt'), 'the receipt');
    expect(adapter.exits()[0]!.hrReview).to.equal(false);
    const notices = [...parts.result()!.querySelectorAll('[part=notice]')].map((p) => p.textContent);
    expect(notices).to.include('HR will review this record.');
  });

  it('closes the result view while the exit is still being stored; the exit goes on', async () => {
    const adapter = createMemoryAdapter();
    let store!: () => void;
    const exitStore = createExitStore({
      context: { interviewId: 'iv-slow', candidateRef: 'c-1', jobType: 'engineer', stage: 'professional', locale: 'en', timeZone: 'UTC', progress: null },
      adapter,
      // A disk that takes its time: the exit is stored only when the test says so.
      delivery: {
        deliver: (record, _deletion, report) => {
          store = () => {
            report({ type: 'exitStored' });
            void adapter.submitExit(record).then((receipt) => report({ type: 'exitAcknowledged', receipt }));
          };
        },
      },
    });
    const element = await fixture<AieExitDialog>(html`<aie-exit-dialog .store=${exitStore} .i18n=${createI18n('en')}></aie-exit-dialog>`);
    const inDialog = (selector: string) => element.shadowRoot!.querySelector<HTMLButtonElement>(selector);
    exitStore.open('api');
    await until(() => inDialog('[part=confirm-button]'), 'the dialog');
    inDialog('[part=confirm-button]')!.click();
    await until(() => inDialog('[part=close-button]'), 'the result');
    expect(exitStore.getState().status).to.equal('submitting');
    inDialog('[part=close-button]')!.click();
    await until(() => !element.shadowRoot!.querySelector('dialog')!.open, 'the result to close while storing');
    store();
    await until(() => exitStore.getState().status === 'done', 'the exit to be stored');
    await settle();
    expect(element.shadowRoot!.querySelector('dialog')!.open, 'it stays closed').to.equal(false);
    await until(() => adapter.exits().length === 1, 'the exit to reach the backend');
  });

  it('speaks the confirmation prompt when voice is on (R21)', async () => {
    const spoken: SpeechSynthesisUtterance[] = [];
    const speak = speechSynthesis.speak;
    speechSynthesis.speak = (utterance) => spoken.push(utterance);
    try {
      const parts = await mountWidget({ locale: 'zh-CN', config: { voice: { enabled: true, rate: 0.8 } } });
      parts.button().click();
      await until(() => spoken.length, 'the prompt to be spoken');
      expect(spoken[0]!.text).to.equal('您即将退出面试，请确认是否继续');
      expect(spoken[0]!.lang).to.equal('zh-CN');
      expect(spoken[0]!.rate).to.be.closeTo(0.8, 0.001);
    } finally {
      speechSynthesis.speak = speak;
    }
  });

  it('keeps quiet without the voice option', async () => {
    const spoken: SpeechSynthesisUtterance[] = [];
    const speak = speechSynthesis.speak;
    speechSynthesis.speak = (utterance) => spoken.push(utterance);
    try {
      const parts = await mountWidget();
      parts.button().click();
      await until(() => parts.dialog().open, 'the dialog');
      await settle();
      expect(spoken).to.have.length(0);
    } finally {
      speechSynthesis.speak = speak;
    }
  });
});
