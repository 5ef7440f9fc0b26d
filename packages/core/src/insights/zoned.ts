/**
 * The instant a calendar day starts in a time zone, without a date library: guess the UTC midnight,
 * ask Intl what the zone's clock reads then, and correct by the difference (twice, for DST edges).
 */
export function startOfDay(day: string, timeZone: string): number {
  const target = Date.parse(`${day}T00:00:00Z`);
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  });
  const wallClock = (instant: number) => {
    const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
    return Date.parse(`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}Z`);
  };
  let instant = target;
  for (let i = 0; i < 2; i += 1) instant += target - wallClock(instant);
  return instant;
}

/** `2026-11-26` → `2026-11-27`. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
