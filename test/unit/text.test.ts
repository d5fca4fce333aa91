import { describe, expect, it } from 'vitest';
import { searchKey } from '../../src/domain/text.js';
import { findMentions, nearestMatch, splitSentences } from '../../src/ingest/text.js';

describe('splitSentences', () => {
  it('splits lines and sentences with offsets, but not after a day number', () => {
    const text = 'Titel\n\nSie dürften bei dem für den 12. Januar geplanten Rat Thema sein. Der Westen befürchtet das.';
    const s = splitSentences(text);
    expect(s.map((x) => x.text)).toEqual([
      'Titel',
      'Sie dürften bei dem für den 12. Januar geplanten Rat Thema sein.',
      'Der Westen befürchtet das.',
    ]);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
  });

  it('ends a sentence after a closing quotation mark', () => {
    const s = splitSentences('Er wirft Kiew „Provokationen“ vor. Die Türkei „kaufte“. Danach');
    expect(s.map((x) => x.text)).toEqual(['Er wirft Kiew „Provokationen“ vor.', 'Die Türkei „kaufte“.', 'Danach']);
  });
});

describe('searchKey', () => {
  it.each([
    ['Erdoğan', 'erdogan'],
    ['Mevlüt Çavuşoğlu', 'mevlut cavusoglu'],
    ['Nato–Russland-Rat', 'nato-russland-rat'],
    ['Straße', 'strasse'],
    ['  KREML ', 'kreml'],
  ])('%s → %s', (input, key) => expect(searchKey(input)).toBe(key));
});

describe('findMentions', () => {
  const terms = [
    { entityId: 'nato', term: 'Nato' },
    { entityId: 'russia', term: 'Russland' },
    { entityId: 'council', term: 'Nato-Russland-Rat' },
    { entityId: 'turkey', term: 'türkisch' },
  ];

  it('prefers the longest match and finds names inside hyphenated words', () => {
    const text = 'Der Nato-Russland-Rat tagt. Die Nato-Partner und Russland.';
    expect(findMentions(text, terms).map((m) => [m.entityId, m.text])).toEqual([
      ['council', 'Nato-Russland-Rat'],
      ['nato', 'Nato'],
      ['russia', 'Russland'],
    ]);
  });

  it('matches whole words only, case-insensitively', () => {
    const text = 'türkischen Drohnen, türkisch-russisch, NATO';
    expect(findMentions(text, terms).map((m) => [m.entityId, m.start])).toEqual([
      ['turkey', text.indexOf('türkisch-')],
      ['nato', text.indexOf('NATO')],
    ]);
  });
});

describe('nearestMatch', () => {
  it('finds the passage a mistyped quote meant', () => {
    const text = 'Die USA und ihre Verbündeten wiesen diese Forderungen zurück. Sie dürften Thema sein.';
    expect(nearestMatch(text, 'Die USA und ihre Verbündeten wiesen die Forderungen zurück').excerpt).toBe(
      'Die USA und ihre Verbündeten wiesen diese Forderungen zurück',
    );
  });
});
