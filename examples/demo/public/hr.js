// The HR console: the exit report (live) and HR's notification feed (R13, R24, R26).
// The SDK loads (preloaded by the page) while the page shows its own text and signs HR in.
const sdk = import('/sdk/report.min.js');

const params = new URLSearchParams(location.search);
const lang = params.get('lang') === 'en' ? 'en' : 'zh-CN';
document.documentElement.lang = lang;
// In the side-by-side demo (`/demo`), a smaller console, so that everything HR sees fits.
if (params.has('beside')) document.documentElement.classList.add('beside-candidate');
const TEXT = {
  'zh-CN': { brand: '智聘 HR 后台', section: '面试管理', feed: 'HR 通知' },
  en: { brand: 'HireWise HR', section: 'Interview management', feed: 'HR notifications' },
}[lang];
for (const el of document.querySelectorAll('[data-text]')) el.textContent = TEXT[el.dataset.text];
document.title = TEXT.brand;
// The report's language, there before the SDK defines the tag and the report first renders.
const report = document.getElementById('report');
report.setAttribute('locale', lang);

const hrSession = fetch('/demo/hr-session', { method: 'POST' }).then((r) => r.json());
// Properties only once the SDK has defined the tag (set earlier, they would hide its own).
const [{ createHttpHrAdapter, createI18n, hrLiveLine, hrResources }, { token }] = await Promise.all([sdk, hrSession]);
// Titles as the company stores them, in English for an English report.
report.roleTitles = { 操作工: { en: 'Production operator' }, 区域经理: { en: 'Regional manager' }, 财务总监: { en: 'Finance director' }, 前端工程师: { en: 'Front-end engineer' } };
report.adapter = createHttpHrAdapter({ baseUrl: location.origin, token });

// The stream carries data; the lines are worded here, in this page's language, not the server's.
const words = createI18n(lang, hrResources);
const feed = document.getElementById('feed');
const stream = new EventSource(`/v1/hr/stream?access_token=${encodeURIComponent(token)}`);
function addLine(event) {
  const li = document.createElement('li');
  if (event.type === 'alert') li.className = event.alert.state === 'above' ? 'alert' : 'recovered';
  li.textContent = `${new Date().toLocaleTimeString(lang)}  ${hrLiveLine(words, event)}`;
  feed.prepend(li);
}
stream.addEventListener('exit', (event) => addLine({ type: 'exit', row: JSON.parse(event.data) }));
stream.addEventListener('alert', (event) => addLine({ type: 'alert', alert: JSON.parse(event.data) }));
document.body.dataset.ready = 'true';
