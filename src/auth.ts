import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApiKey } from './config.js';
import { apiError } from './error-codes.js';

export type Role = 'reader' | 'editor';

export interface Viewer {
  /** null: no credential was presented. */
  name: string | null;
  role: Role | null;
  /** A credential was presented but matched no key. */
  invalid: boolean;
}

export const ANONYMOUS: Viewer = { name: null, role: null, invalid: false };

export const sha256Hex = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

/**
 * Reads `Authorization: Bearer <secret>`. The secret is hashed and compared with every configured
 * hash in constant time (no early exit), so neither the match nor its position leaks through timing.
 */
export function authenticate(header: string | null, keys: readonly ApiKey[]): Viewer {
  if (!header) return ANONYMOUS;
  const m = /^Bearer\s+(\S{1,512})\s*$/i.exec(header);
  if (!m?.[1]) return { ...ANONYMOUS, invalid: true };
  const presented = Buffer.from(sha256Hex(m[1]), 'hex');
  let found: ApiKey | undefined;
  for (const key of keys) {
    const stored = Buffer.from(key.sha256, 'hex');
    if (stored.length === presented.length && timingSafeEqual(stored, presented) && !found) found = key;
  }
  return found ? { name: found.name, role: found.role, invalid: false } : { ...ANONYMOUS, invalid: true };
}

/** Throws UNAUTHENTICATED (no or a wrong credential) or FORBIDDEN (a role below the one needed). */
export function requireRole(viewer: Viewer, role: Role): void {
  if (viewer.role === null) {
    throw apiError(
      'UNAUTHENTICATED',
      viewer.invalid
        ? 'the credential is not valid'
        : 'this operation needs a credential: Authorization: Bearer <api key>',
      { http: { status: 401 } },
    );
  }
  if (role === 'editor' && viewer.role !== 'editor') {
    throw apiError('FORBIDDEN', `this operation needs the ${role} role`, { http: { status: 403 } });
  }
}
