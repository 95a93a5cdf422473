import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AssessFileOptions } from '../assess/file.js';
import type { Evidence } from '../evidence/schema.js';
import { isTier, type Tier } from '../model/tier.js';
import { whatIf, type WhatIf } from '../whatif/index.js';
import type { Context } from './context.js';
import { HttpError, sendJson } from './http.js';

/**
 * POST /api/what-if: `tip what-if --json` for the evidence in the request (the workbench's panel
 * section "What would change the tier"), with the server's ledger and the query's options; `target`
 * (repeatable) and `max-changes` as on the command line. The drafts endpoint uses the same
 * computation for the action plan and the order of the demarche's and press guidance's
 * recommendations (whatIfFor).
 */
export async function whatIfFor(ctx: Context, evidence: Evidence, options: AssessFileOptions & { bound?: number; targets?: Tier[] }): Promise<WhatIf> {
  return whatIf({ evidence, ledger: ctx.assessor.ledgerFor(options), options, corpus: ctx.corpus });
}

function targetsOf(url: URL): Tier[] | undefined {
  const given = url.searchParams.getAll('target');
  if (given.length === 0) return undefined;
  for (const t of given) if (!isTier(t)) throw new HttpError(400, `target expects 1, 2, 2WL, 3 or special, found "${t}"`);
  return given as Tier[];
}

function boundOf(url: URL): number | undefined {
  const raw = url.searchParams.get('max-changes');
  if (raw === null) return undefined;
  if (!/^[1-5]$/.test(raw)) throw new HttpError(400, `max-changes expects a whole number from 1 to 5, found "${raw}"`);
  return Number(raw);
}

export async function whatIfHandler(ctx: Context, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const targets = targetsOf(url);
  const bound = boundOf(url);
  const options = ctx.assessor.optionsFor(url.searchParams, ['target', 'max-changes']);
  const checked = await ctx.evidenceFrom(req, options);
  if (!checked.ok) throw new HttpError(422, `the evidence has ${checked.diagnostics.length} problem${checked.diagnostics.length === 1 ? '' : 's'}`, { diagnostics: checked.diagnostics });
  sendJson(res, 200, await whatIfFor(ctx, checked.evidence, { ...options, ...(targets ? { targets } : {}), ...(bound !== undefined ? { bound } : {}) }));
}
