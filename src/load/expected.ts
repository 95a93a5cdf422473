import type * as z from 'zod';
import { oneOf, plural } from './text.js';

type Issue = z.core.$ZodIssue;

/** zod's `expected` type names, as a desk officer would say them. */
const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  bigint: 'a whole number',
  null: 'null',
  undefined: 'nothing',
  void: 'nothing',
  never: 'nothing',
  object: 'a mapping',
  record: 'a mapping',
  map: 'a mapping',
  array: 'a list',
  tuple: 'a list',
  set: 'a list',
  date: 'a date',
  nan: 'NaN',
  nonoptional: 'a value',
};

export const FORMAT_WORDS: Record<string, string> = {
  date: 'a date written YYYY-MM-DD',
  datetime: 'a date and time in ISO 8601 form (YYYY-MM-DDTHH:MM:SSZ)',
  time: 'a time written HH:MM or HH:MM:SS',
  duration: 'an ISO 8601 duration',
  email: 'an email address',
  url: 'a web address starting with http:// or https://',
  uuid: 'a UUID',
  ipv4: 'an IPv4 address',
  ipv6: 'an IPv6 address',
  lowercase: 'a lower-case string',
  uppercase: 'an upper-case string',
};

function bound(issue: { origin: string; inclusive?: boolean; exact?: boolean }, n: number | bigint, side: 'min' | 'max'): string {
  const num = Number(n);
  const atLeast = side === 'min' ? 'at least' : 'at most';
  const strictly = side === 'min' ? 'more than' : 'fewer than';
  const rel = issue.exact ? 'exactly' : issue.inclusive === false ? strictly : atLeast;
  switch (issue.origin) {
    case 'string':
      if (side === 'min' && num === 1 && !issue.exact && issue.inclusive !== false) return 'a non-empty string';
      return `a string of ${rel} ${plural(num, 'character')}`;
    case 'array':
    case 'set':
      if (side === 'min' && num === 1 && !issue.exact && issue.inclusive !== false) return 'a non-empty list';
      return `a list of ${rel} ${plural(num, 'item')}`;
    case 'number':
    case 'int':
    case 'bigint': {
      const what = issue.origin === 'number' ? 'a number' : 'a whole number';
      if (issue.exact) return `${what} equal to ${num}`;
      if (issue.inclusive === false) return `${what} ${side === 'min' ? 'greater' : 'less'} than ${num}`;
      return `${what} of ${atLeast} ${num}`;
    }
    case 'date':
      return `a date ${side === 'min' ? 'on or after' : 'on or before'} ${new Date(num).toISOString().slice(0, 10)}`;
    default:
      return `a value of ${rel} ${num}`;
  }
}

/** "Expected …" text for one zod issue (not used for unrecognized keys, which are per key). */
export function expectedOf(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return TYPE_WORDS[issue.expected] ?? `a value of type ${issue.expected}`;
    case 'invalid_value':
      return oneOf(issue.values);
    case 'too_small':
      return bound(issue, issue.minimum, 'min');
    case 'too_big':
      return bound(issue, issue.maximum, 'max');
    case 'not_multiple_of':
      return `a multiple of ${issue.divisor}`;
    case 'invalid_format': {
      const i = issue as Issue & { prefix?: string; suffix?: string; includes?: string };
      if (issue.format === 'regex') return `a string matching ${issue.pattern ?? 'the required pattern'}`;
      if (issue.format === 'starts_with') return `a string starting with ${JSON.stringify(i.prefix ?? '')}`;
      if (issue.format === 'ends_with') return `a string ending with ${JSON.stringify(i.suffix ?? '')}`;
      if (issue.format === 'includes') return `a string containing ${JSON.stringify(i.includes ?? '')}`;
      return FORMAT_WORDS[issue.format] ?? `a valid ${issue.format}`;
    }
    case 'invalid_union':
      if (issue.inclusive === false) return 'a value matching exactly one of the allowed forms';
      if (issue.options && issue.options.length > 0) return oneOf(issue.options);
      return 'a value of one of the allowed forms';
    case 'invalid_key': {
      const inner = issue.issues[0];
      return inner ? `a key that is ${expectedOf(inner)}` : 'a valid key';
    }
    case 'invalid_element': {
      const inner = issue.issues[0];
      return inner ? expectedOf(inner) : 'a valid item';
    }
    case 'custom': {
      // A refinement may say what it wants through `params: { expected: "…" }`; else its message.
      const said = issue.params?.['expected'];
      return typeof said === 'string' ? said : issue.message;
    }
    case 'unrecognized_keys':
      return 'no other keys';
  }
}

/** "a string or a number", "a, b or c". */
export function joinAlternatives(texts: readonly string[]): string {
  const unique = [...new Set(texts)];
  if (unique.length <= 1) return unique[0] ?? 'a valid value';
  return `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1] as string}`;
}

