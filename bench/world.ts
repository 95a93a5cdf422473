import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { criteriaInForce } from '../src/evidence/law-checks.js';
import type { EvidenceInput } from '../src/evidence/schema.js';
import { computeClock } from '../src/history/clock.js';
import { bundledCorpus } from '../src/rules/corpus.js';
import { lawOf } from '../src/rules/law.js';
import { historyFromTiers } from '../src/ledger/history.js';
import { REGIONAL_BUREAUS, type Tier } from '../src/model/tier.js';

/**
 * A synthetic world for the benchmark and the batch tests: N countries with a tier history from
 * `firstYear` to `lastYear` that obeys the Watch List clock (a Watch List year the clock allows only
 * with a waiver is a waiver year or an automatic downgrade to Tier 3; a barred one is Tier 2 or 3),
 * a ledger CSV of the years before `lastYear`, a waivers CSV, and an evidence file per country and
 * year whose analyst determination leads to that year's tier. Seeded: the same options give the
 * same bytes. Uses a small PRNG of its own (mulberry32), never Math.random.
 */

export interface WorldOptions {
  seed: number;
  countries: number;
  firstYear: number;
  /** The report year of the batch: the ledger stops the year before. */
  lastYear: number;
  /** Which years get evidence files: every year (one folder each) or only the last. */
  evidenceYears: 'all' | 'last';
}

export interface WorldCountry {
  iso3: string;
  name: string;
  tiers: Map<number, Tier>;
  waivers: Set<number>;
  autoDowngrades: Set<number>;
}

export interface World {
  dir: string;
  ledgerPath: string;
  waiversPath: string;
  /** Report-year settings for the drafts of every evidence year (a synthetic release each June 20). */
  settingsPath: string;
  evidenceDir: (year: number) => string;
  countries: WorldCountry[];
  files: number;
}

/** mulberry32: a 32-bit seeded generator, good enough for test data and fully reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;

function pick<T>(rand: Rand, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function weighted<T>(rand: Rand, choices: readonly [T, number][]): T {
  const total = choices.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [v, w] of choices) {
    r -= w;
    if (r < 0) return v;
  }
  return choices[choices.length - 1]![0];
}

const SYLLABLES = ['ar', 'bel', 'cor', 'dan', 'el', 'fir', 'gan', 'hol', 'ist', 'jor', 'kal', 'lun', 'mar', 'nor', 'os', 'pel', 'quin', 'ros', 'sal', 'tor', 'ul', 'ven', 'wes', 'yar', 'zan'];
const ENDINGS = ['ia', 'land', 'stan', 'ova', 'ar', 'ene', 'ica', 'oria'];

/** Three capital letters from an index: AAA, AAB, ... (the codes are synthetic, not ISO's). */
function iso3Of(i: number): string {
  const a = String.fromCharCode(65 + Math.floor(i / 676) % 26);
  const b = String.fromCharCode(65 + Math.floor(i / 26) % 26);
  const c = String.fromCharCode(65 + (i % 26));
  return `${a}${b}${c}`;
}

function nameOf(rand: Rand, i: number): string {
  const n = 1 + Math.floor(rand() * 2);
  let s = '';
  for (let k = 0; k < n; k++) s += pick(rand, SYLLABLES);
  s += pick(rand, ENDINGS);
  // The index keeps names unique, so the report's sort order is fixed.
  return `${s[0]!.toUpperCase()}${s.slice(1)} ${i + 1}`;
}

/** The next substantive tier, before the clock: mostly the same, sometimes one step. */
function nextTier(rand: Rand, prev: Tier | undefined, year: number): Tier {
  const wl = year >= 2004;
  if (prev === undefined) return weighted<Tier>(rand, [['1', 15], ['2', 45], ['3', 10], ...(wl ? ([['2WL', 25]] as [Tier, number][]) : [])]);
  if (prev === 'special') return weighted<Tier>(rand, [['special', 70], ['3', 20], ['2', 10]]);
  if (year >= 2003 && rand() < 0.004) return 'special';
  const steps: Record<Exclude<Tier, 'special'>, [Tier, number][]> = {
    '1': [['1', 80], ['2', 20]],
    '2': [['2', 68], ['1', 5], ['2WL', 25], ['3', 2]],
    '2WL': [['2WL', 55], ['2', 30], ['3', 15]],
    '3': [['3', 55], ['2WL', 35], ['2', 10]],
  };
  const choices = steps[prev].map(([t, w]): [Tier, number] => (t === '2WL' && !wl ? ['2', w] : [t, w]));
  return weighted(rand, choices);
}

/** Applies the clock to a substantive Watch List year, as the statute would. */
function placeWithClock(rand: Rand, c: WorldCountry, year: number, substantive: Tier): Tier {
  if (substantive !== '2WL') return substantive;
  const clock = computeClock(historyFromTiers(c.iso3, Object.fromEntries(c.tiers), [...c.waivers]), year, lawOf(bundledCorpus()));
  if (clock.watchListPlacement === 'needs-waiver') {
    if (rand() < 0.6) {
      c.waivers.add(year);
      return '2WL';
    }
    c.autoDowngrades.add(year);
    return '3';
  }
  if (clock.watchListPlacement === 'barred') {
    c.autoDowngrades.add(year);
    return '3';
  }
  return '2WL';
}

function finding(f: 'met' | 'partly_met' | 'not_met', why: string) {
  return { finding: f, rationale: why };
}

/** An evidence file whose determination gives `tier` (before the clock, for the last year). */
export function evidenceFor(rand: Rand, c: WorldCountry, year: number, tier: Tier, needsWaiver: boolean): EvidenceInput {
  const fully = tier === '1';
  const significant = tier === '1' || tier === '2' || tier === '2WL';
  const level = fully ? 'met' : significant ? 'partly_met' : 'not_met';
  const criteria: Record<string, ReturnType<typeof finding>> = {};
  for (const k of criteriaInForce(year)) criteria[k] = finding(level, `${c.name} ${year}: ${level.replace('_', ' ')} on ${k}`);
  const n = (max: number) => Math.floor(rand() * max);
  const ev: EvidenceInput = {
    country: {
      name: c.name,
      iso3: c.iso3,
      bureau: pick(rand, REGIONAL_BUREAUS),
      government: { formal_name: `the Government of ${c.name}`, short_name: 'the government' },
      adjective: `${c.name.split(' ')[0]}ian`,
    },
    evidence_version: 2,
    report_year: year,
    ...(tier === 'special' ? { special_case: { reason: 'no functioning central government in the reporting period' } } : {}),
    roles: { origin: true, transit: rand() < 0.5, destination: rand() < 0.7 },
    forms: ['forced_labor', ...(rand() < 0.7 ? (['sex_trafficking'] as const) : [])],
    standards: {
      a1: finding(fully ? 'met' : 'partly_met', 'the law prohibits severe forms of trafficking'),
      a2: finding(fully ? 'met' : 'partly_met', 'penalties for sex trafficking are commensurate with rape'),
      a3: finding(fully ? 'met' : 'partly_met', 'penalties are sufficiently stringent'),
      a4: finding(level, 'serious and sustained efforts'),
    },
    criteria,
    prosecution: { data_requested: true, data_provided: true, data_capacity: 'unknown', investigations: n(500), prosecutions: n(200), convictions: n(100) },
    complicity: { reported: rand() < 0.3, data_requested: true, data_provided: true, data_capacity: 'unknown', officials_investigated: n(5), officials_prosecuted: n(3), officials_convicted: n(2) },
    protection: {
      victims_identified: n(2000),
      victims_rescued: null,
      dedicated_assistance_programs: significant,
      systematic_identification_procedures: significant,
      victims_penalized: !significant,
      foreign_victims_deported: !significant,
      legal_alternatives_to_removal: significant,
    },
    prevention: { awareness_campaigns: significant, officials_trained: n(1000), demand_reduction_measures: significant, palermo_protocol_party: rand() < 0.9 },
    comparison_with_previous_year: {
      increasing_efforts: tier !== '2WL',
      rationale: tier === '2WL' ? 'no evidence of increasing efforts from the previous year' : 'more investigations and prosecutions than last year',
    },
    victims: {
      estimate: n(100000),
      ...(year <= 2008 ? { significant_number: true } : {}),
      watch_list_ground_i: { very_significant: false, significantly_increasing: false, ...(year >= 2019 ? { proportional_concrete_actions: true } : {}) },
    },
    efforts_basis: { concrete_actions: significant, rests_on_commitments: false },
    ...(needsWaiver
      ? { waiver: { written_plan: true, plan_would_constitute_significant_efforts: true, sufficient_resources: true, granted: rand() < 0.6, rationale: 'the government devoted sufficient resources to a written plan' } }
      : {}),
    determination: {
      fully_meets: fully,
      significant_efforts: significant,
      rationale: `${c.name} ${fully ? 'fully meets the minimum standards' : significant ? 'is making significant efforts' : 'is not making significant efforts'} in the ${year} reporting period`,
    },
    narrative: {
      profile: [`${c.name} is a source and destination country for men, women and children subjected to trafficking.`],
      prosecution: [`The government investigated ${n(500)} cases and convicted ${n(100)} traffickers.`],
      protection: [`The government identified ${n(2000)} victims and referred them to care.`],
      prevention: ['The government ran awareness campaigns and trained officials.'],
      recommendations: ['Vigorously investigate and prosecute trafficking offenses.', 'Increase funding for victim protection.'],
    },
  };
  return ev;
}

/** Writes a world into `dir` (which must be empty or absent). */
export function generateWorld(dir: string, options: WorldOptions): World {
  const rand = prng(options.seed);
  const countries: WorldCountry[] = [];
  for (let i = 0; i < options.countries; i++) {
    const c: WorldCountry = { iso3: iso3Of(i), name: nameOf(rand, i), tiers: new Map(), waivers: new Set(), autoDowngrades: new Set() };
    let prev: Tier | undefined;
    for (let y = options.firstYear; y < options.lastYear; y++) {
      const t = placeWithClock(rand, c, y, nextTier(rand, prev, y));
      c.tiers.set(y, t);
      prev = t;
    }
    countries.push(c);
  }

  mkdirSync(dir, { recursive: true });
  const ledgerPath = join(dir, 'tiers.csv');
  const waiversPath = join(dir, 'waivers.csv');
  const ledger = ['country,iso3,year,tier'];
  const waivers = ['iso3,year,event'];
  for (const c of countries) {
    for (const [y, t] of c.tiers) ledger.push(`${c.name},${c.iso3},${y},${t}`);
    for (const y of c.waivers) waivers.push(`${c.iso3},${y},waiver`);
    for (const y of c.autoDowngrades) waivers.push(`${c.iso3},${y},auto_downgrade`);
  }
  writeFileSync(ledgerPath, ledger.join('\n') + '\n');
  writeFileSync(waiversPath, waivers.join('\n') + '\n');

  const evidenceDir = (year: number) => join(dir, 'evidence', String(year));
  const years = options.evidenceYears === 'all' ? Array.from({ length: options.lastYear - options.firstYear + 1 }, (_, k) => options.firstYear + k) : [options.lastYear];
  const settingsPath = join(dir, 'settings.yaml');
  const settings: Record<string, unknown> = {};
  for (const year of years) {
    settings[String(year)] = {
      release: { date: `${year}-06-20`, time: '10:00', zone: 'EDT' },
      secretary: { name: 'A. Synthetic Secretary', signature: 'SECRETARY' },
      delivery: [
        { bureaus: ['WHA', 'AF', 'EUR', 'NEA'], days_before_release: 1, time: '12:00' },
        { bureaus: ['SCA', 'EAP'], days_before_release: 0, time: 'OOB' },
      ],
    };
  }
  writeFileSync(settingsPath, stringify({ years: settings }));
  let files = 0;
  for (const year of years) {
    mkdirSync(evidenceDir(year), { recursive: true });
    for (const c of countries) {
      let tier: Tier;
      let needsWaiver = false;
      if (year < options.lastYear) {
        tier = c.tiers.get(year)!;
        // A past downgrade is drafted as the Watch List it would have been.
        if (c.autoDowngrades.has(year)) tier = '2WL';
        needsWaiver = c.waivers.has(year) || c.autoDowngrades.has(year);
      } else {
        tier = nextTier(rand, c.tiers.get(year - 1), year);
        if (tier === '2WL') {
          const clock = computeClock(historyFromTiers(c.iso3, Object.fromEntries(c.tiers), [...c.waivers]), year, lawOf(bundledCorpus()));
          needsWaiver = clock.watchListPlacement === 'needs-waiver';
        }
      }
      const ev = evidenceFor(rand, c, year, tier, needsWaiver);
      writeFileSync(join(evidenceDir(year), `${c.iso3}-${year}.yaml`), stringify(ev));
      files++;
    }
  }
  return { dir, ledgerPath, waiversPath, settingsPath, evidenceDir, countries, files };
}
