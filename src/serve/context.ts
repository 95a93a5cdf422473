import type { IncomingMessage } from 'node:http';
import type { AssessFileOptions } from '../assess/file.js';
import type { ParsedArgs } from '../cli/args.js';
import { evidenceJsonSchema } from '../evidence/json-schema.js';
import { bundledCorpus, type Corpus } from '../rules/corpus.js';
import { Assessor } from './assessor.js';
import { checkEvidenceText, type CheckedEvidence } from './evidence-io.js';
import { HttpError, readBody } from './http.js';
import { FileIndex } from './index-files.js';
import { Workspace } from './workspace.js';

/** What every handler of one workbench shares: the workspace, the rules, the assessor, the file index. */
export class Context {
  readonly workspace: Workspace;
  readonly corpus: Corpus;
  readonly assessor: Assessor;
  readonly index: FileIndex;
  private schemaCache: Record<string, unknown> | undefined;

  constructor(dir: string, defaults: ParsedArgs['values'], corpus: Corpus = bundledCorpus()) {
    this.workspace = new Workspace(dir);
    this.corpus = corpus;
    this.assessor = new Assessor(this.workspace, corpus, defaults);
    this.index = new FileIndex(this.workspace);
  }

  schema(): Record<string, unknown> {
    this.schemaCache ??= evidenceJsonSchema();
    return this.schemaCache;
  }

  /** The evidence model's top-level keys in order (a new file is written in that order). */
  keyOrder(): string[] {
    return Object.keys((this.schema().properties ?? {}) as Record<string, unknown>);
  }

  /** The evidence in a request body (YAML or JSON), checked as `tip validate` checks a file. */
  async evidenceFrom(req: IncomingMessage, options: AssessFileOptions): Promise<CheckedEvidence> {
    const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const accepted = ['application/json', 'application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml', 'text/plain', ''];
    if (!accepted.includes(type)) throw new HttpError(415, `send the evidence as YAML (application/yaml) or JSON (application/json), not ${type}`);
    const text = await readBody(req);
    return checkEvidenceText(text, 'request', this.corpus, options.effective ?? {});
  }
}
