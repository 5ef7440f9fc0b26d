let zone: string | undefined;

/**
 * The device's time zone (an IANA name), read once. The first read makes the browser detect the
 * zone, which costs a slow phone 50–100 ms of its main thread: the widget reads it when the page is
 * idle after the button shows, or when the candidate opens the flow, never before the first render.
 */
export function deviceTimeZone(): string {
  return (zone ??= Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
}

/** The zone if it was read already, else undefined (nothing is read). */
export const knownTimeZone = (): string | undefined => zone;
