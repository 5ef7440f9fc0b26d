import type { ExitConfig, ExitRecord } from '@ai-interview-exit/core';
import { configResources, createI18n, hrResources, matchLocale, type Translator } from '@ai-interview-exit/core/i18n';
import { alertWords, reasonLine, type RateAlertEvent } from '@ai-interview-exit/core/insights';

export interface Messages {
  /** The candidate's confirmation (R13): exit time, reason, "contact HR to reschedule". */
  candidateExit(record: ExitRecord): string;
  /** HR's push (R13): "候选人张三已退出面试，原因：对岗位不感兴趣"; it says so when the candidate asks for a person. */
  hrExit(record: ExitRecord, candidateName: string): string;
  /** In the candidate's language when known, else the server's. */
  code(code: string, minutes: number, locale?: string): string;
  /** In the candidate's language when known, else the server's. */
  guide(locale?: string): string;
  /** HR's push when a role's exit rate crosses its alert line or recovers (R26), in HR's language. */
  rateAlert(event: RateAlertEvent): string;
}

function formatTime(instant: string, locale: string, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false };
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(new Date(instant));
  } catch {
    // The schema checks the shape of a zone name, not that the zone exists.
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC', timeZoneName: 'short' }).format(new Date(instant));
  }
}

/** Texts in core's wording (its `notify.*` and `reason.*` strings), in the reader's language. */
export function createMessages(options: { locale: string; hrLocale?: string; config: ExitConfig }): Messages {
  const hrLocale = options.hrLocale ?? options.locale;
  const instances = new Map<string, Translator>();
  const overrides = configResources(options.config);
  function translator(locale: string): Translator {
    const lng = matchLocale(locale) ?? options.locale;
    let instance = instances.get(lng);
    if (!instance) {
      instance = createI18n(lng, hrResources, overrides);
      instances.set(lng, instance);
    }
    return instance;
  }
  return {
    candidateExit(record) {
      const t = translator(record.locale);
      return t.t('notify.candidate', { time: formatTime(record.exitedAt, t.language, record.timeZone), reason: reasonLine(t, record.reason) });
    },
    hrExit(record, candidateName) {
      const t = translator(hrLocale);
      // A request for a person (PIPL art. 24) is something HR must answer: the push says so.
      return t.t(record.personRequested ? 'notify.hrPerson' : 'notify.hr', { name: candidateName, reason: reasonLine(t, record.reason) });
    },
    code(code, minutes, locale) {
      return translator(locale ?? options.locale).t('notify.code', { code, minutes });
    },
    guide(locale) {
      return translator(locale ?? options.locale).t('notify.guide');
    },
    rateAlert(event) {
      return alertWords(translator(hrLocale), event);
    },
  };
}
