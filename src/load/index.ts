/** The YAML loader: precise, located diagnostics for evidence, rule and test-case files. */
export type { Located, PathSegment, Position } from './located.js';
export { parseYaml, DEFAULT_MAX_ALIASES, RESERVED_KEYS, type ParseOptions, type ParseResult } from './parse.js';
export { DEFAULT_MAX_BYTES } from './source.js';
export { validateDoc, type ValidateResult } from './validate.js';
export { loadYamlFile } from './load-file.js';
export { suggestKey, editDistance } from './suggest.js';
export { sortDiagnostics } from './order.js';
