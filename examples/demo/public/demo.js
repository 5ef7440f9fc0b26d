// The article's four steps (R28), live: the candidate on the left, HR on the right.
const lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh-CN';
document.documentElement.lang = lang;
const TEXT = {
  'zh-CN': {
    title: '演示：候选人退出面试，HR 实时看到',
    candidate: '候选人端', hr: 'HR 端',
    steps: ['候选人点击右上角的“退出面试”', '系统弹出确认弹窗：“确认退出”（红色）与“取消”（灰色）', '候选人确认退出，看到“退出成功”页面', 'HR 端实时显示“退出面试”、退出时间和原因'],
  },
  en: {
    title: 'Demo: a candidate exits, HR sees it live',
    candidate: 'Candidate', hr: 'HR',
    steps: ['The candidate presses "Exit interview" (top right)', 'A confirmation opens: "Confirm exit" (red) and "Cancel" (grey)', 'The candidate confirms and sees the success view', 'HR sees the exit, its time and its reason at once'],
  },
}[lang];
document.querySelector('[data-text="title"]').textContent = TEXT.title;
document.title = TEXT.title;

const steps = TEXT.steps.map((text) => {
  const li = document.createElement('li');
  li.textContent = text;
  return li;
});
document.getElementById('steps').replaceChildren(...steps);
function reach(n) {
  steps.forEach((li, i) => {
    li.classList.toggle('done', i < n);
    li.classList.toggle('current', i === n);
  });
}
reach(0);

// a fresh interview each time the demo opens
localStorage.removeItem('demo:session:frontline');
const candidate = document.getElementById('candidate');
const hr = document.getElementById('hr');
candidate.title = TEXT.candidate;
hr.title = TEXT.hr;
candidate.src = `/candidate?job=frontline&lang=${lang}`;
hr.src = `/hr?lang=${lang}&beside`;

candidate.addEventListener('load', () => {
  const doc = candidate.contentDocument;
  // step 1 done once the request is made; the confirmation (step 2) is then on screen
  doc.addEventListener('aie-exit-request', () => reach(1));
  doc.addEventListener('aie-exit-confirm', () => reach(3));
  doc.addEventListener('aie-exit-cancel', () => reach(0));
});

const { token } = await fetch('/demo/hr-session', { method: 'POST' }).then((r) => r.json());
const stream = new EventSource(`/v1/hr/stream?access_token=${encodeURIComponent(token)}`);
stream.addEventListener('exit', () => reach(4));
document.body.dataset.ready = 'true';
