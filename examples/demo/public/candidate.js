// A believable AI interview, embedding the widget exactly as a vendor would: one tag, an adapter
// for the vendor's backend (here the reference server), and the live progress.
// The SDK loads (preloaded by the page) while the page shows its own text and asks for a session.
const sdk = import('/sdk/widget.min.js');

const params = new URLSearchParams(location.search);
const job = ['frontline', 'manager', 'executive'].includes(params.get('job')) ? params.get('job') : 'frontline';
const lang = params.get('lang') === 'en' ? 'en' : 'zh-CN';
document.documentElement.lang = lang;

const TEXT = {
  'zh-CN': {
    brand: '智聘 AI 面试', progress: '面试进度', answerLabel: '您的回答', next: '下一题', finish: '提交面试', demoAid: '演示辅助，非产品界面',
    phoneTitle: '候选人的手机', phoneHint: '演示用：这里显示发送给候选人的短信，包括验证码。', restart: '开始新的面试',
    counter: (i, n) => `第 ${i} / ${n} 题`, elapsed: (m, s) => `用时 ${m}:${s}`, done: '面试已完成，感谢您的参与！',
    ended: '本次面试已结束。', stages: { 'self-introduction': '自我介绍', professional: '专业问题', closing: '结束阶段' },
    roles: { frontline: '岗位：操作工（一线岗位）', manager: '岗位：区域经理（管理岗位）', executive: '岗位：财务总监（高管岗位）' },
  },
  en: {
    brand: 'HireWise AI interview', progress: 'Interview progress', answerLabel: 'Your answer', next: 'Next question', finish: 'Submit interview', demoAid: 'Demo aid, not part of the product',
    phoneTitle: "Candidate's phone", phoneHint: 'For the demo: the texts sent to the candidate, the code included, show here.', restart: 'Start a new interview',
    counter: (i, n) => `Question ${i} of ${n}`, elapsed: (m, s) => `Time ${m}:${s}`, done: 'Interview complete. Thank you!',
    ended: 'This interview has ended.', stages: { 'self-introduction': 'Self-introduction', professional: 'Professional questions', closing: 'Closing' },
    roles: { frontline: 'Role: production operator (front-line)', manager: 'Role: regional manager (management)', executive: 'Role: finance director (executive)' },
  },
}[lang];

const QUESTIONS = {
  'zh-CN': [
    ['self-introduction', '请用两分钟介绍一下您自己，以及您为什么申请这个岗位。'],
    ['professional', '请描述一次您在压力下按时完成任务的经历。'],
    ['professional', '如果团队成员之间出现分歧，您通常如何处理？'],
    ['professional', '您如何保证工作中的安全与质量？请举例说明。'],
    ['professional', '请谈谈您最熟悉的一项工作流程，以及您如何改进过它。'],
    ['professional', '遇到不熟悉的新任务时，您会怎样快速上手？'],
    ['professional', '请描述一次您犯错后如何弥补的经历。'],
    ['professional', '您如何安排每天的工作优先级？'],
    ['closing', '您对这个岗位还有哪些想了解的？'],
    ['closing', '您期望的入职时间是什么时候？'],
  ],
  en: [
    ['self-introduction', 'Please introduce yourself in two minutes and tell us why you applied for this role.'],
    ['professional', 'Describe a time you delivered on time under pressure.'],
    ['professional', 'When team members disagree, how do you usually handle it?'],
    ['professional', 'How do you keep your work safe and of good quality? Give an example.'],
    ['professional', 'Tell us about a process you know well and how you improved it.'],
    ['professional', 'How do you get up to speed on an unfamiliar task?'],
    ['professional', 'Describe a mistake you made and how you put it right.'],
    ['professional', 'How do you set your priorities for the day?'],
    ['closing', 'What else would you like to know about this role?'],
    ['closing', 'When could you start?'],
  ],
}[lang];

const $ = (id) => document.getElementById(id);
for (const el of document.querySelectorAll('[data-text]')) el.textContent = TEXT[el.dataset.text];
document.title = TEXT.brand;
$('role').textContent = TEXT.roles[job];
$('progressbar').setAttribute('aria-label', TEXT.progress);

/** One interview per role and browser, kept across reloads, so that re-entry (R14) can be seen. */
async function session() {
  const key = `demo:session:${job}`;
  const known = JSON.parse(localStorage.getItem(key) ?? 'null');
  if (known) return known;
  const response = await fetch('/demo/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ job }) });
  if (!response.ok) throw new Error(`session: HTTP ${response.status}`);
  const created = await response.json();
  localStorage.setItem(key, JSON.stringify(created));
  return created;
}

// The widget's language before its first render, not after the session arrives.
const widget = $('exit');
widget.setAttribute('locale', lang);
// Properties only once the SDK has defined the tag (set earlier, they would hide its own).
const [{ createHttpAdapter }, { interviewId, candidateRef, token, config }] = await Promise.all([sdk, session()]);
// The SDK's start-up and the interview's first view as two tasks, not one long one: the page can paint and answer in between.
await (globalThis.scheduler?.yield?.() ?? new Promise((resolve) => setTimeout(resolve)));
$('restart').addEventListener('click', (event) => {
  event.preventDefault();
  localStorage.removeItem(`demo:session:${job}`);
  location.reload();
});

widget.setAttribute('interview-id', interviewId);
widget.setAttribute('candidate-ref', candidateRef);
widget.setAttribute('job-type', job);
const adapter = createHttpAdapter({ baseUrl: location.origin, token });
widget.config = config;
widget.adapter = adapter;

const progressKey = `demo:progress:${interviewId}`;
const saved = JSON.parse(localStorage.getItem(progressKey) ?? 'null');
let startedAt = saved?.startedAt ?? new Date().toISOString();
const seconds = saved?.questionSeconds ?? [];
let questionStart = Date.now();
let running = true;

function snapshot() {
  const answered = seconds.length;
  const stage = QUESTIONS[Math.min(answered, QUESTIONS.length - 1)][0];
  return { interviewId, stage, answered, total: QUESTIONS.length, questionSeconds: [...seconds], startedAt, updatedAt: new Date().toISOString() };
}

function render() {
  const index = seconds.length;
  const current = snapshot();
  widget.setAttribute('stage', current.stage);
  widget.setProgress(current);
  localStorage.setItem(progressKey, JSON.stringify(current));
  const percent = Math.round((index / QUESTIONS.length) * 100);
  $('progress-fill').style.inlineSize = `${percent}%`;
  $('progressbar').setAttribute('aria-valuenow', String(percent));
  $('stages').replaceChildren(
    ...Object.entries(TEXT.stages).map(([id, label]) => {
      const li = document.createElement('li');
      li.textContent = label;
      if (id === current.stage) li.setAttribute('aria-current', 'step');
      return li;
    }),
  );
  if (index >= QUESTIONS.length) return end(TEXT.done);
  $('counter').textContent = TEXT.counter(index + 1, QUESTIONS.length);
  $('question').textContent = QUESTIONS[index][1];
  $('next').textContent = index === QUESTIONS.length - 1 ? TEXT.finish : TEXT.next;
  $('answer').value = '';
  questionStart = Date.now();
}

function end(message) {
  running = false;
  const card = document.createElement('p');
  card.className = 'finished';
  card.textContent = message;
  $('interview').replaceChildren(card);
}

$('next').addEventListener('click', () => {
  seconds.push(Math.round((Date.now() - questionStart) / 1000));
  render();
});
setInterval(() => {
  if (!running) return;
  const total = Math.floor((Date.now() - Date.parse(startedAt)) / 1000);
  $('timer').textContent = TEXT.elapsed(Math.floor(total / 60), String(total % 60).padStart(2, '0'));
}, 1000);

// The widget's facts, as a vendor would use them.
widget.addEventListener('aie-exit-confirm', () => {
  localStorage.removeItem(progressKey);
  end(TEXT.ended);
});
// Exit-intent signals (R29): this mock interview's one real failure is the connection. A vendor
// reports its own the same way, e.g. widget.signal('answer-failed') when an answer could not be
// saved, widget.signal('media-error') when the camera or microphone stops.
addEventListener('offline', () => widget.signal('network-unstable'));
// "Continue?" (R15): go on at the question after the last one the progress kept on this device
// says was answered (question 4 after 3 answers), even if this page lost its own record.
widget.addEventListener('aie-resume', (event) => {
  const kept = event.detail.snapshot;
  if (kept.questionSeconds.length > seconds.length) {
    seconds.splice(0, seconds.length, ...kept.questionSeconds);
    startedAt = kept.startedAt;
  }
  render();
  $('answer').focus();
});

// The demo phone: what the candidate's phone receives (the code, the confirmation).
const phone = new EventSource(`/demo/phone?interviewId=${encodeURIComponent(interviewId)}`);
phone.addEventListener('message', (event) => {
  const { text, createdAt } = JSON.parse(event.data);
  const li = document.createElement('li');
  const time = document.createElement('time');
  time.dateTime = createdAt;
  time.textContent = new Date(createdAt).toLocaleTimeString(lang);
  li.append(time, text);
  $('phone').prepend(li);
});

render();
// Back after an exit: the widget tells the candidate (R14); the interview itself stays closed.
adapter.getStatus({ interviewId, candidateRef }).then((status) => status.status !== 'active' && end(TEXT.ended), () => {});
document.body.dataset.ready = 'true';
