/**
 * A document's words as PostgreSQL's full-text search keeps them: each lexeme (a word stemmed by
 * the English dictionary, stop words gone) with the positions it stands at and the weight of the
 * part it came from (A for a listing's name, B for its description). Read from a `tsvector`'s
 * text form, so the server's search index matches words exactly as the database would.
 */

/** Weights as PostgreSQL numbers them: D 0, C 1, B 2, A 3. */
export const WORD_WEIGHTS = ['D', 'C', 'B', 'A'] as const;
export type WordWeight = (typeof WORD_WEIGHTS)[number];

/** One place a lexeme stands: its position (1 onwards) and its weight's number. */
export interface WordPosition {
  position: number;
  weight: number;
}

export interface WordVector {
  lexemes: ReadonlyMap<string, readonly WordPosition[]>;
}

/** Reads a quoted lexeme from `text` at `start` (at its opening quote); doubled quotes and backslashes escape. Tsquery prints lexemes the same way. */
export function readQuoted(text: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\\') {
      value += text[i + 1] ?? '';
      i += 2;
    } else if (ch === "'" && text[i + 1] === "'") {
      value += "'";
      i += 2;
    } else if (ch === "'") {
      return { value, end: i + 1 };
    } else {
      value += ch;
      i += 1;
    }
  }
  throw new Error(`Unclosed quote in ${text}`);
}

function readPositions(text: string, start: number): { positions: WordPosition[]; end: number } {
  const match = /^:((?:\d+[A-D]?)(?:,\d+[A-D]?)*)/.exec(text.slice(start));
  if (!match) return { positions: [], end: start };
  const positions = match[1]!.split(',').map((p) => {
    const letter = /[A-D]$/.exec(p)?.[0] as WordWeight | undefined;
    return { position: Number.parseInt(p, 10), weight: WORD_WEIGHTS.indexOf(letter ?? 'D') };
  });
  return { positions, end: start + match[0].length };
}

/** Parses a `tsvector` as PostgreSQL prints it: `'club':3A,7B 'lunch':2A`. */
export function parseWordVector(text: string): WordVector {
  const lexemes = new Map<string, WordPosition[]>();
  let i = 0;
  while (i < text.length) {
    if (text[i] === ' ') {
      i += 1;
      continue;
    }
    if (text[i] !== "'") throw new Error(`Expected a quoted lexeme at ${i} in ${text}`);
    const word = readQuoted(text, i);
    const { positions, end } = readPositions(text, word.end);
    lexemes.set(word.value, positions);
    i = end;
  }
  return { lexemes };
}
