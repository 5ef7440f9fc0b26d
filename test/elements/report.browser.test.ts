// <aie-exit-report>: what HR sees (R24, R26, R16), read by a screen reader, exported as CSV, live.
import { expect, fixture, html } from '@open-wc/testing';
import '@ai-interview-exit/elements/define/report';
import { defaultConfig } from '@ai-interview-exit/core';
import { createMemoryHrAdapter, parseCsv } from '@ai-interview-exit/core/insights';
import type { AieExitReport, AieReportUpdateEvent } from '@ai-interview-exit/elements/define/report';
import { HR_ROWS, STARTED } from '../../stories/fixtures/hr-rows.js';
import { rowTexts } from '../support/table-text.js';
import { until } from '../support/wait.js';

async function mount(locale = 'zh-CN', rows = HR_ROWS) {
  const adapter = createMemoryHrAdapter({ rows, started: STARTED, report: defaultConfig().report });
  const el = await fixture<AieExitReport>(html`<aie-exit-report locale=${locale} time-zone="Asia/Shanghai" .adapter=${adapter}></aie-exit-report>`);
  await until(() => !!el.shadowRoot!.querySelector('table[part=table], [part=status]:not(:empty)'));
  await el.updateComplete;
  return { el, adapter, root: el.shadowRoot! };
}

const bodyRows = (root: ShadowRoot) => rowTexts([...root.querySelectorAll('table[part=table] tbody tr')]);

describe('aie-exit-report', () => {
  // One test per language: an axe run over the whole report is slow on a loaded machine.
  for (const locale of ['zh-CN', 'en']) {
    it(`is accessible (axe) in ${locale}`, async () => {
      const { el } = await mount(locale);
      await expect(el).to.be.accessible();
    });
  }

  it('lists every exit with name, role, time and reason; the anonymised one without a name', async () => {
    const { root } = await mount();
    const rows = bodyRows(root);
    expect(rows).to.have.length(HR_ROWS.length);
    expect(rows[0]![0]).to.equal('张三');
    expect(rows[0]!.join(' ')).to.contain('对岗位不感兴趣').and.contain('操作工');
    expect(rows.some((r) => r[0]!.includes('（已匿名）'))).to.equal(true);
  });

  it('shows the front-line exit-rate alert (R26) and the plausibility flags (R16)', async () => {
    const { root } = await mount();
    const alerts = [...root.querySelectorAll('[part=alert]')].map((a) => a.textContent);
    expect(alerts).to.have.length(1);
    expect(alerts[0]).to.contain('一线岗位').and.contain('40%');
    const text = root.textContent ?? '';
    const cells = bodyRows(root).map((r) => r[6]).filter(Boolean);
    expect(cells.some((c) => c!.includes('90%'))).to.equal(true);
    expect(cells.some((c) => c!.includes('第2次'))).to.equal(true);
    expect(text).to.not.contain('undefined');
  });

  it('the chart is an image with a title and a sentence that a screen reader reads, and a data table', async () => {
    const { root } = await mount('en');
    const svg = root.querySelector('svg[role=img]')!;
    const title = root.getElementById(svg.getAttribute('aria-labelledby')!)!.textContent;
    const summary = root.getElementById(svg.getAttribute('aria-describedby')!)!.textContent!;
    expect(title).to.equal('Exit reasons');
    expect(summary).to.contain('7 exits in all').and.contain('Not interested in the role: 2 (29%)');
    const tableRows = [...root.querySelectorAll('[part=chart-table] tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent!.trim()).join(' '));
    expect(tableRows).to.include('An emergency (family, network, device) 2 29%');
    expect(root.querySelectorAll('svg path').length).to.equal(5);
  });

  it('sets no style attribute, which a strict Content-Security-Policy refuses: the legend is coloured by SVG fills', async () => {
    const { root } = await mount();
    expect([...root.querySelectorAll('[style]')].map((e) => e.outerHTML)).to.deep.equal([]);
    const swatches = [...root.querySelectorAll('.legend .swatch rect')].map((r) => r.getAttribute('fill'));
    expect(swatches).to.have.length(root.querySelectorAll('svg path').length);
    expect(new Set(swatches).size).to.equal(swatches.length);
  });

  it('exports as CSV exactly the rows and cells of the table', async () => {
    const { el, root } = await mount();
    const csv = parseCsv(el.toCsv());
    const header = [...root.querySelectorAll('table[part=table] thead th')].map((th) => th.textContent!.trim());
    expect(csv[0]).to.deep.equal(header);
    expect(csv.slice(1)).to.deep.equal(bodyRows(root));
  });

  it('marks the exit whose candidate asks for a person, in words, counts them, and exports the marker', async () => {
    for (const [locale, marker, count] of [['zh-CN', '希望真人面试', '希望真人面试：1人'], ['en', 'Wants a person', 'Asked for an interview with a person: 1']] as const) {
      const { el, root } = await mount(locale);
      const marked = bodyRows(root).filter((r) => r[7]!.endsWith(` · ${marker}`));
      expect(marked.map((r) => r[0])).to.deep.equal(['陈晨']);
      expect(root.querySelectorAll('[part=person-request]')).to.have.length(1);
      expect(root.querySelector('[part=person-requests]')!.textContent).to.equal(count);
      expect(parseCsv(el.toCsv()).filter((r) => r[7]!.endsWith(marker)).map((r) => r[0])).to.deep.equal(['陈晨']);
    }
  });

  it('says how the nudges offered to hesitating candidates went (R29), in both languages, axe-clean', async () => {
    const nudges = { shown: 6, stayed: 3, help: 2, exited: 1 };
    for (const [locale, words] of [
      ['zh-CN', '向犹豫的候选人主动提供帮助：6次；其中3人继续面试，2人寻求帮助，1人退出。'],
      ['en', 'Help offered to hesitating candidates: 6 times; 3 stayed, 2 asked for help, 1 exited.'],
    ] as const) {
      const adapter = createMemoryHrAdapter({ rows: HR_ROWS, started: STARTED, report: defaultConfig().report, nudges });
      const el = await fixture<AieExitReport>(html`<aie-exit-report locale=${locale} time-zone="Asia/Shanghai" .adapter=${adapter}></aie-exit-report>`);
      await until(() => el.shadowRoot!.querySelector('[part=nudges]'));
      expect(el.shadowRoot!.querySelector('[part=nudges]')!.textContent).to.equal(words);
      await expect(el).to.be.accessible();
    }
    const { root } = await mount();
    expect(root.querySelector('[part=nudges]'), 'no line where the backend keeps no nudges').to.equal(null);
  });

  it('filters by role', async () => {
    const { el, root } = await mount();
    const select = root.querySelector('select')!;
    select.value = 'manager';
    select.dispatchEvent(new Event('change'));
    await until(() => bodyRows(root).length === 2);
    expect(el.jobType).to.equal('manager');
    expect(bodyRows(root).every((r) => r[1]!.includes('区域经理'))).to.equal(true);
    expect([...select.options].map((o) => o.value)).to.include('frontline', 'the other roles stay selectable');
  });

  it('filters by date range, in the report time zone', async () => {
    // Two exits near midnight in Shanghai, on the other side of the range's edges than in UTC.
    const late = { ...HR_ROWS[0]!, idempotencyKey: 'e0000000-0000-4000-8000-000000000001', candidateName: '夜班', exitedAt: '2026-11-23T16:30:00.000Z' };
    const after = { ...HR_ROWS[0]!, idempotencyKey: 'e0000000-0000-4000-8000-000000000002', candidateName: '早班', exitedAt: '2026-11-25T16:30:00.000Z' };
    const { el, root } = await mount('zh-CN', [...HR_ROWS, late, after]);
    expect(bodyRows(root).map((r) => r[0])).to.include.members(['夜班', '早班', '张三']);
    el.from = '2026-11-24';
    el.to = '2026-11-25';
    // 00:30 on the 24th (Shanghai) is in; 00:30 on the 26th is out; 李四 and 王五 exited on the 25th and the 24th.
    await until(() => !bodyRows(root).some((r) => r[0] === '张三'), 'the filtered rows');
    expect(bodyRows(root).map((r) => r[0])).to.deep.equal(['李四', '王五', '夜班']);
  });

  it('shows a new exit live, without a reload, and announces it', async () => {
    const { el, adapter, root } = await mount('en', HR_ROWS.slice(0, 2));
    const updates: AieReportUpdateEvent[] = [];
    el.addEventListener('aie-report-update', (e) => updates.push(e));
    adapter.add({ ...HR_ROWS[3]!, candidateName: '赵六' });
    await until(() => bodyRows(root).length === 3);
    expect(bodyRows(root).map((r) => r[0])).to.include('赵六');
    expect(updates.at(-1)!.detail.cause).to.equal('live');
    expect(root.querySelector('[role=status]')!.textContent).to.contain('赵六');
  });

  it('the alert banner appears live when an exit crosses the role\'s line (R26), and is said in the report\'s language', async () => {
    // Front-line at 3 of 10 (30 %): on the line, not above it.
    const withoutFirst = HR_ROWS.filter((row) => row.candidateName !== '张三');
    const { el, adapter, root } = await mount('en', withoutFirst);
    expect(root.querySelectorAll('[part=alert]')).to.have.length(0);
    adapter.add(HR_ROWS.find((row) => row.candidateName === '张三')!);
    await until(() => root.querySelectorAll('[part=alert]').length === 1, 'the banner');
    expect(root.querySelector('[part=alert]')!.textContent).to.contain('Front-line').and.contain('40%');
    await until(() => root.querySelector('[role=status]')!.textContent!.startsWith('Alert: '), 'the announcement');
    expect(root.querySelector('[role=status]')!.textContent).to.equal('Alert: the exit rate for Front-line is 40%, above the 30% line (4 of 10 interviews).');
    await expect(el).to.be.accessible();
  });

  it('shows role titles in the report\'s language when it is given them', async () => {
    const adapter = createMemoryHrAdapter({ rows: HR_ROWS, started: STARTED, report: defaultConfig().report });
    const el = await fixture<AieExitReport>(html`<aie-exit-report locale="en" .roleTitles=${{ 操作工: { en: 'Production operator' } }} .adapter=${adapter}></aie-exit-report>`);
    await until(() => el.shadowRoot!.querySelector('table[part=table]'), 'the table');
    const roles = bodyRows(el.shadowRoot!).map((r) => r[1]);
    expect(roles).to.include('Production operator (Front-line)');
    expect(roles.some((r) => r!.includes('操作工'))).to.equal(false);
    expect(roles).to.include('区域经理 (Management)', 'a title without an English one shows as stored');
  });

  it('HR marks a pending review done (R17): the row reads reviewed, focus goes to the table, and it is said', async () => {
    const { el, adapter, root } = await mount('en');
    const updates: AieReportUpdateEvent[] = [];
    el.addEventListener('aie-report-update', (e) => updates.push(e));
    const buttons = () => [...root.querySelectorAll<HTMLButtonElement>('[part=review-button]')];
    const pending = HR_ROWS.filter((row) => row.review === 'pending').length;
    expect(buttons()).to.have.length(pending);
    const first = buttons()[0]!;
    expect(first.textContent!.trim()).to.equal('Mark reviewed');
    expect(first.getAttribute('aria-label')).to.equal('Mark reviewed: 张三', 'which candidate, for a screen reader');
    first.focus();
    first.click();
    await until(() => buttons().length === pending - 1, 'the button to go');
    expect(bodyRows(root)[0]![7]).to.equal('Exited · reviewed');
    expect((await adapter.listExits({})).exits.find((row) => row.candidateName === '张三' && row.review === 'done')).to.not.equal(undefined);
    expect(root.activeElement).to.equal(root.querySelector('.scroll'));
    expect(root.querySelector('[role=status]')!.textContent).to.equal('Reviewed: 张三');
    expect(updates.at(-1)!.detail.cause).to.equal('review');
    await expect(el).to.be.accessible();
  });

  it('says so when a review cannot be saved, and keeps the button', async () => {
    const adapter = createMemoryHrAdapter({ rows: HR_ROWS, started: STARTED, report: defaultConfig().report });
    adapter.markReviewed = () => Promise.reject(new Error('HTTP 503'));
    const el = await fixture<AieExitReport>(html`<aie-exit-report locale="en" .adapter=${adapter}></aie-exit-report>`);
    await until(() => el.shadowRoot!.querySelector('[part=review-button]'), 'the table');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=review-button]')!.click();
    await until(() => el.shadowRoot!.querySelector('[role=alert]'), 'the alert');
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.equal('The review could not be saved: HTTP 503');
    expect(el.shadowRoot!.querySelectorAll('[part=review-button]')).to.have.length(HR_ROWS.filter((row) => row.review === 'pending').length);
  });

  it('offers no review button when the adapter cannot mark reviews', async () => {
    const { listExits, watch } = createMemoryHrAdapter({ rows: HR_ROWS, started: STARTED, report: defaultConfig().report });
    const el = await fixture<AieExitReport>(html`<aie-exit-report locale="en" .adapter=${{ listExits, watch }}></aie-exit-report>`);
    await until(() => el.shadowRoot!.querySelector('table[part=table]'), 'the table');
    expect(el.shadowRoot!.querySelector('[part=review-button]')).to.equal(null);
    expect(bodyRows(el.shadowRoot!)[0]![7]).to.equal('Exited · review pending');
  });

  it('says so when the data cannot be loaded', async () => {
    const failing = { listExits: () => Promise.reject(new Error('HTTP 503')), watch: () => () => {} };
    const el = await fixture<AieExitReport>(html`<aie-exit-report locale="en" .adapter=${failing}></aie-exit-report>`);
    await until(() => !!el.shadowRoot!.querySelector('[role=alert]'));
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('HTTP 503');
  });
});

describe("aie-exit-report: a vendor's own reason in its labels (bug 14)", () => {
  const COMMUTE = { 'zh-CN': '通勤太远', en: 'Commute too long' };
  const hostile = '<img src=x onerror="window.__pwned=1">\r\n=1+1';
  const withVendorReasons = () => [
    { ...HR_ROWS[0]!, idempotencyKey: '5f0c7a7e-1d2b-4c3d-8e4f-000000000001', reason: { code: 'commute', text: '', labels: COMMUTE } },
    { ...HR_ROWS[1]!, idempotencyKey: '5f0c7a7e-1d2b-4c3d-8e4f-000000000002', reason: { code: 'night-shift', text: '', labels: { en: hostile } } },
    ...HR_ROWS.slice(2),
  ];

  it('the table, the legend and the CSV read the label in the report\'s language, never the raw code', async () => {
    for (const [locale, words] of [['zh-CN', '通勤太远'], ['en', 'Commute too long']] as const) {
      const { el, root } = await mount(locale, withVendorReasons());
      const rows = bodyRows(root);
      expect(rows[0]![5]).to.equal(words);
      const legend = root.querySelector('[part=legend]')!.textContent!;
      expect(legend).to.contain(words);
      expect(legend).not.to.match(/\bcommute\b/);
      const csv = parseCsv(el.toCsv());
      expect(csv[1]![5]).to.equal(words);
      await expect(el).to.be.accessible();
    }
  });

  it('a hostile label stays text: no element made of it, one line, a formula defused in the CSV', async () => {
    const { el, root } = await mount('en', withVendorReasons());
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(root.querySelector('table[part=table] img')).to.equal(null);
    expect(bodyRows(root)[1]![5]).to.equal('<img src=x onerror="window.__pwned=1"> =1+1');
    const cell = parseCsv(el.toCsv())[2]![5]!;
    expect(cell).to.equal('<img src=x onerror="window.__pwned=1"> =1+1');
  });
});
