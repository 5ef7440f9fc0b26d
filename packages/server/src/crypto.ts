import { createHmac, timingSafeEqual } from 'node:crypto';

/** HMAC-SHA256 over the parts joined by a separator that ids and codes cannot contain. */
export function hmac(secret: string, ...parts: string[]): Buffer {
  return createHmac('sha256', secret).update(parts.join('\u0000')).digest();
}

export function hmacHex(secret: string, ...parts: string[]): string {
  return hmac(secret, ...parts).toString('hex');
}

/**
 * Compare two secrets in constant time. Both sides are hashed first so that their lengths are
 * equal and the time taken says nothing about where they differ or how long they are.
 */
export function safeEqual(secret: string, a: string | Buffer, b: string | Buffer): boolean {
  return timingSafeEqual(hmac(secret, 'compare', Buffer.from(a).toString('base64')), hmac(secret, 'compare', Buffer.from(b).toString('base64')));
}
