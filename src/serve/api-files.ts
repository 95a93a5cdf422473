import type { IncomingMessage, ServerResponse } from 'node:http';
import { tierName } from '../model/tier.js';
import type { Context } from './context.js';
import { countryTable } from './countries.js';
import { checkEvidenceText, type CheckedEvidence } from './evidence-io.js';
import { diagnosticJson, HttpError, parseJsonBody, readBody, sendJson } from './http.js';
import type { FileIdentity } from './index-files.js';
import { prefill } from './prefill.js';
import { revisionOf, saveEvidence } from './save.js';

/**
 * The workspace half of the API: the list of country-years, one file's content and its previous
 * year, saving, and the starting value of a new country-year. Paths are checked by Workspace.
 */

type Handler = (ctx: Context, req: IncomingMessage, res: ServerResponse, url: URL, path: string) => Promise<void>;

interface Summary {
  path: string;
  iso3: string | null;
  year: number | null;
  name: string | null;
  valid: boolean;
  problems: number;
  tier: string | null;
  tierName: string | null;
  clock: { consecutive: number | 'unknown'; counted: number | 'unknown'; placement: string; earliestDowngrade: number | 'unknown' | null } | null;
}

/** A workspace file checked as `tip validate` checks it (a file over the 1 MiB cap is not even read). */
function checkFile(ctx: Context, f: FileIdentity, effective: Record<string, { from?: number; to?: number }>): CheckedEvidence {
  if (f.oversize) return { ok: false, value: undefined, diagnostics: [f.oversize] };
  return checkEvidenceText(f.bytes, f.path, ctx.corpus, effective);
}

const summaries = new WeakMap<Context, Map<string, { key: string; summary: Summary }>>();

async function summarize(ctx: Context, f: FileIdentity): Promise<Summary> {
  const options = ctx.assessor.optionsFor(new URLSearchParams());
  const cache = summaries.get(ctx) ?? new Map<string, { key: string; summary: Summary }>();
  summaries.set(ctx, cache);
  const key = `${f.stamp}|${options.historyPath ?? ''}`;
  const hit = cache.get(f.path);
  if (hit?.key === key) return hit.summary;
  const checked = checkFile(ctx, f, options.effective ?? {});
  const summary: Summary = { path: f.path, iso3: f.iso3, year: f.year, name: f.name, valid: checked.ok, problems: checked.ok ? 0 : checked.diagnostics.length, tier: null, tierName: null, clock: null };
  if (checked.ok) {
    try {
      const { assessment } = await ctx.assessor.assess(checked.evidence, options);
      summary.tier = assessment.tier;
      summary.tierName = tierName(assessment.tier);
      const c = assessment.clock;
      if (c) summary.clock = { consecutive: c.consecutiveWatchListYears, counted: c.countedWatchListYears, placement: c.watchListPlacement, earliestDowngrade: c.earliestDowngradeYear };
    } catch (err) {
      summary.valid = false;
      summary.problems = 1;
      summary.tierName = `not assessed: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
  cache.set(f.path, { key, summary });
  return summary;
}

export const list: Handler = async (ctx, _req, res) => {
  const files = [];
  for (const f of ctx.index.all()) files.push(await summarize(ctx, f));
  const options = ctx.assessor.optionsFor(new URLSearchParams());
  const ledger = options.historyPath ? ctx.workspace.relOf(options.historyPath) : null;
  sendJson(res, 200, { workspace: ctx.workspace.shownAs, ledger: ledger && !ledger.startsWith('..') ? ledger : (options.historyPath ?? null), files });
};

export const countries: Handler = async (_ctx, _req, res) => sendJson(res, 200, countryTable());

export const newCountryYear: Handler = async (ctx, _req, res, url) => {
  const iso3 = (url.searchParams.get('iso3') ?? '').trim().toUpperCase();
  const year = Number(url.searchParams.get('year') ?? '');
  sendJson(res, 200, prefill(ctx.index, iso3, year, ctx.corpus, ctx.keyOrder()));
};

export const getFile: Handler = async (ctx, _req, res, _url, path) => {
  const target = ctx.workspace.resolve(path);
  if (!target.exists) throw new HttpError(404, `no file ${path} in the workspace`);
  const f = ctx.index.identity(target.rel)!;
  const options = ctx.assessor.optionsFor(new URLSearchParams());
  const checked = checkFile(ctx, f, options.effective ?? {});
  const previous = f.iso3 && f.year ? ctx.index.previous(f.iso3, f.year) : undefined;
  sendJson(res, 200, {
    path: f.path,
    text: f.text,
    revision: revisionOf(f.bytes),
    value: checked.value ?? null,
    valid: checked.ok,
    diagnostics: checked.ok ? [] : checked.diagnostics.map(diagnosticJson),
    previous: previous ? { path: previous.path, year: previous.year, value: previous.value } : null,
  });
};

function saveRequest(body: unknown): { revision: string | null; value: Record<string, unknown>; header: string | undefined } {
  const b = body as { revision?: unknown; value?: unknown; header?: unknown } | null;
  if (b === null || typeof b !== 'object' || Array.isArray(b)) throw new HttpError(400, 'the body must be a JSON object {"revision": ..., "value": {...}}');
  if (b.revision !== null && (typeof b.revision !== 'string' || !/^[0-9a-f]{64}$/.test(b.revision))) {
    throw new HttpError(400, 'revision must be the revision the file was opened at (64 hexadecimal digits), or null to create a new file');
  }
  if (b.value === null || typeof b.value !== 'object' || Array.isArray(b.value)) throw new HttpError(400, 'value must be the evidence as a JSON object');
  if (b.header !== undefined && typeof b.header !== 'string') throw new HttpError(400, 'header must be text');
  return { revision: b.revision as string | null, value: b.value as Record<string, unknown>, header: b.header as string | undefined };
}

export const putFile: Handler = async (ctx, req, res, _url, path) => {
  const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new HttpError(415, 'send {"revision": ..., "value": {...}} as application/json');
  const request = saveRequest(parseJsonBody(await readBody(req)));
  const target = ctx.workspace.resolve(path);
  const header = request.header ?? 'Evidence file created in the workbench (tip serve).';
  const saved = saveEvidence(target, { revision: request.revision, value: request.value, header: header.split('\n').map((l) => ` ${l.trim()}`).join('\n') });
  const options = ctx.assessor.optionsFor(new URLSearchParams());
  const checked = checkEvidenceText(saved.text, target.rel, ctx.corpus, options.effective ?? {});
  sendJson(res, saved.created ? 201 : 200, {
    path: target.rel,
    revision: saved.revision,
    created: saved.created,
    valid: checked.ok,
    diagnostics: checked.ok ? [] : checked.diagnostics.map(diagnosticJson),
  });
};
