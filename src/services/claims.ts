import { requireRole, type Viewer } from '../auth.js';
import type { ClaimStance } from '../domain/claims.js';
import type { ClaimRecord } from '../domain/records.js';
import { isBlank, unsafeCharacters } from '../domain/text.js';
import { InputError } from '../errors.js';
import type { Repositories } from '../repositories/index.js';

const MAX_REASON = 2_000;

/** A text input: bounded and visible. */
export function visibleText(name: string, value: string, max: number): string {
  if (value.length > max) throw new InputError(`"${name}" is longer than ${max} characters`);
  if (isBlank(value)) throw new InputError(`"${name}" is empty or only invisible characters`);
  return value;
}

/** A text input stored as sent: also without control or bidi characters (see domain/text.ts). */
export function storableText(name: string, value: string, max: number): string {
  const unsafe = unsafeCharacters(value);
  if (unsafe) throw new InputError(`"${name}" ${unsafe}`);
  return visibleText(name, value, max);
}

export interface Correction {
  statement: string | null;
  stance: ClaimStance | null;
  assertedBy: string | null;
  reason: string;
}

/**
 * Edits of claims: the editor's role, the inputs, then one transaction that takes the claim's lock
 * (repositories/writes.ts); the request's cached reads of the claim are forgotten afterwards.
 */
export class ClaimEdits {
  constructor(
    private readonly repos: Repositories,
    private readonly viewer: Viewer,
  ) {}

  async retract(key: string, reason: string): Promise<{ claim: ClaimRecord; removedEdges: number } | null> {
    requireRole(this.viewer, 'editor');
    const retracted = await this.repos.writes.retractClaim(
      key,
      storableText('reason', reason, MAX_REASON),
      this.viewer.name ?? 'unknown',
    );
    this.forget(key);
    return retracted;
  }

  async correct(key: string, change: Correction): Promise<ClaimRecord | null> {
    requireRole(this.viewer, 'editor');
    const reason = storableText('reason', change.reason, MAX_REASON);
    const statement = change.statement === null ? null : storableText('statement', change.statement, MAX_REASON);
    if (statement === null && change.stance === null && change.assertedBy === null) {
      throw new InputError('give at least one of statement, stance, assertedBy');
    }
    const corrected = await this.repos.writes.correctClaim(
      key,
      { statement, stance: change.stance, assertedBy: change.assertedBy },
      reason,
      this.viewer.name ?? 'unknown',
    );
    this.forget(key);
    return corrected;
  }

  /** An earlier field of the same operation may have read the claim through the loaders. */
  private forget(key: string): void {
    this.repos.graph.claimDetails.clear(key);
    this.repos.graph.node.clear(key);
  }
}
