import { maskAddress } from '../mask.js';
import type { Transport } from './types.js';

export interface ConsoleTransportOptions {
  /** Where the line goes; `console.log` by default. */
  write?: (line: string) => void;
}

/**
 * A one-line note per notification for a developer's terminal: the kind and the masked recipient.
 * Never the text (it carries names, reasons and one-time codes) and never the address in clear.
 */
export function createConsoleTransport(options: ConsoleTransportOptions = {}): Transport {
  const write = options.write ?? ((line: string) => console.log(line));
  return {
    name: 'console',
    async send(notification) {
      write(`[notification] ${notification.kind} → ${maskAddress(notification.channel, notification.to)} (${notification.channel})`);
    },
  };
}
