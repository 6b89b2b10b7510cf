/**
 * How well a document's words meet a query: PostgreSQL's `ts_rank(vector, query, 32)` worked the
 * same way, so ranking is the same whether the database or the server's index does the search.
 *
 * Each position counts by the weight of the part it stands in (name 1, description 0.4). For a
 * query whose top is "and" or a phrase, every pair of the query's words found in the document
 * adds by how close together they stand; otherwise each word found adds by how often and where it
 * appears, averaged over the query's words. Normalisation 32 turns the rank r into r / (r + 1).
 */
import { entriesOf } from './match.js';
import { queryWords, type WordQuery } from './query.js';
import type { WordPosition, WordVector } from './vector.js';

/** PostgreSQL's default weights for D, C, B and A. */
const WEIGHTS = [0.1, 0.2, 0.4, 1.0] as const;
/** π²/6: the sum of 1/i² for i from 1, which the "or" rank divides by. */
const SUM_OF_INVERSE_SQUARES = 1.64493406685;

const weightOf = (p: WordPosition) => WEIGHTS[p.weight]!;

/** Two words close together count for more; past a hundred positions apart, for nothing. */
function closeness(distance: number): number {
  if (distance > 100) return 1e-30;
  return 1 / (1.005 + 0.05 * Math.exp(distance / 1.5 - 2));
}

type QueryWord = ReturnType<typeof queryWords>[number];
/** A search ranks every listing it finds by the same query: its words are worked out once. */
const distinctOf = new WeakMap<WordQuery, QueryWord[]>();

/** The query's words, once each by lexeme (how PostgreSQL sorts and de-duplicates its operands). */
function distinctWords(query: WordQuery): QueryWord[] {
  let words = distinctOf.get(query);
  if (!words) {
    words = [...new Map(queryWords(query).map((w) => [w.lexeme, w])).values()];
    distinctOf.set(query, words);
  }
  return words;
}

function rankOr(vector: WordVector, query: WordQuery): number {
  const words = distinctWords(query);
  let rank = 0;
  for (const word of words) {
    for (const positions of entriesOf(vector, word)) {
      let sum = 0;
      let best = -1;
      let bestAt = 0;
      for (let j = 0; j < positions.length; j++) {
        const weight = weightOf(positions[j]!);
        sum += weight / ((j + 1) * (j + 1));
        if (weight > best) [best, bestAt] = [weight, j];
      }
      rank += (best + sum - best / ((bestAt + 1) * (bestAt + 1))) / SUM_OF_INVERSE_SQUARES;
    }
  }
  return words.length > 0 ? rank / words.length : rank;
}

function rankAnd(vector: WordVector, query: WordQuery): number {
  const words = distinctWords(query);
  if (words.length < 2) return rankOr(vector, query);
  const found: (readonly WordPosition[])[] = [];
  let rank = -1;
  for (const word of words) {
    for (const positions of entriesOf(vector, word)) {
      for (const earlier of found) {
        for (const p of positions) {
          for (const q of earlier) {
            const distance = Math.abs(p.position - q.position);
            if (distance === 0) continue;
            const pair = Math.sqrt(weightOf(p) * weightOf(q) * closeness(distance));
            rank = rank < 0 ? pair : 1 - (1 - rank) * (1 - pair);
          }
        }
      }
    }
    // As in PostgreSQL, a word found once (or a prefix's last lexeme) is what later words pair with.
    const entries = entriesOf(vector, word);
    if (entries.length > 0) found.push(entries[entries.length - 1]!);
  }
  return rank;
}

/** ts_rank(vector, query, 32): from 0 towards 1. */
export function wordsRank(vector: WordVector, query: WordQuery): number {
  if (vector.lexemes.size === 0) return 0;
  let rank = query.kind === 'and' || query.kind === 'phrase' ? rankAnd(vector, query) : rankOr(vector, query);
  if (rank < 0) rank = 1e-20;
  return Math.fround(rank / (rank + 1));
}
