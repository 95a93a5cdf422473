// @ts-check
/**
 * The page's only way to the server: the documented JSON API (README, "The workbench").
 * Same-origin requests only; the browser adds the Origin header the server checks.
 */

/** @typedef {{ line: number, col: number, path: (string | number)[], field: string, code: string, expected: string, found: string, hint?: string, message: string }} Diagnostic */

export class ApiError extends Error {
  /** @param {number} status @param {string} message @param {Record<string, any>} body */
  constructor(status, message, body) {
    super(message);
    this.status = status;
    /** @type {Diagnostic[]} */
    this.diagnostics = Array.isArray(body.diagnostics) ? body.diagnostics : [];
    this.body = body;
  }
}

/**
 * @param {string} path
 * @param {{ method?: string, json?: unknown, signal?: AbortSignal }} [init]
 * @returns {Promise<any>}
 */
export async function api(path, init = {}) {
  /** @type {RequestInit} */
  const request = { method: init.method ?? 'GET', headers: {} };
  if (init.signal) request.signal = init.signal;
  if (init.json !== undefined) {
    request.body = JSON.stringify(init.json);
    request.headers = { 'content-type': 'application/json' };
  }
  const res = await fetch(path, request);
  const text = await res.text();
  let body;
  try {
    body = text === '' ? {} : JSON.parse(text);
  } catch {
    throw new ApiError(res.status, `the server answered ${res.status} with something that is not JSON`, {});
  }
  if (!res.ok) {
    const error = body.error ?? {};
    throw new ApiError(res.status, String(error.message ?? `request failed (${res.status})`), error);
  }
  return body;
}

/**
 * A draft file from POST /api/render?download=1, as a Blob and its file name.
 * @param {string} query @param {unknown} evidence
 */
export async function download(query, evidence) {
  const res = await fetch(`/api/render?${query}&download=1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(evidence) });
  if (!res.ok) {
    const body = await res.json().catch(() => ({}));
    throw new ApiError(res.status, String(body.error?.message ?? `download failed (${res.status})`), body.error ?? {});
  }
  const disposition = res.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'draft.txt';
  return { blob: await res.blob(), name };
}
