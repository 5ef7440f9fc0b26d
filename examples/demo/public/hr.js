// The HR console: the exit report (live) and HR's notification feed (R13, R24, R26).
// The SDK loads (preloaded by the page) while the page shows its own text and signs HR in.
const sdk = import('/sdk/report.min.js');

const lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh-CN';
document.documentElement.lang = lang;
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
const [{ createHttpHrAdapter }, { token }] = await Promise.all([sdk, hrSession]);
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
