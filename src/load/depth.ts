import { Lexer } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * Deepest flow nesting (`[` / `{`) allowed. yaml composes flow collections recursively, and on
 * Node 20 about 10,000 nested brackets (a 20 KB file) exhausted the stack inside V8's regexp
 * compiler, which aborts the whole process ("FATAL ERROR: RegExpCompiler Allocation failed")
 * instead of throwing. No evidence, rule or test file comes near 64 levels.
 * Block nesting needs indentation, and yaml stops nesting compact `- - -` sequences by itself
 * (below 1,000 levels, measured), so only flow nesting is checked here.
 */
export const MAX_FLOW_DEPTH = 64;

/** yaml's CST control tokens, which take no room in the source. */
const ZERO_WIDTH = new Set(['\x02', '\x18', '\x1f']);

/**
 * The first bracket that nests deeper than MAX_FLOW_DEPTH, found with yaml's own lexer (an
 * iterative state machine, so it cannot overflow), which knows which brackets sit inside quoted
 * or block scalars and comments.
 */
export function checkFlowDepth(text: string, file: string): Diagnostic | undefined {
  // Cheap exit: with this few brackets in the whole text, no nesting can be too deep.
  let brackets = 0;
  for (let i = 0; i < text.length && brackets <= MAX_FLOW_DEPTH; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) brackets++;
  }
  if (brackets <= MAX_FLOW_DEPTH) return undefined;

  let depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === '[' || token === '{') {
      depth++;
      if (depth > MAX_FLOW_DEPTH) {
        const before = text.slice(0, offset);
        const line = before.split('\n').length;
        const col = offset - (before.lastIndexOf('\n') + 1) + 1;
        return {
          file, line, col, path: [], code: 'too-deep',
          expected: `[ ] and { } nested at most ${MAX_FLOW_DEPTH} deep`,
          found: `a bracket at depth ${depth}`,
        };
      }
    } else if (token === ']' || token === '}') {
      depth = Math.max(0, depth - 1);
    }
    if (!ZERO_WIDTH.has(token)) offset += token.length;
  }
  return undefined;
}
