import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { assessEvidence } from '../../src/assess/assess.js';
import type { Assessment } from '../../src/assess/types.js';
import { buildTimeline, type TimelineYear } from '../../src/batch/timeline.js';
import { renderHtml } from '../../src/batch/html.js';
import { buildReport } from '../../src/batch/report-model.js';
import { describeTimeline, timelineView } from '../../src/batch/timeline-view.js';
import { computeClock } from '../../src/history/clock.js';
import { countryHistory, historyFromTiers, type CountryHistory } from '../../src/ledger/history.js';
import { readLedger } from '../../src/ledger/ledger.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { evidenceFor } from './support.js';
import { LAW } from '../support/law.js';

const DATA = join(PACKAGE_ROOT, '..', 'shared', 'data');

async function assessedOn(history: CountryHistory, year: number, tier: '2' | '2WL' | '3', name: string): Promise<Assessment> {
  const previous = history.years.get(year - 1)?.tier ?? null;
  return assessEvidence(evidenceFor(year, history.iso3, name, tier), { clock: computeClock(history, year, LAW), previousTier: previous });
}

function at(years: TimelineYear[], year: number): TimelineYear {
  const y = years.find((t) => t.year === year);
  if (!y) throw new Error(`no ${year}`);
  return y;
}

describe('China in the published record (waivers 2011-2012, automatic downgrade 2013)', () => {
  let withWaivers: CountryHistory;
  let tiersOnly: CountryHistory;
  beforeAll(() => {
    const ledger = readLedger(join(DATA, 'tip-tiers.csv'), { waiversPath: join(DATA, 'tip-downgrade-waivers.csv') });
    withWaivers = countryHistory(ledger, 'CHN');
    tiersOnly = countryHistory(readLedger(join(DATA, 'tip-tiers.csv')), 'CHN');
  });

  test('counted years start with the 2009 report; waiver years and the automatic downgrade are marked', async () => {
    const a = await assessedOn(withWaivers, 2014, '2WL', 'China');
    const t = buildTimeline(withWaivers, a, 2001, LAW);
    expect(t.years.map((y) => y.year)).toEqual(Array.from({ length: 14 }, (_, i) => 2001 + i));
    for (const y of [2005, 2006, 2007, 2008]) {
      expect(at(t.years, y).tier).toBe('2WL');
      expect(at(t.years, y).counted).toBeNull();
    }
    expect([2009, 2010, 2011, 2012].map((y) => at(t.years, y).counted)).toEqual([1, 2, 3, 4]);
    expect([2009, 2010, 2011, 2012].map((y) => at(t.years, y).waiver)).toEqual([null, null, 'recorded', 'recorded']);
    expect(at(t.years, 2013)).toMatchObject({ tier: '3', automaticDowngrade: true, downgrade: true, waiver: null });
    expect(at(t.years, 2005).downgrade).toBe(true); // Tier 2 in 2004, Watch List in 2005
    // This year: back on the Watch List after Tier 3, so the count starts again.
    expect(at(t.years, 2014)).toMatchObject({ tier: '2WL', source: 'assessment', counted: 1, downgrade: false, automaticDowngrade: false });
  });

  test('without the waivers file, the clock still shows 2011 and 2012 were waiver years: inferred, not recorded', async () => {
    const a = await assessedOn(tiersOnly, 2014, '2WL', 'China');
    const t = buildTimeline(tiersOnly, a, 2001, LAW);
    expect([2011, 2012].map((y) => at(t.years, y).waiver)).toEqual(['inferred', 'inferred']);
    expect(describeTimeline(t)).toContain('Waiver years inferred from the clock: 2011, 2012.');
    // The automatic downgrade is a recorded event: without the waivers file it is only a downgrade.
    expect(at(t.years, 2013)).toMatchObject({ automaticDowngrade: false, downgrade: true });
  });

  test('the SVG draws each year once, with the marks the timeline holds, and describes them in words', async () => {
    const a = await assessedOn(withWaivers, 2014, '2WL', 'China');
    const t = buildTimeline(withWaivers, a, 2001, LAW);
    const v = timelineView(t);
    expect(v.cells).toHaveLength(t.years.length);
    expect(v.cells.filter((c) => c.waiver?.cls === 'waiver').length).toBe(t.years.filter((y) => y.waiver === 'recorded').length);
    expect(v.cells.filter((c) => c.downgrade?.cls === 'auto').length).toBe(t.years.filter((y) => y.automaticDowngrade).length);
    expect(v.cells.filter((c) => c.counted !== null).length).toBe(t.years.filter((y) => y.counted !== null).length);
    // Drawn by the template: one group per year, the marks and the labels.
    const html = renderHtml(buildReport({ year: 2014, entries: [{ file: 'CHN-2014.yaml', evidence: evidenceFor(2014, 'CHN', 'China', '2WL'), assessment: a }], failures: [], skipped: [], timelines: [t], history: 'tip-tiers.csv', waivers: null, files: 1, readings: { ruleF: 'after-waiver-run', specialCaseBreaksRun: true } }));
    const svg = html.slice(html.indexOf('<svg class="timeline"'), html.indexOf('</svg>', html.indexOf('<svg class="timeline"')));
    expect(svg.match(/<g class="cell /g)?.length).toBe(t.years.length);
    expect(svg.match(/class="waiver"/g)?.length).toBe(2);
    expect(svg.match(/class="auto"/g)?.length).toBe(1);
    expect(svg).toContain('<title id="tl-CHN-t">China: tier placements 2001-2014</title>');
    const desc = describeTimeline(t);
    expect(desc).toContain('Waiver years recorded: 2011, 2012.');
    expect(desc).toContain('Automatic downgrades: 2013.');
    expect(desc).toContain('2009 (1), 2010 (2), 2011 (3), 2012 (4)');
  });
});

describe('timelines from made-up histories', () => {
  test('a year the ledger lacks is shown as missing, never as a placement', async () => {
    const tiers: Record<number, '1' | '3'> = { 2017: '3' };
    for (let y = 2001; y <= 2015; y++) tiers[y] = '1';
    const h = historyFromTiers('TST', tiers);
    const a = await assessedOn(h, 2018, '2', 'Testland');
    const t = buildTimeline(h, a, 2001, LAW);
    expect(at(t.years, 2016)).toMatchObject({ tier: null, source: 'missing', downgrade: false });
    expect(at(t.years, 2017).downgrade).toBe(false); // the year before is unknown, so no change can be told
    expect(at(t.years, 2018).downgrade).toBe(false); // 3 -> 2 is an upgrade
  });

  test('ledger rows from the report year on are ignored: the assessment is this year', async () => {
    const h = historyFromTiers('TST', { 2016: '2', 2017: '2', 2018: '1', 2019: '1' });
    const a = await assessedOn(h, 2018, '3', 'Testland');
    const t = buildTimeline(h, a, 2016, LAW);
    expect(t.years.map((y) => y.year)).toEqual([2016, 2017, 2018]);
    expect(at(t.years, 2018)).toMatchObject({ tier: '3', source: 'assessment', downgrade: true });
  });

  test('no history: a single cell for this year', async () => {
    const a = await assessEvidence(evidenceFor(2020, 'TST', 'Testland', '2'), { clock: null, previousTier: null });
    const t = buildTimeline(null, a, 2020, LAW);
    expect(t.years).toHaveLength(1);
    expect(t.years[0]).toMatchObject({ year: 2020, tier: '2', counted: null, waiver: null });
  });
});
