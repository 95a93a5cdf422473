export { parseCsv, csvField, csvLine, neutraliseFormula, type CsvRecord, type CsvResult } from './csv.js';
export {
  parseLedger,
  parseWaivers,
  readLedger,
  withWaivers,
  LEDGER_COLUMNS,
  WAIVER_COLUMNS,
  WAIVER_EVENTS,
  type Ledger,
  type LedgerWarning,
  type Placement,
  type ReadLedgerOptions,
  type WaiverEventKind,
  type WaiverEventRow,
} from './ledger.js';
export { countryHistory, historyFromTiers, historySpan, ledgerCountries, type CountryHistory, type HistoryYear } from './history.js';
export { recordPlacement, writePlacement, type NewPlacement, type RecordOutcome, type RecordResult, type RecordOptions } from './record.js';
