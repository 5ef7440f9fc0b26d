// The interview's progress kept on this device (R15), so that a candidate who lost the connection
// is offered to continue on the next visit. Storage may be off (private browsing, a sandboxed
// frame, a full quota): resuming is a convenience, so every failure here is silent.
import { ProgressSnapshotSchema, type ProgressSnapshot } from '@ai-interview-exit/core';

const key = (interviewId: string) => `aie:progress:${interviewId}`;

/** The progress an earlier visit kept for this interview, if it is there and valid. */
export function keptProgress(interviewId: string): ProgressSnapshot | null {
  try {
    const parsed = ProgressSnapshotSchema.safeParse(JSON.parse(localStorage.getItem(key(interviewId)) ?? 'null'));
    return parsed.success && parsed.data.interviewId === interviewId ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Keep the live progress, or forget it (`null`: after the exit). Nothing is kept before the interview's id is known. */
export function keepProgress(interviewId: string, snapshot: ProgressSnapshot | null): void {
  try {
    if (snapshot && interviewId) localStorage.setItem(key(interviewId), JSON.stringify(snapshot));
    else localStorage.removeItem(key(interviewId));
  } catch {
    // see above
  }
}
