import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { LAST_REPORT_YEAR } from '../../src/model/tier.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { lawOfYear } from '../../src/render/law.js';
import { bundledCorpus } from '../../src/rules/corpus.js';
import { firstYearOf } from '../../src/rules/law.js';
import { LAW } from '../support/law.js';
import { DATA } from './published.js';

async function tip(args: string[], cwd = PACKAGE_ROOT) {
  const io = bufferIo(cwd);
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

const TRADE = '19usc4205.b.6';
const RULE_F = '22usc7107.b.2.F';
const CUB = join(PACKAGE_ROOT, 'examples', 'more', 'CUB-2020.yaml');
const TIERS = join(DATA, 'tip-tiers.csv');

describe('--effective reaches every lookup (issue 13, item 2)', () => {
  test('a parameter: the trade-agreement limit moved past 2020 is gone from the 2020 Tier 3 consequences and the drafts', async () => {
    const moved = `${TRADE}=${2021}`;
    const base = JSON.parse((await tip(['assess', CUB, '--json', '--history', TIERS])).out);
    expect(base.tier3.tradeAgreementLimit).toEqual(expect.any(String));
    const r = await tip(['assess', CUB, '--json', '--history', TIERS, '--effective', moved]);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.out);
    expect(a.tier).toBe('3');
    expect(a.tier3.tradeAgreementLimit).toBeNull();
    expect(a.options.effective).toEqual({ [TRADE]: { from: 2021 } });
    expect(lawOfYear(2020, bundledCorpus(), { [TRADE]: { from: 2021 } }).tradeAgreementLimit).toBe(false);
    expect(lawOfYear(2020, bundledCorpus()).tradeAgreementLimit).toBe(true);
  });

  test("the clock: moving rule (F) a year later takes it out of the first year's clock, in tip history and tip check-history", async () => {
    const first = firstYearOf(LAW, RULE_F);
    const h = await tip(['history', 'MYS', '--history', TIERS, '--year', String(first), '--json', '--effective', `${RULE_F}=${first + 1}`], DATA);
    expect(h.code).toBe(0);
    const clock = JSON.parse(h.out).clock;
    expect(clock.firstReports.ruleF).toBe(first + 1);
    expect(clock.ruleF.explanation).toMatch(/not in force/);
    // Under the literal reading (F) bars Sudan's and Algeria's 2019 Watch List years; not once moved.
    const literal = JSON.parse((await tip(['check-history', TIERS, '--rule-f', 'literal', '--json'], DATA)).out);
    const moved = JSON.parse((await tip(['check-history', TIERS, '--rule-f', 'literal', '--json', '--effective', `${RULE_F}=${first + 1}`], DATA)).out);
    const inFirst = (r: { violations: { year: number; rule: string }[] }) => r.violations.filter((v) => v.year === first && v.rule === RULE_F).length;
    expect(inFirst(literal)).toBeGreaterThan(0);
    expect(inFirst(moved)).toBe(0);
  });

  test('an id the corpus does not have is refused, naming it', async () => {
    const r = await tip(['history', 'MYS', '--history', TIERS, '--effective', '22usc7107.b.2.Z=2020'], DATA);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--effective names no rule or parameter: "22usc7107\.b\.2\.Z"/);
  });
});

describe('report years that cannot exist are refused (issue 11, item 5)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tip-years-'));
  test('a ledger row after next year', async () => {
    writeFileSync(join(dir, 'far.csv'), `iso3,year,tier\nQQQ,${LAST_REPORT_YEAR + 73},2WL\n`);
    const r = await tip(['check-history', 'far.csv'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`far\\.csv:2:5: year: expected a report year, a whole number from 2001 \\(the first report\\) to ${LAST_REPORT_YEAR} \\(next year's report\\), found "${LAST_REPORT_YEAR + 73}"`));
  });
  test('a ledger whose only row is next year: every year before it missing, answered at once', async () => {
    writeFileSync(join(dir, 'lone.csv'), `iso3,year,tier\nQQQ,${LAST_REPORT_YEAR},2WL\n`);
    const r = await tip(['check-history', 'lone.csv', '--json'], dir);
    expect(r.code).toBe(0);
    const u = JSON.parse(r.out).unknown;
    expect(u).toHaveLength(1);
    expect(u[0].missingYears.length).toBeGreaterThan(10);
  });
  test('an evidence file for a later report, and --year', async () => {
    const text = readFileSync(join(PACKAGE_ROOT, 'examples', 'CHN-2009.yaml'), 'utf8').replace(/^report_year: 2009$/m, `report_year: ${LAST_REPORT_YEAR + 72}`);
    writeFileSync(join(dir, 'far.yaml'), text);
    const v = await tip(['validate', 'far.yaml'], dir);
    expect(v.code).toBe(1);
    expect(v.err + v.out).toMatch(new RegExp(`report_year: expected a report year up to ${LAST_REPORT_YEAR} \\(next year's report\\), found ${LAST_REPORT_YEAR + 72}`));
    const y = await tip(['history', 'CHN', '--history', TIERS, '--year', String(LAST_REPORT_YEAR + 72)], DATA);
    expect(y.code).toBe(2);
  });
});
