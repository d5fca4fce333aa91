import { describe, expect, it } from 'vitest';
import { DYAD_DISPUTES_SHOWN, DYAD_EVENTS_SHOWN, eventsHeading, listHeading } from '../../web/src/dyad.js';

describe("the explorer's comparison panel", () => {
  it('says how many events link the two and how many of them it lists', () => {
    expect(eventsHeading(12, 12)).toBe('Events (12), by date');
    expect(eventsHeading(DYAD_EVENTS_SHOWN, 6955)).toBe(`Events (6955), by date: the first ${DYAD_EVENTS_SHOWN}`);
    expect(eventsHeading(0, 0)).toBe('Events (0), by date');
    expect(listHeading('Shared disputes', 'by name', DYAD_DISPUTES_SHOWN, 1380)).toBe(
      `Shared disputes (1380), by name: the first ${DYAD_DISPUTES_SHOWN}`,
    );
  });
});
