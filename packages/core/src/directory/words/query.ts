/**
 * A full-text query as PostgreSQL's `tsquery` prints it, parsed into a tree. The database turns
 * what someone typed into lexemes (`websearch_to_tsquery('english', …)`: stemming, stop words,
 * quotes for phrases, "or", a leading minus for "not"); Kith reads its answer so the search index
 * in the server matches exactly what the database's own `@@` would.
 */
import { readQuoted } from './vector.js';

export type WordQuery =
  | { kind: 'word'; lexeme: string; prefix: boolean; weights: number[] }
  | { kind: 'not'; operand: WordQuery }
  | { kind: 'and' | 'or'; left: WordQuery; right: WordQuery }
  | { kind: 'phrase'; left: WordQuery; right: WordQuery; distance: number };

type Token = { kind: 'word'; lexeme: string; prefix: boolean; weights: number[] } | { kind: 'op'; op: '&' | '|' | '!' | '(' | ')' } | { kind: 'phrase'; distance: number };

const WEIGHT_LETTERS = 'DCBA';

function readWord(text: string, start: number): { token: Token; end: number } {
  const { value: lexeme, end: i } = readQuoted(text, start);
  const flags = /^:([*A-Da-d]+)/.exec(text.slice(i));
  const letters = flags?.[1] ?? '';
  const weights = [...letters.toUpperCase()].filter((c) => c !== '*').map((c) => WEIGHT_LETTERS.indexOf(c));
  return { token: { kind: 'word', lexeme, prefix: letters.includes('*'), weights }, end: i + (flags?.[0].length ?? 0) };
}

function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === ' ') i += 1;
    else if (ch === "'") {
      const { token, end } = readWord(text, i);
      tokens.push(token);
      i = end;
    } else if (ch === '<') {
      const match = /^<(-|\d+)>/.exec(text.slice(i));
      if (!match) throw new Error(`Unknown operator at ${i} in ${text}`);
      tokens.push({ kind: 'phrase', distance: match[1] === '-' ? 1 : Number(match[1]) });
      i += match[0].length;
    } else if ('&|!()'.includes(ch)) {
      tokens.push({ kind: 'op', op: ch as '&' | '|' | '!' | '(' | ')' });
      i += 1;
    } else throw new Error(`Unexpected ${ch} at ${i} in ${text}`);
  }
  return tokens;
}

/** How tightly each binary operator binds, as in PostgreSQL: phrase, then and, then or. */
function binding(token: Token | undefined): number {
  if (token?.kind === 'phrase') return 3;
  if (token?.kind === 'op' && token.op === '&') return 2;
  if (token?.kind === 'op' && token.op === '|') return 1;
  return 0;
}

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): WordQuery {
    const query = this.binary(1);
    if (this.at !== this.tokens.length) throw new Error('Unexpected text after the query');
    return query;
  }

  /** Operators left to right, each binding at least `min` (precedence climbing). */
  private binary(min: number): WordQuery {
    let left = this.unary();
    for (;;) {
      const token = this.tokens[this.at];
      const strength = binding(token);
      if (strength < min || strength === 0) return left;
      this.at += 1;
      const right = this.binary(strength + 1);
      if (token!.kind === 'phrase') left = { kind: 'phrase', left, right, distance: token!.distance };
      else left = { kind: (token as { op: string }).op === '&' ? 'and' : 'or', left, right };
    }
  }

  private unary(): WordQuery {
    const token = this.tokens[this.at++];
    if (!token) throw new Error('The query ends too soon');
    if (token.kind === 'word') return { kind: 'word', lexeme: token.lexeme, prefix: token.prefix, weights: token.weights };
    if (token.kind === 'op' && token.op === '!') return { kind: 'not', operand: this.unary() };
    if (token.kind === 'op' && token.op === '(') {
      const inner = this.binary(1);
      const close = this.tokens[this.at++];
      if (close?.kind !== 'op' || close.op !== ')') throw new Error('A bracket is not closed');
      return inner;
    }
    throw new Error('Expected a word');
  }
}

/** Parses a `tsquery` as PostgreSQL prints it; undefined for the empty query (only stop words were typed). */
export function parseWordQuery(text: string): WordQuery | undefined {
  const tokens = tokenise(text.trim());
  if (tokens.length === 0) return undefined;
  return new Parser(tokens).parse();
}

/** Every word the query names, once each, in its tree's order. */
export function queryWords(query: WordQuery): Extract<WordQuery, { kind: 'word' }>[] {
  if (query.kind === 'word') return [query];
  if (query.kind === 'not') return queryWords(query.operand);
  return [...queryWords(query.left), ...queryWords(query.right)];
}
