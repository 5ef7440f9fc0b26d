/** What a notification is about. `verification-code` is the only place a one-time code leaves the server. */
/** `hr-alert`: a role's exit rate crossed its alert line or recovered (R26); it names no interview. */
export type NotificationKind = 'exit-confirmation' | 'hr-exit' | 'hr-alert' | 'verification-code' | 'interview-guide';

/** `push` goes to HR (the `to` is then `hr`); `sms` and `email` to the candidate's registered contact. */
export type NotificationChannel = 'sms' | 'email' | 'push';

export interface Notification {
  id: string;
  kind: NotificationKind;
  channel: NotificationChannel;
  /** A phone number, an email address, or `hr`. */
  to: string;
  /** The interview it is about; empty for an `hr-alert`, which is about a role. */
  interviewId: string;
  /** The message in the recipient's language, ready to send. */
  text: string;
  createdAt: string;
}

/**
 * Where notifications go: an SMS gateway, a mail server, a chat webhook. `send` resolves once the
 * message is accepted and rejects to be retried later. It must not log `to` or `text` in clear.
 */
export interface Transport {
  name: string;
  send(notification: Notification): Promise<void>;
  /**
   * For a transport that keeps what it sent (a file, a log, an archive): remove every message about
   * these interviews, because their candidate asked for erasure (R10). Resolves once it is gone;
   * a rejection makes the erasure request answer 503, to be retried.
   */
  erase?(interviewIds: readonly string[]): Promise<void>;
}
