// The HR console: the exit report (live) and HR's notification feed (R13, R24, R26).
import { createHttpHrAdapter } from '/sdk/report.min.js';

const lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh-CN';
document.documentElement.lang = lang;
const TEXT = {
  'zh-CN': { brand: '智聘 HR 后台', section: '面试管理', feed: 'HR 通知' },
  en: { brand: 'HireWise HR', section: 'Interview management', feed: 'HR notifications' },
}[lang];
for (const el of document.querySelectorAll('[data-text]')) el.textContent = TEXT[el.dataset.text];
document.title = TEXT.brand;
// The report's language before its first render: it was defined (importing the bundle) while the page still said zh-CN.
const report = document.getElementById('report');
report.setAttribute('locale', lang);

const { token } = await fetch('/demo/hr-session', { method: 'POST' }).then((r) => r.json());
report.adapter = createHttpHrAdapter({ baseUrl: location.origin, token });

const feed = document.getElementById('feed');
const stream = new EventSource(`/v1/hr/stream?access_token=${encodeURIComponent(token)}`);
stream.addEventListener('notification', (event) => {
  const { text, createdAt } = JSON.parse(event.data);
  const li = document.createElement('li');
  li.textContent = `${new Date(createdAt).toLocaleTimeString(lang)}  ${text}`;
  feed.prepend(li);
});
document.body.dataset.ready = 'true';
