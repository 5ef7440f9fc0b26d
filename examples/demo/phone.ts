// The demo's "phone": a notification transport that shows what a candidate's phone or inbox would
// receive (the one-time code included) in a panel on the candidate page. A demo aid only: a real
// deployment sends through an SMS gateway or a mail server and never shows a code on a page.
import type { ServerResponse } from 'node:http';
import type { Notification, Transport } from '@ai-interview-exit/server';

export interface DemoPhone extends Transport {
  /** Stream one interview's messages to a page (Server-Sent Events). */
  stream(interviewId: string, response: ServerResponse): void;
  close(): void;
}

const frame = ({ kind, channel, text, createdAt }: Notification) =>
  `event: message\ndata: ${JSON.stringify({ kind, channel, text, createdAt })}\n\n`;

export function createDemoPhone(): DemoPhone {
  const listeners = new Map<string, Set<ServerResponse>>();
  const history = new Map<string, Notification[]>();
  return {
    name: 'demo-phone',
    async send(notification) {
      if (notification.channel === 'push') return; // HR's pushes show on the HR page instead
      const kept = [...(history.get(notification.interviewId) ?? []), notification].slice(-20);
      history.set(notification.interviewId, kept);
      for (const response of listeners.get(notification.interviewId) ?? []) response.write(frame(notification));
    },
    stream(interviewId, response) {
      const set = listeners.get(interviewId) ?? new Set();
      listeners.set(interviewId, set);
      set.add(response);
      response.on('close', () => set.delete(response));
      response.write(': connected\n\n');
      for (const notification of history.get(interviewId) ?? []) response.write(frame(notification));
    },
    close() {
      for (const set of listeners.values()) for (const response of set) response.end();
      listeners.clear();
    },
  };
}
