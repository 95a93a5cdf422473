import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { loadYamlFile } from '../load/index.js';
import { RULES_DIR } from '../paths.js';
import { naturalCompare } from '../load/text.js';
import { readCorpusCache } from './corpus-cache.js';
import {
  CorpusFileSchema,
  OPERATORS,
  type Condition,
  type LeafCondition,
  type ParameterFile,
  type RuleFile,
} from './schema.js';
import { FACTS, STAGE_OF_EVENT, type Stage } from './stages.js';

export interface Located {
  /** Path relative to the package root, with forward slashes: `rules/22usc7106/b/1.yaml`. */
  file: string;
  line: number;
}

export type LoadedRule = RuleFile & Located & { stage: Stage };
export type LoadedParameter = ParameterFile & Located;

export interface Corpus {
  rules: LoadedRule[];
  parameters: LoadedParameter[];
}

/** `rules/22usc7107/b/2/A/iii/I@2019.yaml` -> `22usc7107.b.2.A.iii.I` */
export function idFromPath(relativeToRules: string): string {
  return relativeToRules
    .split(sep)
    .join('/')
    .replace(/\.ya?ml$/, '')
    .replace(/@\d{4}$/, '')
    .split('/')
    .join('.');
}

export function listYamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listYamlFiles(full));
    else if (/\.ya?ml$/.test(entry.name)) out.push(full);
  }
  // Natural order, so that (b)(2) comes before (b)(10) in listings, traces and recommendations.
  return out.sort(naturalCompare);
}

function* leaves(condition: Condition, path: (string | number)[]): Generator<[LeafCondition, (string | number)[]]> {
  if ('all' in condition) {
    for (const [i, c] of condition.all.entries()) yield* leaves(c, [...path, 'all', i]);
  } else if ('any' in condition) {
    for (const [i, c] of condition.any.entries()) yield* leaves(c, [...path, 'any', i]);
  } else if ('not' in condition) {
    yield* leaves(condition.not, [...path, 'not']);
  } else {
    yield [condition, path];
  }
}

/** Checks a leaf against the fact registry: known fact, readable at this stage, operator and value fit its type. */
function checkLeaf(leaf: LeafCondition, stage: Stage): { path: string[]; expected: string; found: string; code: string } | undefined {
  const spec = FACTS[leaf.fact];
  if (!spec) {
    return { path: ['fact'], code: 'unknown-fact', expected: 'a known fact (see src/rules/stages.ts)', found: `"${leaf.fact}"` };
  }
  if (spec.availableFrom > stage) {
    return {
      path: ['fact'],
      code: 'fact-not-yet-available',
      expected: `a fact available in stage ${stage}`,
      found: `"${leaf.fact}", available from stage ${spec.availableFrom}`,
    };
  }
  const kind = OPERATORS[leaf.operator];
  const values = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
  if (kind === 'list' && !Array.isArray(leaf.value)) {
    return { path: ['value'], code: 'bad-value', expected: `a list for operator ${leaf.operator}`, found: JSON.stringify(leaf.value) };
  }
  if (kind !== 'list' && Array.isArray(leaf.value)) {
    return { path: ['value'], code: 'bad-value', expected: `a single value for operator ${leaf.operator}`, found: JSON.stringify(leaf.value) };
  }
  if (kind === 'number' && spec.type !== 'number') {
    // json-rules-engine's numeric operators parseFloat their input: never let them see a non-number.
    return { path: ['operator'], code: 'bad-operator', expected: `an operator for a ${spec.type} fact`, found: leaf.operator };
  }
  for (const v of values) {
    // A boolean fact may also take the strings its spec lists ("unknown").
    if (typeof v !== spec.type && !(typeof v === 'string' && spec.values?.includes(v))) {
      return { path: ['value'], code: 'bad-value', expected: `a ${spec.type} (fact ${leaf.fact})`, found: JSON.stringify(v) };
    }
    if (spec.values && typeof v === 'string' && !spec.values.includes(v)) {
      return { path: ['value'], code: 'bad-value', expected: `one of ${spec.values.join(', ')}`, found: JSON.stringify(v) };
    }
  }
  return undefined;
}

type Loaded = LoadedRule | LoadedParameter;

/** Loads and checks one rule file: its schema, its id against its path, its facts, its text's years. */
function loadOne(full: string, rulesDir: string, diagnostics: Diagnostic[]): Loaded | undefined {
  const file = relative(join(rulesDir, '..'), full).split(sep).join('/');
  let loaded;
  try {
    loaded = loadYamlFile(full, CorpusFileSchema);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    diagnostics.push(...err.diagnostics.map((d) => ({ ...d, file })));
    return undefined;
  }
  const { value, located } = loaded;
  const at = (path: (string | number)[]) => located.locate(path);
  const expectedId = idFromPath(relative(rulesDir, full));
  if (value.id !== expectedId) {
    diagnostics.push({ file, ...at(['id']), path: ['id'], code: 'id-path-mismatch', expected: `"${expectedId}" (from the file's path)`, found: `"${value.id}"` });
  }
  // The words must cover the file's first year, and none may start after its last.
  for (const [key, entries] of [['text', value.text], ['numbered_as', value.numbered_as]] as const) {
    if (!entries) continue;
    if (entries[0]!.from > value.effective.from) {
      diagnostics.push({ file, ...at([key, 0, 'from']), path: [key, 0, 'from'], code: 'text-out-of-years', expected: `an entry from ${value.effective.from} (the file's first year) or earlier`, found: String(entries[0]!.from) });
    }
    const late = entries.findIndex((e) => value.effective.to !== undefined && e.from > value.effective.to);
    if (late >= 0) {
      diagnostics.push({ file, ...at([key, late, 'from']), path: [key, late, 'from'], code: 'text-out-of-years', expected: `a year up to ${value.effective.to} (the file's last year)`, found: String(entries[late]!.from) });
    }
  }
  const line = at(['id']).line;
  if (value.kind === 'parameter') return { ...value, file, line };
  const stage = STAGE_OF_EVENT[value.event.type];
  for (const [leaf, path] of leaves(value.conditions, ['conditions'])) {
    const problem = checkLeaf(leaf, stage);
    if (!problem) continue;
    const fullPath = [...path, ...problem.path];
    diagnostics.push({ file, ...at(fullPath), path: fullPath, code: problem.code, expected: problem.expected, found: problem.found });
  }
  return { ...value, file, line, stage };
}

/** Checks across files: versions of one id that overlap, exceptions of a rule that does not exist. */
function crossChecks(rules: readonly LoadedRule[], parameters: readonly LoadedParameter[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const byId = new Map<string, Loaded[]>();
  for (const r of [...rules, ...parameters]) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  for (const [id, versions] of byId) {
    const sorted = [...versions].sort((a, b) => a.effective.from - b.effective.from);
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1]!;
      const cur = sorted[i]!;
      if (prev.effective.to !== undefined && prev.effective.to < cur.effective.from) continue;
      diagnostics.push({
        file: cur.file,
        line: cur.line,
        col: 1,
        path: ['effective'],
        code: 'overlapping-versions',
        expected: `years after ${prev.effective.to ?? 'the open-ended'} version of ${id} in ${prev.file}`,
        found: `from ${cur.effective.from}`,
      });
    }
  }
  for (const r of rules) {
    for (const base of r.exception_of ?? []) {
      const target = byId.get(base);
      if (target?.some((t) => 'event' in t && t.event.type === r.event.type)) continue;
      diagnostics.push({ file: r.file, line: r.line, col: 1, path: ['exception_of'], code: 'unknown-base-rule', expected: `the id of a ${r.event.type} rule`, found: `"${base}"` });
    }
  }
  return diagnostics;
}

/** Data about the rules, not rules: rules/facts/ classes the facts they read (src/whatif/classes.ts). */
export const ABOUT_THE_RULES_DIRS = ['facts'] as const;

function isAboutTheRules(full: string, rulesDir: string): boolean {
  return (ABOUT_THE_RULES_DIRS as readonly string[]).includes(relative(rulesDir, full).split(sep)[0]!);
}

/**
 * Loads and checks every file under rules/ (rules/facts/ aside). Throws InputError listing every problem:
 * schema errors, an id that does not match its path, unknown facts, facts read too early,
 * a text or numbering outside the file's years, an exception of an unknown rule, two versions
 * of one id whose years overlap.
 */
export function loadCorpus(rulesDir: string = RULES_DIR): Corpus {
  const diagnostics: Diagnostic[] = [];
  const rules: LoadedRule[] = [];
  const parameters: LoadedParameter[] = [];
  for (const full of listYamlFiles(rulesDir)) {
    if (isAboutTheRules(full, rulesDir)) continue;
    const loaded = loadOne(full, rulesDir, diagnostics);
    if (loaded === undefined) continue;
    if ('stage' in loaded) rules.push(loaded);
    else parameters.push(loaded);
  }
  diagnostics.push(...crossChecks(rules, parameters));
  if (diagnostics.length > 0) throw new InputError(diagnostics);
  rules.sort((a, b) => naturalCompare(a.file, b.file));
  parameters.sort((a, b) => naturalCompare(a.file, b.file));
  return { rules, parameters };
}

let cached: Corpus | undefined;
/**
 * The bundled corpus, loaded once per process: from the build's cache (dist/corpus.json) when
 * its fingerprint matches the rule files byte for byte, else from the YAML files themselves.
 */
export function bundledCorpus(): Corpus {
  cached ??= readCorpusCache() ?? loadCorpus();
  return cached;
}

/** Whether a rule or parameter is in force in a report year, given optional effective-date overrides. */
export function inForce(
  item: { id: string; effective: { from: number; to?: number | undefined } },
  year: number,
  overrides: Record<string, { from?: number; to?: number }> = {},
): boolean {
  const o = overrides[item.id];
  const from = o?.from ?? item.effective.from;
  const to = o?.to ?? item.effective.to;
  return year >= from && (to === undefined || year <= to);
}
