import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadArticle } from '../../src/ingest/ingest.js';
import { splitSentences } from '../../src/ingest/text.js';

const dir = 'data/articles/2022-01-flashup-moskau-ankara';

describe('coverage of the FLASH UP article', () => {
  const article = loadArticle(dir);
  const text = readFileSync(`${dir}/article.txt`, 'utf8');
  const sentences = splitSentences(text);
  const cited = (s: { start: number; end: number }) =>
    article.plan.evidence.some((ev) => (ev.props.start as number) < s.end && (ev.props.end as number) > s.start);
  const nonFactual = (s: { text: string }) => article.annotations.nonFactual.some((p) => s.text.includes(p));

  it('is the seed article, unchanged (its SHA-256 as taken from shared/seeds/000_67cbe9cc7fd934d3.txt)', () => {
    expect(
      createHash('sha256')
        .update(readFileSync(`${dir}/article.txt`))
        .digest('hex'),
    ).toBe('ae9ba3e561571b94cab22eb086383c85282e1aa3808fd27736349d52377f5b53');
  });

  it('cites every sentence by a claim, or lists it as non-factual', () => {
    const uncovered = sentences.filter((s) => !cited(s) && !nonFactual(s)).map((s) => s.text);
    expect(uncovered).toEqual([]);
    const covered = sentences.filter(cited).length;
    const exempt = sentences.filter((s) => !cited(s) && nonFactual(s)).length;
    console.info(`coverage: ${covered}/${sentences.length - exempt} factual sentences cited; ${exempt} non-factual`);
    expect(covered).toBe(sentences.length - exempt);
    expect(covered).toBeGreaterThanOrEqual(20);
  });

  it('exempts only captions, credits, ads and the author box', () => {
    const exempt = sentences.filter((s) => !cited(s) && nonFactual(s)).map((s) => s.text);
    for (const s of exempt) expect(s).toMatch(/Bild:|^Copyright$|^Anzeige$|FLASH UP/);
  });

  it('keeps every quote verbatim at its offsets', () => {
    for (const ev of article.plan.evidence) {
      expect(text.slice(ev.props.start as number, ev.props.end as number)).toBe(ev.props.quote);
    }
  });

  it('states the facts the card names', () => {
    const statements = article.annotations.claims.map((c) => c.statement).join('\n');
    expect(statements).toMatch(/Turkey is a member of NATO/i);
    expect(statements).toMatch(/S-400/);
    expect(statements).toMatch(/Syria/);
    expect(statements).toMatch(/Libya/);
  });
});
