import type { ArubaPageKind } from './aruba-pages';

/** Everything the content script may tell the background. Nothing here can carry a password. */
export type ContentMessage = { type: 'page-recognized'; page: ArubaPageKind };

export function isContentMessage(value: unknown): value is ContentMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  return message.type === 'page-recognized' && typeof message.page === 'string';
}
