import { createHash } from 'node:crypto';
import { readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assessFile } from '../../src/assess/file.js';
import { renderDocuments } from '../../src/render/index.js';
import { readLedger } from '../../src/ledger/ledger.js';
import { whatIf } from '../../src/whatif/index.js';
import type { Workbench } from '../../src/serve/server.js';
import { lockPathOf, withFileLock } from '../../src/fsutil/lock.js';
import { existsSync } from 'node:fs';
import { EXAMPLES, makeWorkspace, mys2025, raw, sameOrigin, serve, SHARED_LEDGER } from './support.js';

/**
 * The JSON API over a real server on a free port: every endpoint, and every way in that must stay
 * shut (paths outside the workspace, symbolic links, a foreign Origin, a rebound Host, an
 * oversized body, a bad file).
 */

const CHN = readFileSync(join(EXAMPLES, 'CHN-2009.yaml'), 'utf8');
let dir: string;
let outside: string;
let wb: Workbench;

beforeAll(async () => {
  outside = makeWorkspace({ 'secret.yaml': 'report_year: 1999\n', 'secret.csv': 'iso3,year,tier\n' });
  dir = makeWorkspace({
    'CHN-2009.yaml': CHN,
    'MYS-2025.yaml': mys2025(),
    'broken.yaml': 'country:\n\tname: tab\n',
    'tiers.csv': readFileSync(join(EXAMPLES, 'tiers.csv'), 'utf8'),
  });
  writeFileSync(join(dir, 'huge.yaml'), `# ${'x'.repeat(1024 * 1024)}\n`);
  writeFileSync(join(dir, 'binary.yaml'), Buffer.from('country:\n  name: a\u0000b\n'));
  writeFileSync(join(dir, 'latin1.yaml'), Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xe9, 0x0a]));
  symlinkSync(join(outside, 'secret.yaml'), join(dir, 'link.yaml'));
  symlinkSync(outside, join(dir, 'linked-folder'));
  wb = await serve(dir, { history: SHARED_LEDGER });
});

afterAll(async () => {
  await wb.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at |node:internal|\.ts:\d+:\d+/);

describe('reading endpoints', () => {
  test('GET /api/schema is the evidence JSON Schema, with help on every field', async () => {
    const r = await raw(wb, 'GET', '/api/schema');
    expect(r.status).toBe(200);
    const s = r.json();
    expect(s.properties.prosecution.properties.investigations.description).toMatch(/investigations/i);
    expect(r.headers['content-security-policy']).toContain("default-src 'none'");
  });

  test('GET /api/law gives the criteria in force with their words; a bad year is a 400', async () => {
    const law = (await raw(wb, 'GET', '/api/law?year=2003')).json();
    expect(law.criteria.map((c: { key: string }) => c.key)).toEqual(['b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7']);
    expect(law.standards[0].text.length).toBeGreaterThan(0);
    expect(law.standards[0].cites[0].title).toBe('22 U.S.C. 7106(a)(1)');
    const bad = await raw(wb, 'GET', '/api/law?year=20x9');
    expect(bad.status).toBe(400);
    expect(bad.json().error.message).toContain('year expects a report year');
  });

  test('GET /api/formats and /api/countries', async () => {
    const f = (await raw(wb, 'GET', '/api/formats')).json();
    expect(f.docs).toEqual(['narrative', 'demarche', 'nonpaper', 'press', 'action-plan']);
    expect(f.formats.map((x: { extension: string }) => x.extension)).toEqual(expect.arrayContaining(['txt', 'md', 'docx']));
    const c = (await raw(wb, 'GET', '/api/countries')).json();
    expect(c.countries.find((x: { iso3: string }) => x.iso3 === 'MYS').bureau).toBe('EAP');
  });

  test('GET /api/new carries last year forward and follows the new year\'s law', async () => {
    const p = (await raw(wb, 'GET', '/api/new?iso3=MYS&year=2026')).json();
    expect(p.path).toBe('MYS-2026.yaml');
    expect(p.exists).toBe(false);
    expect(p.previous).toMatchObject({ path: 'MYS-2025.yaml', year: 2025 });
    expect(p.value.report_year).toBe(2026);
    expect(p.value.prosecution.investigations).toBe(150);
    expect(Object.keys(p.value.criteria)).toHaveLength(12);
    const fresh = (await raw(wb, 'GET', '/api/new?iso3=GMB&year=2026')).json();
    expect(fresh.previous).toBeNull();
    expect(fresh.value.country).toMatchObject({ name: 'The Gambia', bureau: 'AF', iso3: 'GMB' });
    expect(fresh.table.filled).toContain('country.bureau');
    expect((await raw(wb, 'GET', '/api/new?iso3=MY&year=2026')).status).toBe(400);
  });

  test('GET /api/files lists each country-year with its tier, validity and clock', async () => {
    const list = (await raw(wb, 'GET', '/api/files')).json();
    const byPath = Object.fromEntries(list.files.map((f: { path: string }) => [f.path, f]));
    expect(Object.keys(byPath)).toEqual(['CHN-2009.yaml', 'MYS-2025.yaml', 'binary.yaml', 'broken.yaml', 'huge.yaml', 'latin1.yaml']);
    expect(byPath['CHN-2009.yaml']).toMatchObject({ valid: true, tier: '2WL', tierName: 'Tier 2 Watch List' });
    expect(byPath['CHN-2009.yaml'].clock).toMatchObject({ consecutive: 4, counted: 0, placement: 'allowed', earliestDowngrade: 2011 });
    expect(byPath['broken.yaml']).toMatchObject({ valid: false });
    expect(byPath['broken.yaml'].problems).toBeGreaterThan(0);
  });

  test('GET /api/files/PATH gives the text, its revision, the value and last year\'s file; a bad file its diagnostics', async () => {
    const f = (await raw(wb, 'GET', '/api/files/MYS-2025.yaml')).json();
    expect(f.revision).toBe(createHash('sha256').update(mys2025()).digest('hex'));
    expect(f.valid).toBe(true);
    expect(f.value.report_year).toBe(2025);
    const bad = (await raw(wb, 'GET', '/api/files/broken.yaml')).json();
    expect(bad.valid).toBe(false);
    expect(bad.diagnostics[0]).toMatchObject({ line: 2, col: 1 });
    expect(bad.diagnostics[0].message).toMatch(/^broken\.yaml:2:1: /);
    expect((await raw(wb, 'GET', '/api/files/none.yaml')).status).toBe(404);
  });

  test('a file too large, binary or not UTF-8 is reported as tip validate reports it, never loaded whole', async () => {
    const codes: Record<string, string> = { 'huge.yaml': 'too-large', 'binary.yaml': 'binary', 'latin1.yaml': 'not-utf8' };
    for (const [path, code] of Object.entries(codes)) {
      const f = (await raw(wb, 'GET', `/api/files/${path}`)).json();
      expect(f.valid, path).toBe(false);
      expect(f.diagnostics[0].code, path).toBe(code);
    }
    const huge = (await raw(wb, 'GET', '/api/files/huge.yaml')).json();
    expect(huge.text).toBe('');
  });
});

describe('validate, assess, render', () => {
  test('POST /api/validate: YAML or JSON, diagnostics as tip validate gives them', async () => {
    const ok = (await raw(wb, 'POST', '/api/validate', { body: CHN, headers: { 'content-type': 'application/yaml' } })).json();
    expect(ok).toEqual({ valid: true, diagnostics: [] });
    const colon = CHN.replace('rationale: >-\n      China prohibits', 'rationale: China: prohibits\n      China prohibits');
    const yamlBad = (await raw(wb, 'POST', '/api/validate', { body: colon, headers: { 'content-type': 'application/yaml' } })).json();
    expect(yamlBad.valid).toBe(false);
    // A colon in prose is explained as such (src/load/syntax-hints.ts), with the field it is in.
    expect(yamlBad.diagnostics[0]).toMatchObject({ code: 'colon-in-text', field: 'standards.a1.rationale', line: expect.any(Number), col: expect.any(Number) });
    const json = JSON.stringify({ report_year: 'soon' }, null, 1);
    const jsonBad = (await raw(wb, 'POST', '/api/validate', { body: json, headers: { 'content-type': 'application/json' } })).json();
    const year = jsonBad.diagnostics.find((d: { field: string }) => d.field === 'report_year');
    expect(year).toMatchObject({ line: 2, col: 17, expected: expect.stringContaining('number'), found: '"soon"' });
  });

  test('POST /api/assess: the tier, the clock and the timeline; options as in the CLI', async () => {
    const r = (await raw(wb, 'POST', '/api/assess', { body: CHN, headers: { 'content-type': 'application/yaml' } })).json();
    const cli = await assessFile(join(EXAMPLES, 'CHN-2009.yaml'), { historyPath: SHARED_LEDGER });
    expect(r.assessment.tier).toBe(cli.assessment.tier);
    expect(r.assessment.clock).toEqual(JSON.parse(JSON.stringify(cli.assessment.clock)));
    expect(r.assessment.trace).toBeUndefined();
    expect(r.timelineSvg).toMatch(/^<svg class="timeline"/);
    expect(r.names.tier).toBe('Tier 2 Watch List');
    const traced = (await raw(wb, 'POST', '/api/assess?trace=1&rule-f=literal', { body: CHN, headers: { 'content-type': 'application/yaml' } })).json();
    expect(traced.assessment.trace.length).toBeGreaterThan(20);
    expect(traced.assessment.clock.ruleF.reading).toBe('literal');
    for (const bad of ['rule-f=sometimes', 'history=../x.csv', 'colour=red', 'effective=nonsense']) {
      const e = await raw(wb, 'POST', `/api/assess?${bad}`, { body: CHN, headers: { 'content-type': 'application/yaml' } });
      expect(e.status, bad).toBe(400);
      noStack(e.text);
    }
    const invalid = await raw(wb, 'POST', '/api/assess', { body: 'country: {}\n', headers: { 'content-type': 'application/yaml' } });
    expect(invalid.status).toBe(422);
    expect(invalid.json().error.diagnostics.length).toBeGreaterThan(3);
  });

  test('POST /api/render: one draft, as the library renders it; download=1 gives the file', async () => {
    const r = (await raw(wb, 'POST', '/api/render?doc=press&format=markdown', { body: CHN, headers: { 'content-type': 'application/yaml' } })).json();
    const { assessment, evidence } = await assessFile(join(EXAMPLES, 'CHN-2009.yaml'), { historyPath: SHARED_LEDGER });
    // The press guidance orders its recommendations by tip what-if, as tip render does.
    const plan = await whatIf({ evidence, ledger: readLedger(SHARED_LEDGER) });
    expect(r.content).toBe(renderDocuments(assessment, evidence, { docs: ['press'], format: 'markdown', whatIf: plan })[0]!.content);
    const file = await raw(wb, 'POST', '/api/render?doc=narrative&format=text&download=1', { body: CHN, headers: { 'content-type': 'application/yaml' } });
    expect(file.headers['content-disposition']).toBe('attachment; filename="CHN-2009-narrative.txt"');
    expect(file.headers['content-type']).toMatch(/^text\/plain/);
    expect(file.text).toContain('CHINA');
    // Word: a download only (a zip archive, "PK"), never a preview.
    const word = await raw(wb, 'POST', '/api/render?doc=narrative&format=docx&download=1', { body: CHN, headers: { 'content-type': 'application/yaml' } });
    expect(word.status).toBe(200);
    expect(word.headers['content-disposition']).toBe('attachment; filename="CHN-2009-narrative.docx"');
    expect(word.headers['content-type']).toMatch(/wordprocessingml/);
    expect(word.text.startsWith('PK')).toBe(true);
    expect((await raw(wb, 'POST', '/api/render?doc=narrative&format=docx', { body: CHN, headers: { 'content-type': 'application/yaml' } })).status).toBe(400);
    expect((await raw(wb, 'POST', '/api/render?doc=memo', { body: CHN })).status).toBe(400);
    const mys2026 = mys2025().replace('report_year: 2025', 'report_year: 2026');
    const noSettings = await raw(wb, 'POST', '/api/render?doc=demarche', { body: mys2026, headers: { 'content-type': 'application/yaml' } });
    expect([200, 422]).toContain(noSettings.status); // 422 until the 2026 settings exist, with the reason
    noStack(noSettings.text);
  });
});

describe('saving', () => {
  test('PUT creates a new file once, then updates it keeping comments and order; a stale revision is a 409', async () => {
    const draft = (await raw(wb, 'GET', '/api/new?iso3=MYS&year=2026')).json();
    const put = (body: unknown) => raw(wb, 'PUT', '/api/files/MYS-2026.yaml', { body: JSON.stringify(body), headers: sameOrigin(wb) });
    const created = await put({ revision: null, value: draft.value, header: ' Created by the test.' });
    expect(created.status).toBe(201);
    const first = readFileSync(join(dir, 'MYS-2026.yaml'), 'utf8');
    expect(first.startsWith('# Created by the test.\n')).toBe(true);
    expect((await put({ revision: null, value: draft.value })).status).toBe(409);

    // A comment written by hand survives the next save; only the changed value changes.
    writeFileSync(join(dir, 'MYS-2026.yaml'), first.replace('prosecution:\n', 'prosecution:\n  # checked with post, May 2026\n'));
    const opened = (await raw(wb, 'GET', '/api/files/MYS-2026.yaml')).json();
    const value = { ...opened.value, prosecution: { ...opened.value.prosecution, investigations: 180 } };
    const saved = await put({ revision: opened.revision, value });
    expect(saved.status).toBe(200);
    const after = readFileSync(join(dir, 'MYS-2026.yaml'), 'utf8');
    expect(after).toContain('  # checked with post, May 2026\n  data_requested: true');
    expect(after).toContain('investigations: 180');
    expect(after.split('\n').filter((l, i) => l !== opened.text.split('\n')[i]).length).toBe(1);

    const stale = await put({ revision: opened.revision, value: { ...value, report_year: 2027 } });
    expect(stale.status).toBe(409);
    expect(stale.json().error).toMatchObject({ conflict: true, currentRevision: saved.json().revision, currentText: after });
    expect(readFileSync(join(dir, 'MYS-2026.yaml'), 'utf8')).toBe(after);
  });

  test('a save waits for the file lock another writer holds, then writes; no lock is left behind', async () => {
    const target = join(dir, 'MYS-2026.yaml');
    const opened = (await raw(wb, 'GET', '/api/files/MYS-2026.yaml')).json();
    const value = { ...opened.value, prosecution: { ...opened.value.prosecution, investigations: 181 } };
    let saving: Promise<{ status: number }> | undefined;
    let duringLock = '';
    await withFileLock(target, async () => {
      saving = raw(wb, 'PUT', '/api/files/MYS-2026.yaml', { body: JSON.stringify({ revision: opened.revision, value }), headers: sameOrigin(wb) });
      await new Promise((r) => setTimeout(r, 300));
      duringLock = readFileSync(target, 'utf8');
    });
    expect(duringLock).toBe(opened.text);
    expect((await saving!).status).toBe(200);
    expect(readFileSync(target, 'utf8')).toContain('investigations: 181');
    expect(existsSync(lockPathOf(target))).toBe(false);
  });

  test('bad save requests are 4xx with a clear message', async () => {
    const bodies: [string, string, number][] = [
      ['{not json', 'application/json', 400],
      ['{"revision": "abc", "value": {}}', 'application/json', 400],
      ['{"revision": null, "value": []}', 'application/json', 400],
      ['revision: null', 'application/yaml', 415],
    ];
    for (const [body, type, status] of bodies) {
      const r = await raw(wb, 'PUT', '/api/files/new.yaml', { body, headers: { ...sameOrigin(wb), 'content-type': type } });
      expect(r.status, body).toBe(status);
      expect(r.json().error.message.length).toBeGreaterThan(10);
      noStack(r.text);
    }
  });
});

describe('what must stay shut', () => {
  test('no path outside the workspace: .., absolute, encoded, backslash, hidden, other extensions, symbolic links', async () => {
    const attempts: [string, number][] = [
      ['/api/files/..%2F..%2Fetc%2Fpasswd', 400],
      ['/api/files/%2Fetc%2Fpasswd', 400],
      ['/api/files/..%2Fsecret.yaml', 400],
      ['/api/files/more%2F..%2F..%2Fx.yaml', 400],
      ['/api/files/..%5C..%5Cx.yaml', 400],
      ['/api/files/%2e%2e%2fx.yaml', 400],
      ['/api/files/.git%2Fconfig', 400],
      ['/api/files/tiers.csv', 400],
      ['/api/files/link.yaml', 403],
      ['/api/files/linked-folder%2Fsecret.yaml', 403],
      ['/api/files/linked-folder/secret.yaml', 403],
      ['/api/files/C:%5Cx.yaml', 400],
      ['/api/files/%00.yaml', 400],
    ];
    for (const [path, status] of attempts) {
      const get = await raw(wb, 'GET', path);
      expect(get.status, `GET ${path}`).toBe(status);
      expect(get.text).not.toContain('1999');
      const put = await raw(wb, 'PUT', path, { body: JSON.stringify({ revision: null, value: { x: 1 } }), headers: sameOrigin(wb) });
      expect(put.status, `PUT ${path}`).toBe(status);
      noStack(put.text);
    }
    expect(readFileSync(join(outside, 'secret.yaml'), 'utf8')).toBe('report_year: 1999\n');
    const list = (await raw(wb, 'GET', '/api/files')).json();
    expect(list.files.map((f: { path: string }) => f.path)).not.toContain('link.yaml');
    expect((await raw(wb, 'POST', `/api/assess?history=${encodeURIComponent('linked-folder/secret.csv')}`, { body: CHN })).status).toBe(403);
  });

  test('a foreign Origin, a missing Origin on a save, and a rebound Host are refused before any work', async () => {
    const body = JSON.stringify({ revision: null, value: { report_year: 2030 } });
    const foreign = await raw(wb, 'PUT', '/api/files/evil.yaml', { body, headers: { ...sameOrigin(wb), origin: 'http://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(foreign.json().error.message).toContain('http://evil.example');
    const none = await raw(wb, 'PUT', '/api/files/evil.yaml', { body, headers: { 'content-type': 'application/json' } });
    expect(none.status).toBe(403);
    const foreignPost = await raw(wb, 'POST', '/api/assess', { body: CHN, headers: { origin: 'null', 'content-type': 'application/yaml' } });
    expect(foreignPost.status).toBe(403);
    // DNS rebinding: the page of evil.example resolved to 127.0.0.1 sends Host: evil.example:PORT.
    const rebound = await raw(wb, 'GET', '/api/files/CHN-2009.yaml', { headers: { host: `evil.example:${wb.port}` } });
    expect(rebound.status).toBe(403);
    expect(rebound.text).not.toContain('China');
    const reboundPut = await raw(wb, 'PUT', '/api/files/evil.yaml', { body, headers: { host: `evil.example:${wb.port}`, origin: `http://evil.example:${wb.port}`, 'content-type': 'application/json' } });
    expect(reboundPut.status).toBe(403);
    const localhost = await raw(wb, 'GET', '/api/formats', { headers: { host: `localhost:${wb.port}` } });
    expect(localhost.status).toBe(200);
    expect(() => readFileSync(join(dir, 'evil.yaml'))).toThrow();
  });

  test('bodies over 1 MiB are refused (413), declared or streamed', async () => {
    const big = 'a'.repeat(1024 * 1024 + 1);
    const declared = await raw(wb, 'POST', '/api/validate', { body: big, headers: { 'content-type': 'application/yaml' } });
    expect(declared.status).toBe(413);
    const streamed = await raw(wb, 'POST', '/api/validate', { body: big, chunked: true, headers: { 'content-type': 'application/yaml', 'transfer-encoding': 'chunked' } });
    expect(streamed.status).toBe(413);
    const justUnder = await raw(wb, 'POST', '/api/validate', { body: `# ${'a'.repeat(1000)}\n${CHN}`, headers: { 'content-type': 'application/yaml' } });
    expect(justUnder.status).toBe(200);
  });

  test('unknown routes, wrong methods, wrong media types and bad encodings are 4xx without a stack', async () => {
    const cases: [string, string, number, Record<string, string>?, string?][] = [
      ['GET', '/api/nothing', 404],
      ['DELETE', '/api/files/CHN-2009.yaml', 405, sameOrigin(wb)],
      ['POST', '/api/schema', 405],
      ['GET', '/assets/missing.js', 404],
      ['GET', '/api/files/%E0%A4%A', 400],
      ['POST', '/api/validate', 415, { 'content-type': 'multipart/form-data; boundary=x' }, 'x'],
      ['POST', '/api/validate', 400, { 'content-type': 'application/yaml' }, '\xff\xfe'],
    ];
    for (const [method, path, status, headers, body] of cases) {
      const r = await raw(wb, method, path, { ...(headers ? { headers } : {}), ...(body !== undefined ? { body: body === '\xff\xfe' ? Buffer.from([0xff, 0xfe]) : body } : {}) });
      expect(r.status, `${method} ${path}`).toBe(status);
      expect(r.json().error.message.length).toBeGreaterThan(5);
      noStack(r.text);
    }
  });

  test('the page and its assets are served with a strict content security policy', async () => {
    const page = await raw(wb, 'GET', '/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<script type="module" src="/assets/app.js">');
    expect(page.text).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const css = await raw(wb, 'GET', '/assets/timeline.css');
    expect(css.text).toContain('.t1 rect');
  });
});

test('the workspace folder must exist', async () => {
  await expect(serve(join(tmpdir(), 'no-such-tip-folder'))).rejects.toThrow(/no such folder/);
  const file = join(tmpdir(), `tip-serve-file-${process.pid}`);
  mkdirSync(file, { recursive: true });
  rmSync(file, { recursive: true });
});
