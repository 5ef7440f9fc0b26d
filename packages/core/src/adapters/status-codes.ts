import type { AdapterErrorCode } from '../schemas/protocol.js';

/** What an HTTP error status means, as an adapter error code (else `unavailable`); the candidate's and HR's HTTP adapters read it. */
export const STATUS_CODES: Record<number, AdapterErrorCode> = {
  400: 'invalid-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'invalid-request',
  422: 'key-reused',
  429: 'rate-limited',
};
