import { tierName } from '../model/tier.js';
import type { Cite } from '../rules/schema.js';
import { escapeMarkdown as md } from './escape.js';
import { CHANGE_LABEL, clockMark, clockWords, plural, readingsLabel, swlLabel, tierLabel, WAIVER_OUTCOME_LABEL, windowLabel } from './labels.js';
import type { BatchReport } from './report-model.js';
import { specialWatchListFirstReport } from './statute.js';

/** report.md: the batch report as Markdown tables. Every text from input is escaped. */

function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

/** "Under A; B." — nothing when no provision is in force that year. */
function under(cites: readonly Cite[]): string[] {
  return cites.length === 0 ? [] : [`Under ${cites.map(cite).join('; ')}.`, ''];
}

function cite(c: Cite): string {
  return `[${md(c.title)}](${c.href})`;
}

/** A fenced block that no line of `lines` can close early. */
function fenced(lines: string[]): string[] {
  const longest = Math.max(2, ...lines.map((l) => Math.max(0, ...[...l.matchAll(/`+/g)].map((m) => m[0].length))));
  const fence = '`'.repeat(longest + 1);
  return [fence + 'text', ...lines, fence];
}

export function renderMarkdown(r: BatchReport): string {
  const out: string[] = [];
  const y = r.year;
  out.push(`# Trafficking in Persons Report ${y}: tier assessments of the year`, '');
  out.push(`Reporting period ${r.reportingPeriod.from} to ${r.reportingPeriod.to}.`);
  out.push(
    `${plural(r.totals.assessed, 'country', 'countries')} assessed, ${plural(r.totals.failed, 'file')} failed, ${plural(r.totals.skipped, 'file')} of other years skipped.`,
  );
  out.push(`Tier history: ${r.inputs.history ? md(r.inputs.history) : 'none given (the Watch List clock was not applied)'}${r.inputs.waivers ? `; waivers: ${md(r.inputs.waivers)}` : ''}.`);
  out.push(`Readings applied: ${md(readingsLabel(r.readings))}.`);
  out.push('');

  out.push('## Countries by tier', '');
  out.push(...table(['Tier', 'Countries'], r.counts.map((c) => [c.name, String(c.count)])));
  const ch = r.changes;
  out.push('');
  out.push(
    `Changes from the ${y - 1} report: ${ch.upgrade} up, ${ch.downgrade} down (${ch.automaticDowngrade} by the Watch List clock), ${ch.same} unchanged, ${ch.unknown} without last year's placement, ${ch.notComparable} not comparable; ${plural(ch.waiver, 'waiver')} of the automatic downgrade.`,
  );
  out.push('');

  out.push('## Tier placements', '');
  out.push(
    ...table(
      ['Country', 'ISO3', 'Bureau', 'Tier', `${y - 1}`, 'Change', 'Watch List clock', 'Special Watch List'],
      r.countries.map((c) => [
        md(c.name),
        md(c.iso3),
        c.bureau,
        tierName(c.tier),
        tierLabel(c.previousTier),
        [CHANGE_LABEL[c.change], clockMark(c.clockEffect, y)].filter((s) => s !== null).join('; '),
        clockWords(c.consecutiveWatchListYears, c.countedWatchListYears, c.watchListPlacement),
        swlLabel(c.specialWatchList),
      ]),
    ),
  );
  out.push('');

  out.push('## Special Watch List', '', ...under(r.cites.specialWatchList));
  if (r.interimAssessment) {
    out.push(`Interim assessment due ${r.interimAssessment.due} (${r.interimAssessment.cites.map(cite).join(', ')}): ${r.interimAssessment.reference}.`, '');
  } else {
    out.push(`There is no Special Watch List in the ${y} report: it first applies to the ${specialWatchListFirstReport()} report.`, '');
  }
  if (!r.specialWatchListComputed) {
    out.push('Membership was not computed for this batch.', '');
  } else if (r.specialWatchList.length === 0) {
    out.push('No country.', '');
  } else {
    out.push(
      ...table(
        ['Country', 'ISO3', 'Tier', `${y - 1}`, 'Member', 'Grounds'],
        r.specialWatchList.map((s) => [md(s.name), md(s.iso3), tierName(s.tier), tierLabel(s.previousTier), s.member === true ? 'yes' : 'unknown', s.grounds.map(md).join('; ')]),
      ),
      '',
    );
  }

  out.push('## Tier 3', '', ...under(r.cites.tier3));
  if (r.tier3.length === 0) out.push('No country.', '');
  else {
    out.push(
      ...table(
        ['Country', 'ISO3', `${y - 1}`, 'Clock', 'Presidential determination window', 'Fiscal year affected'],
        r.tier3.map((t) => [md(t.name), md(t.iso3), tierLabel(t.previousTier), clockMark(t.clockEffect, y) ?? 'none', windowLabel(t.determinationWindow), t.fiscalYear === null ? 'not computed' : `FY${t.fiscalYear}`]),
      ),
      '',
    );
  }

  out.push('## Waiver decisions', '', ...under(r.cites.waiver));
  if (r.waiverDecisions.length === 0) out.push('No waiver decision this year.', '');
  else {
    out.push(
      ...table(
        ['Country', 'ISO3', 'Counted Watch List years before', 'Waiver years used of those allowed', 'Decision'],
        r.waiverDecisions.map((w) => [md(w.name), md(w.iso3), String(w.countedWatchListYears), `${w.waiverYearsUsed} of ${w.waiverYearsAllowed}`, WAIVER_OUTCOME_LABEL[w.outcome]]),
      ),
      '',
    );
  }

  if (r.draftPlaceholders.length > 0) {
    out.push('## Blanks in the drafts', '', 'The drafts print these placeholders where a fact is unknown; fill them in a settings file (`tip settings YEAR --out FILE`) and run again.', '');
    out.push(...table(['Placeholder', 'To fill in', 'Countries', 'What to do'], r.draftPlaceholders.map((p) => [md(p.token), md(p.field), String(p.countries), md(p.message)])), '');
  }

  out.push('## Failed files', '');
  if (r.failures.length === 0) out.push('None.', '');
  else out.push(...fenced(r.failures.flatMap((f) => f.errors)), '');

  if (r.skipped.length > 0) {
    out.push('## Files of other report years (skipped)', '');
    out.push(...table(['File', 'Report year'], r.skipped.map((s) => [md(s.file), s.reportYear === null ? 'unknown' : String(s.reportYear)])), '');
  }
  return out.join('\n');
}
