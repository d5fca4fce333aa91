import type { EventRecord } from './records.js';

/** The same order in Cypher, of the events in variable `v` (an absent orderRank reads as 0, as in the record). */
export const TIMELINE_ORDER = (v: string) =>
  `${v}.orderDate IS NULL, ${v}.orderDate, coalesce(${v}.orderRank, 0), ${v}.id`;

/**
 * Timeline order: the first day an event can mean, but never before what it answers or is part of
 * (orderDate, orderRank: see ingest/plan.ts); undated events last; then by key.
 */
export function byTimeline(a: EventRecord, b: EventRecord): number {
  if (a.orderDate !== b.orderDate) {
    if (a.orderDate === null) return 1;
    if (b.orderDate === null) return -1;
    return a.orderDate < b.orderDate ? -1 : 1;
  }
  if (a.orderRank !== b.orderRank) return a.orderRank - b.orderRank;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
