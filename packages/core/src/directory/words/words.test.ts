import { describe, expect, it } from 'vitest';
import { matchesWords, parseWordQuery, parseWordVector, wordsRank, type WordQuery } from './index.js';

// Vectors and queries as PostgreSQL 15 prints them for these texts, and the ranks it gives.
const LUNCH_CLUB = parseWordVector("'club':2A,9B 'compani':14B 'everi':10B 'hall':5A 'lunch':1A,8B,12B 'thursday':11B 'warm':7B");
const WALKING_GROUP = parseWordVector("'gentl':3B 'group':2A 'park':7B 'walk':1A,4B");
const query = (text: string) => parseWordQuery(text) as WordQuery;

describe('reading a tsvector', () => {
  it('keeps each lexeme with its positions and weights', () => {
    expect(WALKING_GROUP.lexemes.get('walk')).toEqual([
      { position: 1, weight: 3 },
      { position: 4, weight: 2 },
    ]);
  });

  it('reads escaped quotes, backslashes and lexemes without positions', () => {
    const vector = parseWordVector("'o''brien':1 'a\\\\b' 'plain'");
    expect([...vector.lexemes.keys()]).toEqual(["o'brien", 'a\\b', 'plain']);
    expect(vector.lexemes.get("o'brien")).toEqual([{ position: 1, weight: 0 }]);
    expect(vector.lexemes.get('plain')).toEqual([]);
  });
});

describe('reading a tsquery', () => {
  it('binds phrase tighter than and, and tighter than or', () => {
    expect(parseWordQuery("'a' | 'b' & 'c' <-> 'd'")).toEqual({
      kind: 'or',
      left: { kind: 'word', lexeme: 'a', prefix: false, weights: [] },
      right: {
        kind: 'and',
        left: { kind: 'word', lexeme: 'b', prefix: false, weights: [] },
        right: {
          kind: 'phrase',
          distance: 1,
          left: { kind: 'word', lexeme: 'c', prefix: false, weights: [] },
          right: { kind: 'word', lexeme: 'd', prefix: false, weights: [] },
        },
      },
    });
  });

  it('reads not, brackets, distances, prefixes and weights', () => {
    expect(parseWordQuery("!( 'a' <3> 'b' ) & 'c':*AB")).toEqual({
      kind: 'and',
      left: {
        kind: 'not',
        operand: {
          kind: 'phrase',
          distance: 3,
          left: { kind: 'word', lexeme: 'a', prefix: false, weights: [] },
          right: { kind: 'word', lexeme: 'b', prefix: false, weights: [] },
        },
      },
      right: { kind: 'word', lexeme: 'c', prefix: true, weights: [3, 2] },
    });
  });

  it('gives nothing for the empty query (only stop words were typed)', () => {
    expect(parseWordQuery('')).toBeUndefined();
  });

  it('refuses what is not a tsquery', () => {
    expect(() => parseWordQuery("'a' &")).toThrow();
    expect(() => parseWordQuery("( 'a'")).toThrow();
  });
});

describe('matching words as @@ does', () => {
  it('needs every word joined by and', () => {
    expect(matchesWords(LUNCH_CLUB, query("'lunch' & 'club'"))).toBe(true);
    expect(matchesWords(LUNCH_CLUB, query("'lunch' & 'walk'"))).toBe(false);
    expect(matchesWords(LUNCH_CLUB, query("'lunch' | 'walk'"))).toBe(true);
  });

  it('leaves out what the query says not to have', () => {
    expect(matchesWords(WALKING_GROUP, query("'gentl' <-> 'walk' & !'swim'"))).toBe(true);
    expect(matchesWords(WALKING_GROUP, query("'walk' & !'park'"))).toBe(false);
  });

  it('counts the distance in a phrase, stop words included', () => {
    // "Gentle walks in the park": walk 4, park 7.
    expect(matchesWords(WALKING_GROUP, query("'walk' <3> 'park'"))).toBe(true);
    expect(matchesWords(WALKING_GROUP, query("'walk' <2> 'park'"))).toBe(false);
    expect(matchesWords(WALKING_GROUP, query("'walk' <-> 'park'"))).toBe(false);
    expect(matchesWords(WALKING_GROUP, query("'gentl' <-> 'walk' <3> 'park'"))).toBe(true);
    expect(matchesWords(WALKING_GROUP, query("'gentl' <-> ( 'walk' <3> 'park' )"))).toBe(true);
  });

  it('matches a prefix and keeps to the weights asked for', () => {
    expect(matchesWords(WALKING_GROUP, query("'gen':*"))).toBe(true);
    expect(matchesWords(WALKING_GROUP, query("'group':B"))).toBe(false);
    expect(matchesWords(WALKING_GROUP, query("'group':A"))).toBe(true);
  });

  it('matches nothing in a document without words, not even a "not"', () => {
    expect(matchesWords(parseWordVector(''), query("!'swim'"))).toBe(false);
  });
});

describe('ranking words as ts_rank(…, 32) does', () => {
  it.each([
    [LUNCH_CLUB, "'lunch' & 'club'", 0.4998312294483185],
    [LUNCH_CLUB, "'lunch' | 'walk'", 0.2580883502960205],
    [WALKING_GROUP, "'walk'", 0.4007382094860077],
    [WALKING_GROUP, "'gentl' <-> 'walk' & !'swim'", 0.43580344319343567],
    [WALKING_GROUP, "'walk' <2> 'park'", 0.41820356249809265],
  ])('gives PostgreSQL’s figure for %#', (vector, text, expected) => {
    expect(wordsRank(vector, query(text))).toBeCloseTo(expected, 6);
  });

  it('ranks a word in the name above the same word only in the description', () => {
    const inName = parseWordVector("'lunch':1A 'club':2A");
    const inDescription = parseWordVector("'lunch':5B 'club':2A");
    expect(wordsRank(inName, query("'lunch'"))).toBeGreaterThan(wordsRank(inDescription, query("'lunch'")));
  });
});
