// @ts-check
/**
 * The form's reading of the evidence JSON Schema (GET /api/schema), with no DOM: each schema node
 * becomes one kind of field by its JSON Schema constructs alone (object, map, list, choice,
 * number, text, union), never by its name, so a field the evidence model gains appears in the
 * form without new code. "Unknown" is offered wherever the schema allows the value "unknown".
 * Pure functions, tested in Node (test/serve/schema-model.test.ts).
 */

/**
 * @typedef {Record<string, any>} Schema
 * @typedef {{ value: unknown, label: string }} Option
 * @typedef {(string | number)[]} Path
 * @typedef {{ kind: 'object', properties: Record<string, Schema>, required: string[] }
 *   | { kind: 'map', values: Schema, keyPattern: string | null }
 *   | { kind: 'list', items: Schema }
 *   | { kind: 'multi', options: Option[] }
 *   | { kind: 'choice', options: Option[] }
 *   | { kind: 'number', integer: boolean, min: number | null, max: number | null }
 *   | { kind: 'text', format: string | null, multiline: boolean }
 *   | { kind: 'union', branches: { schema: Schema, label: string }[] }
 *   | { kind: 'const', value: unknown }
 *   | { kind: 'any' }} Shape
 * @typedef {Shape & { nullable: boolean, description: string | null, title: string | null }} Field
 */

const WORDS = /** @type {Record<string, string>} */ ({ un: 'UN', ngo: 'NGO', ngos: 'NGOs', iso3: 'ISO3 code', url: 'URL' });

/** "data_provided_to_un" -> "Data provided to UN"; "partly_met" -> "Partly met". @param {string} key */
export function humanize(key) {
  if (/^[A-Z0-9]{2,}$/.test(String(key))) return String(key); // codes stay codes: EAP, CHN
  const words = String(key).split(/[_\s]+/).filter(Boolean).map((w) => WORDS[w.toLowerCase()] ?? w.toLowerCase());
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** @param {unknown} v */
function optionLabel(v) {
  if (v === true) return 'Yes';
  if (v === false) return 'No';
  if (v === null) return 'Not recorded';
  return humanize(String(v));
}

/** @param {Schema} s */
function isNull(s) {
  return s.type === 'null' || (Array.isArray(s.enum) && s.enum.length === 1 && s.enum[0] === null);
}

/** A schema whose values are a few fixed ones (booleans, an enum, a const), or null when it is not. @param {Schema} s */
function fixedValues(s) {
  if (s.type === 'boolean') return [true, false];
  if (Array.isArray(s.enum)) return s.enum;
  if ('const' in s) return [s.const];
  return null;
}

/** @param {Schema} s @returns {string} */
function branchLabel(s) {
  if (typeof s.title === 'string') return s.title;
  if (s.type === 'object') return `Details (${Object.keys(s.properties ?? {}).map(humanize).join(', ')})`;
  if (s.type === 'integer' || s.type === 'number') return 'A number';
  if (s.type === 'string') return 'Text';
  if (s.type === 'array') return 'A list';
  return humanize(String(s.type ?? 'value'));
}

/**
 * The kind of field for a union (anyOf / oneOf): null branches make it nullable; branches that are
 * all fixed values (boolean | "unknown", an enum | "not_stated") become one choice; otherwise the
 * officer picks a branch.
 * @param {Schema[]} branches
 * @returns {{ shape: Shape, nullable: boolean, merged: Schema | null }}
 */
function unionShape(branches) {
  const real = branches.filter((b) => !isNull(b));
  const nullable = real.length < branches.length;
  if (real.length === 1) return { shape: { kind: 'any' }, nullable, merged: real[0] ?? null };
  const fixed = real.map(fixedValues);
  if (fixed.every((f) => f !== null)) {
    const values = /** @type {unknown[][]} */ (fixed).flat().filter((v, i, all) => all.indexOf(v) === i);
    return { shape: { kind: 'choice', options: values.map((value) => ({ value, label: optionLabel(value) })) }, nullable, merged: null };
  }
  return { shape: { kind: 'union', branches: real.map((schema) => ({ schema, label: branchLabel(schema) })) }, nullable, merged: null };
}

/** @param {Schema} s @returns {Shape} */
function plainShape(s) {
  const fixed = fixedValues(s);
  if (fixed && s.type !== 'array') return fixed.length === 1 && 'const' in s ? { kind: 'const', value: s.const } : { kind: 'choice', options: fixed.map((value) => ({ value, label: optionLabel(value) })) };
  switch (s.type) {
    case 'integer':
    case 'number':
      return { kind: 'number', integer: s.type === 'integer', min: typeof s.minimum === 'number' ? s.minimum : null, max: typeof s.maximum === 'number' && s.maximum < 1e15 ? s.maximum : null };
    case 'string':
      return { kind: 'text', format: typeof s.format === 'string' ? s.format : null, multiline: !s.format && !s.pattern && !(typeof s.maxLength === 'number' && s.maxLength <= 80) };
    case 'array': {
      const items = /** @type {Schema} */ (s.items ?? {});
      const values = fixedValues(items);
      return values ? { kind: 'multi', options: values.map((value) => ({ value, label: optionLabel(value) })) } : { kind: 'list', items };
    }
    case 'object':
      if (!s.properties && s.additionalProperties && typeof s.additionalProperties === 'object') {
        return { kind: 'map', values: s.additionalProperties, keyPattern: s.propertyNames?.pattern ?? null };
      }
      return { kind: 'object', properties: s.properties ?? {}, required: Array.isArray(s.required) ? s.required : [] };
    default:
      return { kind: 'any' };
  }
}

/**
 * Reads one schema node.
 * @param {Schema} schema
 * @returns {Field}
 */
export function classify(schema) {
  const description = typeof schema.description === 'string' ? schema.description : null;
  const title = typeof schema.title === 'string' ? schema.title : null;
  let s = schema;
  let nullable = false;
  if (Array.isArray(s.type)) {
    nullable = s.type.includes('null');
    const types = s.type.filter((/** @type {string} */ t) => t !== 'null');
    s = types.length === 1 ? { ...s, type: types[0] } : { ...s, type: undefined, anyOf: types.map((/** @type {string} */ t) => ({ type: t })) };
  }
  const branches = s.anyOf ?? s.oneOf;
  if (Array.isArray(branches)) {
    const u = unionShape(branches);
    if (u.merged) {
      const { anyOf: _a, oneOf: _o, ...rest } = s;
      const inner = classify({ ...rest, ...u.merged });
      return { ...inner, nullable: nullable || u.nullable || inner.nullable, description: description ?? inner.description, title: title ?? inner.title };
    }
    return { ...u.shape, nullable: nullable || u.nullable, description, title };
  }
  return { ...plainShape(s), nullable, description, title };
}

/** True when the schema allows the value "unknown" (issue 7's tri-state fields, enums with it). @param {Schema} schema */
export function allowsUnknown(schema) {
  const f = classify(schema);
  return f.kind === 'choice' && f.options.some((o) => o.value === 'unknown');
}

/** Which branch of a union a value belongs to (by JSON type), or -1. @param {{ schema: Schema }[]} branches @param {unknown} value */
export function branchOf(branches, value) {
  const typeOf = (/** @type {unknown} */ v) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v === 'number' ? 'number' : typeof v);
  return branches.findIndex(({ schema }) => {
    const t = schema.type === 'integer' ? 'number' : schema.type;
    if (Array.isArray(schema.enum)) return schema.enum.includes(value);
    if ('const' in schema) return schema.const === value;
    return t === typeOf(value);
  });
}

/** The path as tip validate prints it: prosecution.cases[0]. @param {Path} path */
export function pathKey(path) {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out === '' ? '(document)' : out;
}

/** @param {unknown} root @param {Path} path @returns {unknown} */
export function getIn(root, path) {
  let v = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = /** @type {Record<string | number, unknown>} */ (v)[p];
  }
  return v;
}

/** Sets a value, creating the objects and lists on the way. @param {Record<string, unknown>} root @param {Path} path @param {unknown} value */
export function setIn(root, path, value) {
  /** @type {any} */
  let v = root;
  path.forEach((p, i) => {
    if (i === path.length - 1) {
      v[p] = value;
      return;
    }
    if (v[p] === null || typeof v[p] !== 'object') v[p] = typeof path[i + 1] === 'number' ? [] : {};
    v = v[p];
  });
}

/** Removes a key (or a list item). @param {Record<string, unknown>} root @param {Path} path */
export function deleteIn(root, path) {
  const parent = /** @type {any} */ (getIn(root, path.slice(0, -1)));
  const last = path[path.length - 1];
  if (parent === null || typeof parent !== 'object' || last === undefined) return;
  if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
  else delete parent[last];
}

/** Deep equality of JSON values. @param {unknown} a @param {unknown} b @returns {boolean} */
export function same(a, b) {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => same(/** @type {any} */ (a)[k], /** @type {any} */ (b)[k]));
}
