import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../diagnostics/diagnostic.js';
import { suggestKey } from '../load/suggest.js';
import { FIRST_REPORT_YEAR, LAST_REPORT_YEAR } from '../model/tier.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * `util.parseArgs` with strict checking, its errors rewritten in our words with a "did you mean"
 * (`--hist` -> --history), as a UsageError (exit code 2). Every command takes `--help`.
 */
export interface ParsedArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

/** The known option closest to a misspelt one: a unique prefix first, then the edit distance. */
function nearestOption(name: string, options: Options): string | undefined {
  const names = Object.keys(options);
  const prefixed = names.filter((n) => n.startsWith(name));
  if (name.length >= 2 && prefixed.length === 1) return prefixed[0];
  return suggestKey(name, names);
}

function optionName(name: string, options: Options): string | undefined {
  if (name in options) return name;
  return Object.entries(options).find(([, o]) => o.short === name)?.[0];
}

/** The first problem of the command line in our words, or undefined when parseArgs may run. */
function checkTokens(argv: string[], options: Options): string | undefined {
  const { tokens } = parseArgs({ args: argv, options, allowPositionals: true, strict: false, tokens: true });
  for (const t of tokens ?? []) {
    if (t.kind !== 'option') continue;
    const known = optionName(t.name, options);
    if (known === undefined) {
      const near = t.rawName.startsWith('--') ? nearestOption(t.name, options) : undefined;
      return `unknown option ${t.rawName}${near ? ` (did you mean --${near}?)` : ''}`;
    }
    const spec = options[known]!;
    if (spec.type === 'string' && t.value === undefined) return `--${known} needs a value`;
    if (spec.type === 'boolean' && t.inlineValue) return `--${known} takes no value, found "${t.rawName}=${t.value}"`;
  }
  return undefined;
}

export function parseCommandArgs(argv: string[], options: Options): ParsedArgs {
  const all: Options = { ...options, help: { type: 'boolean', short: 'h' } };
  const problem = checkTokens(argv, all);
  if (problem !== undefined) throw new UsageError(problem);
  try {
    return parseArgs({ args: argv, options: all, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

/** A string option's value, or undefined. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function flag(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

/** A value of an option that takes one of a few words: the word, or a UsageError with the nearest. */
export function oneOfOption<T extends string>(value: string, name: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const near = suggestKey(value, allowed);
  throw new UsageError(`${name} expects one of ${allowed.join(', ')}, found "${value}"${near ? ` (did you mean ${near}?)` : ''}`);
}

/** A `--year` value: a whole number from the first report (2001) to next year's. */
export function parseYearOption(value: string | undefined, name = '--year'): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value)) throw new UsageError(`${name} expects a report year such as 2009, found "${value}"`);
  const year = Number(value);
  if (year < FIRST_REPORT_YEAR || year > LAST_REPORT_YEAR) throw new UsageError(`${name} expects a report year from ${FIRST_REPORT_YEAR} (the first report) to ${LAST_REPORT_YEAR} (next year's), found ${year}`);
  return year;
}

export function requireOne(positionals: string[], what: string): string {
  if (positionals.length !== 1) {
    throw new UsageError(`expected exactly one ${what}, found ${positionals.length === 0 ? 'none' : positionals.length}`);
  }
  return positionals[0]!;
}
