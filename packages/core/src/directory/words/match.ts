/**
 * Whether a document's words meet a query: PostgreSQL's `tsvector @@ tsquery`, for the queries
 * `websearch_to_tsquery` writes (words joined by and, or and not; quoted phrases, whose words must
 * stand in order with the distance the query says, stop words counted).
 */
import type { WordQuery } from './query.js';
import type { WordPosition, WordVector } from './vector.js';

type QueryWord = Extract<WordQuery, { kind: 'word' }>;

/** The positions of each lexeme the word names: itself, or, for a prefix, every lexeme it begins. */
export function entriesOf(vector: WordVector, word: QueryWord): (readonly WordPosition[])[] {
  if (!word.prefix) {
    const positions = vector.lexemes.get(word.lexeme);
    return positions ? [positions] : [];
  }
  return [...vector.lexemes].filter(([lexeme]) => lexeme.startsWith(word.lexeme)).map(([, positions]) => positions);
}

/** Where the word stands, keeping only the weights it asks for, if it names any. */
function positionsOf(vector: WordVector, word: QueryWord): number[] {
  return entriesOf(vector, word)
    .flat()
    .filter((p) => word.weights.length === 0 || word.weights.includes(p.weight))
    .map((p) => p.position);
}

function hasWord(vector: WordVector, word: QueryWord): boolean {
  const entries = entriesOf(vector, word);
  if (word.weights.length === 0) return entries.length > 0;
  return entries.some((positions) => positions.some((p) => word.weights.includes(p.weight)));
}

/** A phrase's matches: where each ends, and how many positions it spans before its last word. */
interface PhraseMatches {
  ends: Set<number>;
  width: number;
}

function phraseMatches(vector: WordVector, query: WordQuery): PhraseMatches {
  switch (query.kind) {
    case 'word':
      return { ends: new Set(positionsOf(vector, query)), width: 0 };
    case 'phrase': {
      const left = phraseMatches(vector, query.left);
      const right = phraseMatches(vector, query.right);
      const ends = [...right.ends].filter((end) => left.ends.has(end - right.width - query.distance));
      return { ends: new Set(ends), width: left.width + query.distance + right.width };
    }
    case 'and': {
      const [left, right] = [phraseMatches(vector, query.left), phraseMatches(vector, query.right)];
      return { ends: new Set([...left.ends].filter((e) => right.ends.has(e))), width: Math.max(left.width, right.width) };
    }
    case 'or': {
      const [left, right] = [phraseMatches(vector, query.left), phraseMatches(vector, query.right)];
      return { ends: new Set([...left.ends, ...right.ends]), width: Math.max(left.width, right.width) };
    }
    case 'not':
      // websearch_to_tsquery never puts a "not" inside a phrase; such a phrase matches nothing here.
      return { ends: new Set(), width: 0 };
  }
}

function meets(vector: WordVector, query: WordQuery): boolean {
  switch (query.kind) {
    case 'word':
      return hasWord(vector, query);
    case 'not':
      return !meets(vector, query.operand);
    case 'and':
      return meets(vector, query.left) && meets(vector, query.right);
    case 'or':
      return meets(vector, query.left) || meets(vector, query.right);
    case 'phrase':
      return phraseMatches(vector, query).ends.size > 0;
  }
}

/** `vector @@ query`; as in PostgreSQL, a document without words meets no query, not even "not x". */
export function matchesWords(vector: WordVector, query: WordQuery): boolean {
  return vector.lexemes.size > 0 && meets(vector, query);
}
