import { html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import { progressPercent, type ExitReason } from '@ai-interview-exit/core';
import { createI18n, hrResources } from '@ai-interview-exit/core/i18n';
import { alertWords, nextDay, reasonWords, startOfDay, toCsv, type HrAdapter, type HrExitFilter, type HrExitRow, type HrExitsResponse } from '@ai-interview-exit/core/insights';
import { I18nController, type I18n } from '../../controllers/i18n.js';
import { AieReportUpdateEvent } from '../../events/report-update.js';
import { widgetLocale } from '../../internal/dom.js';
import { base } from '../../styles/base.js';
import { reasonChart } from './reason-chart.js';
import { styles } from './exit-report.styles.js';

let serial = 0;
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * HR's view of exits (R24, R26, R16): the exit-rate alerts, the reason breakdown as a donut with
 * a text alternative, and a table of every exit with its plausibility flags, filterable by role
 * and date, exported as CSV, and updated live as candidates leave (R13).
 *
 * @summary The HR exit report.
 *
 * @fires aie-report-update - New data is shown; `detail.data` (rows and insights), `detail.cause` (load, filter, live).
 *
 * @csspart header - Title, filters and the export button.
 * @csspart filters - The role and date filters.
 * @csspart export-button - "导出CSV" / "Export CSV".
 * @csspart alert - An exit-rate alert (R26).
 * @csspart chart - The reason breakdown: the donut and its legend.
 * @csspart chart-graphic - The donut itself.
 * @csspart legend - The list of reasons with counts and shares.
 * @csspart chart-table - The same numbers as a data table.
 * @csspart table - The table of exit records.
 * @csspart flags - The cell of a record's plausibility flags (R16).
 * @csspart review-button - "标记为已复核" / "Mark reviewed", on an exit whose review is pending (R17).
 * @csspart person-request - "希望真人面试" / "Wants a person" in a record's status: the candidate asks for a person instead of the AI (PIPL art. 24).
 * @csspart person-requests - How many of the records shown ask for a person.
 * @csspart nudges - Help offered to hesitating candidates (R29): nudges shown and what followed.
 * @csspart status - Loading, empty and error messages, and the live announcement.
 *
 * @cssproperty --aie-color-surface - Background of the report's cards.
 * @cssproperty --aie-color-text - Text colour.
 * @cssproperty --aie-color-border - Lines between rows and around cards.
 * @cssproperty --aie-color-danger - Colour of alerts and flags.
 * @cssproperty --aie-font-family - Typeface.
 * @cssproperty --aie-radius - Corner radius of cards.
 */
export class AieExitReport extends LitElement {
  static override styles = [base, styles];
  static override properties: PropertyDeclarations = {
    adapter: { attribute: false },
    locale: { reflect: true },
    timeZone: { attribute: 'time-zone' },
    jobType: { attribute: 'job-type' },
    from: {},
    to: {},
    roleTitles: { attribute: false },
  };

  /** Where the exits come from: `createHttpHrAdapter` (the reference server) or your own `HrAdapter`. */
  adapter?: HrAdapter;
  /** Language of the report; else the nearest `lang`, else the browser's, else zh-CN. */
  locale?: string;
  /** Time zone of dates and of the date filter; the browser's by default. */
  timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  /** Show one role (job type) only; empty for all. */
  jobType = '';
  /** First day shown (`YYYY-MM-DD`), inclusive. */
  from = '';
  /** Last day shown (`YYYY-MM-DD`), inclusive. */
  to = '';
  /**
   * Role titles in other languages, by the title as stored: `{ '操作工': { en: 'Production operator' } }`.
   * A title without one for the report's language shows as stored.
   */
  roleTitles: Record<string, Partial<Record<string, string>>> = {};

  #data: HrExitsResponse | null = null;
  /** What went wrong last (a load, a review), in words. */
  #problem: string | null = null;
  /** The live region's last sentence. */
  #announcement = '';
  /** Every role seen, so that filtering by one keeps the others in the list. */
  #roles = new Set<string>();
  /** @ignore This report's own translator (never the page's). */
  i18n?: I18n;
  readonly #text = new I18nController(this);
  readonly #id = `aie-report-${++serial}`;
  #stopWatching?: () => void;
  #loading = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    this.i18n = createI18n(widgetLocale(this, this.locale), hrResources);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopWatching?.();
    this.#stopWatching = undefined;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('locale') && this.isConnected) {
      // Another language only: the first update lists a `locale` the element already had when it connected.
      const locale = widgetLocale(this, this.locale);
      if (locale !== this.i18n?.language) this.i18n = createI18n(locale, hrResources);
    }
    if (changed.has('adapter')) {
      this.#stopWatching?.();
      this.#stopWatching = this.adapter?.watch(
        (row) => void this.#load('live', row),
        // R26: the rate crossed its line or recovered; the banner follows the reload, the sentence is said now.
        (alert) => void this.#load('live', undefined, alertWords(this.#text, alert)),
      );
    }
    if (changed.has('adapter') || changed.has('jobType') || changed.has('from') || changed.has('to')) {
      void this.#load(changed.has('adapter') ? 'load' : 'filter');
    }
  }

  /** The filter as the adapter takes it: days turned into instants in the report's time zone. */
  get filter(): HrExitFilter {
    return {
      ...(this.jobType ? { jobType: this.jobType } : {}),
      ...(this.from ? { from: new Date(startOfDay(this.from, this.timeZone)).toISOString() } : {}),
      // The last instant of the `to` day, in the report's time zone.
      ...(this.to ? { to: new Date(startOfDay(nextDay(this.to), this.timeZone) - 1).toISOString() } : {}),
    };
  }

  async #load(cause: AieReportUpdateEvent['detail']['cause'], arrived?: HrExitRow, news?: string) {
    if (!this.adapter) return;
    const ticket = ++this.#loading;
    try {
      const data = await this.adapter.listExits(this.filter);
      if (ticket !== this.#loading) return; // a newer load is on its way
      this.#data = data;
      this.#problem = null;
      for (const role of data.insights.byRole) this.#roles.add(role.key);
      if (arrived) this.#announcement = this.#text.t('report.newExit', { name: this.#name(arrived), reason: this.#reason(arrived) });
      if (news) this.#announcement = news;
      this.requestUpdate();
      /** @ignore documented with @fires */
      this.dispatchEvent(new AieReportUpdateEvent({ data, cause }));
    } catch (error) {
      if (ticket !== this.#loading) return;
      this.#problem = this.#text.t('report.loadFailed', { message: errorText(error) });
      this.requestUpdate();
    }
  }

  /** R17: HR has reviewed this exit. Focus goes to the table, since the button goes away. */
  async #markReviewed(row: HrExitRow) {
    const { t } = this.#text;
    try {
      await this.adapter!.markReviewed!(row.idempotencyKey);
    } catch (error) {
      this.#problem = t('report.reviewFailed', { message: errorText(error) });
      this.requestUpdate();
      return;
    }
    this.#announcement = t('report.reviewedNow', { name: this.#name(row) });
    await this.#load('review');
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLElement>('.scroll')?.focus();
  }

  #name = (row: HrExitRow) => row.candidateName ?? `${row.candidateRef} ${this.#text.t('report.anonymised')}`;
  /** A job type or stage in words; a code with no translation shows as itself (reasons: #reasonLabel). */
  #label = (scope: 'jobType' | 'stage', code: string) => this.#text.t(`${scope}.${code}`, { defaultValue: code });
  /** A built-in reason translated; a vendor's own in the labels its exit carried, in the report's language when it has them. */
  #reasonLabel = (reason: Pick<ExitReason, 'code' | 'labels'>) =>
    reasonWords(reason, this.#text.lang, (code) => (this.i18n?.exists(`reason.${code}`) ? this.#text.t(`reason.${code}`) : null)) ?? this.#text.t('report.noReason');
  #reason = (row: HrExitRow) => [this.#reasonLabel(row.reason ?? { code: null }), row.reason?.text].filter(Boolean).join(': ');
  /** Own keys only: a stored title may be named `constructor`. */
  #roleTitle = (title: string) => (Object.hasOwn(this.roleTitles, title) && this.roleTitles[title]?.[this.#text.lang]) || title;

  /** Where an exit stands for HR, and the candidate's request for a person (PIPL art. 24) if any: HR answers it. */
  #status(row: HrExitRow): [status: string, person: string | null] {
    const { t } = this.#text;
    // the article's status "退出面试", with where HR's review of it stands (R13, R17)
    const review = [t('report.exited'), { none: t('report.reviewNone'), pending: t('report.reviewPending'), done: t('report.reviewDone') }[row.review]].join(' · ');
    return [row.verification === 'unverified' ? `${review} · ${t('report.unverified')}` : review, row.personRequested ? t('report.personRequested') : null];
  }

  /** The cells of one record, as the table shows them and the CSV holds them. */
  #cells(row: HrExitRow): string[] {
    const { t } = this.#text;
    const flags = (this.#data?.insights.flags[row.idempotencyKey] ?? []).map((f) => t(`flags.${f.rule}`, f.params));
    const [status, person] = this.#status(row);
    return [
      this.#name(row),
      `${this.#roleTitle(row.roleTitle)} (${this.#label('jobType', row.jobType)})`,
      this.#label('stage', row.stage),
      row.progress ? `${row.progress.answered}/${row.progress.total} (${progressPercent(row.progress)}%)` : '—',
      this.#text.date(row.exitedAt, this.timeZone),
      this.#reason(row),
      flags.join(' '),
      person ? `${status} · ${person}` : status,
    ];
  }

  #headers(): string[] {
    const { t } = this.#text;
    return ['report.candidate', 'report.role', 'report.stage', 'report.progress', 'report.exitTime', 'report.reason', 'report.flags', 'report.review'].map((key) => t(key));
  }

  /** The records shown, as CSV (the same rows and cells as the table). */
  toCsv(): string {
    return toCsv(this.#headers(), (this.#data?.exits ?? []).map((row) => this.#cells(row)));
  }

  #download() {
    const url = URL.createObjectURL(new Blob([this.toCsv()], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `interview-exits-${new Date().toISOString().slice(0, 10)}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  protected override render() {
    const { t } = this.#text;
    const id = this.#id;
    const data = this.#data;
    const set = (name: 'jobType' | 'from' | 'to') => (event: Event) => (this[name] = (event.target as HTMLInputElement).value);
    return html`
      <section class="card" aria-labelledby="${id}-heading" lang=${this.#text.lang}>
        <div part="header" class="header">
          <h2 id="${id}-heading">${t('report.title')}</h2>
          <span class="live" aria-hidden="true">● ${t('report.live')}</span>
          <button part="export-button" class="neutral" type="button" ?disabled=${!data?.exits.length} @click=${this.#download}>${t('report.exportCsv')}</button>
        </div>
        <fieldset part="filters" class="filters">
          <legend>${t('report.filters')}</legend>
          <label>${t('report.role')}
            <select .value=${this.jobType} @change=${set('jobType')}>
              <option value="">${t('report.allRoles')}</option>
              ${[...this.#roles].sort().map((role) => html`<option value=${role} ?selected=${role === this.jobType}>${this.#label('jobType', role)}</option>`)}
            </select>
          </label>
          <label>${t('report.from')} <input type="date" .value=${this.from} max=${this.to || nothing} @change=${set('from')} /></label>
          <label>${t('report.to')} <input type="date" .value=${this.to} min=${this.from || nothing} @change=${set('to')} /></label>
        </fieldset>
        <p part="status" class="visually-hidden" role="status">${this.#announcement}</p>
        ${this.#problem ? html`<p part="status" class="problem" role="alert">${this.#problem}</p>` : nothing}
        ${data ? this.#renderData(data) : html`<p part="status">${this.adapter ? t('report.loading') : ''}</p>`}
      </section>
    `;
  }

  #renderData(data: HrExitsResponse) {
    const { t } = this.#text;
    const { insights } = data;
    const percent = (n: number) => Math.round(n * 100);
    const personRequests = data.exits.filter((row) => row.personRequested).length;
    const parts = insights.reasons
      .map((r) => t('report.chartPart', { label: this.#reasonLabel(r), count: r.count, percent: percent(r.share) }))
      .join(t('report.listSeparator'));
    return html`
      ${insights.alerts.map(
        (a) => html`<p part="alert" class="alert">${t('report.alert', { role: this.#label('jobType', a.jobType), rate: percent(a.rate), threshold: percent(a.threshold), exits: a.exits, started: a.started })}</p>`,
      )}
      <div class="overview">
        <div>
          <h3>${t('report.chartTitle')}</h3>
          ${reasonChart(insights.reasons, {
            title: t('report.chartTitle'),
            summary: t('report.chartSummary', { total: insights.total, parts }),
            tableCaption: t('report.chartTable'),
            reasonHeader: t('report.reason'),
            countHeader: t('report.count'),
            shareHeader: t('report.share'),
            label: this.#reasonLabel,
          }, this.#id)}
        </div>
        <div>
          <h3>${t('report.exitRates')}</h3>
          <ul class="rates">
            ${insights.byRole.map((r) => html`<li><span>${this.#label('jobType', r.key)}</span> <meter min="0" max="1" optimum="0" low="0.2" high=${insights.alerts.find((a) => a.jobType === r.key)?.threshold ?? 0.3} .value=${r.rate} aria-hidden="true"></meter> <span>${percent(r.rate)}% (${r.exits}/${r.started})</span></li>`)}
          </ul>
        </div>
      </div>
      ${data.nudges?.shown ? html`<p part="nudges">${t('report.nudges', data.nudges)}</p>` : nothing}
      <h3>${t('report.records')}</h3>
      ${personRequests ? html`<p part="person-requests">${t('report.personRequests', { count: personRequests })}</p>` : nothing}
      ${data.exits.length === 0
        ? html`<p part="status">${t('report.empty')}</p>`
        : html`<div class="scroll" role="region" aria-label=${t('report.records')} tabindex="0">
            <table part="table">
              <thead><tr>${this.#headers().map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
              <tbody>
                ${data.exits.map((row) => {
                  const [name, role, stage, progress, time, reason, flags] = this.#cells(row);
                  const [status, person] = this.#status(row);
                  return html`<tr>
                    <th scope="row">${name}</th><td>${role}</td><td>${stage}</td><td>${progress}</td><td>${time}</td><td>${reason}</td>
                    <td part="flags" class="flags">${flags}</td>
                    <td>${status}${person ? [' · ', html`<strong part="person-request">${person}</strong>`] : nothing}${row.review === 'pending' && this.adapter?.markReviewed
                      ? html` <button part="review-button" class="neutral" type="button" aria-label=${t('report.markReviewedFor', { name })}
                          @click=${() => this.#markReviewed(row)}>${t('report.markReviewed')}</button>`
                      : nothing}</td>
                  </tr>`;
                })}
              </tbody>
            </table>
          </div>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'aie-exit-report': AieExitReport;
  }
}
