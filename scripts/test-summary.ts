// Prints one closing line over every test runner of `npm test`: "tests: N passed, N failed".
import { readFileSync } from 'node:fs';

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}
interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
}

const read = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const unit = read<VitestReport>('reports/unit.json');
const e2e = read<PlaywrightReport>('reports/e2e.json');
const firefox = read<VitestReport>('reports/firefox.json');

const passed = unit.numPassedTests + e2e.stats.expected + firefox.numPassedTests;
const failed = unit.numFailedTests + e2e.stats.unexpected + e2e.stats.flaky + firefox.numFailedTests;
const skipped = unit.numPendingTests + unit.numTodoTests + e2e.stats.skipped + firefox.numPendingTests + firefox.numTodoTests;
console.log(`unit: ${unit.numPassedTests} passed, e2e (Chromium): ${e2e.stats.expected} passed, e2e (Firefox): ${firefox.numPassedTests} passed`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
