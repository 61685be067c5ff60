// The HTML report in a real browser: Debian's Chromium, driven by playwright-core, opens the file
// with the network cut off by the page's own CSP. No console error, no request but the file itself,
// every chart drawn, the tables and facts present. The screenshot stays in test-output/report/.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { compareSides } from '../../harness/compare/compare.ts';
import { sideOfResults } from '../../harness/compare/sides.ts';
import { DEFAULT_GATE } from '../../harness/compare/verdict.ts';
import { addToHistory } from '../../harness/history/store.ts';
import { PROJECT_ROOT } from '../../harness/core/paths.ts';
import { writeFileAtomic, writeResults } from '../../harness/results/write.ts';
import { writeRunReport } from '../../harness/report/write-report.ts';
import { richResults } from '../helpers/rich-results.ts';
import { syntheticHistory } from '../helpers/synthetic-history.ts';
import { removeTempDirs, tempDir } from '../helpers/temp.ts';

const CHROMIUM = process.env.NKB_CHROMIUM ?? '/usr/bin/chromium';
const SCREENSHOTS = join(PROJECT_ROOT, 'test-output', 'report');
// The machine has no network: anything that phones home only floods refused connections.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

let browser: BrowserContext | undefined;

// The browser first: its profile is one of the temporary folders, and Chromium still writes there
// until it is closed (removing it before gave ENOTEMPTY in a CI run).
test.after(async () => {
  await browser?.close();
  await removeTempDirs();
});

test('report.html opens offline in Chromium with every chart drawn and no console error', async () => {
  assert.ok(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: apt-get install chromium (scripts/setup.sh does)`);
  const runDir = await tempDir('html');
  const results = richResults();
  await writeResults(runDir, results);
  const history = join(runDir, 'history');
  for (const r of syntheticHistory(10, { dropFromNight: 8 })) await addToHistory(history, r);
  // What scripts/nightly.sh leaves next to the results: the gate's verdicts, shown above the charts.
  const gate = compareSides(sideOfResults(results, 'baseline'), sideOfResults(results, 'candidate'), DEFAULT_GATE);
  await writeFileAtomic(join(runDir, 'comparison.json'), JSON.stringify(gate));
  const { files } = await writeRunReport(runDir, { formats: ['html'], history: { dir: history, thresholdPct: 5, baselineRuns: 7 } });
  const html = files.find((f) => f.endsWith('report.html'))!;

  const profile = await tempDir('chromium-profile');
  browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 900 } });
  const page = await browser.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`console ${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  const url = pathToFileURL(html).href;
  await page.goto(url, { waitUntil: 'load' });

  assert.equal(problems, []);
  assert.equal(requests, [url], 'the report fetches nothing but itself');
  assert.ok(await page.locator('meta[http-equiv="Content-Security-Policy"]').count());

  const expected = ['throughput', 'ratio-to-host', 'latency-percentiles', 'latency-cdf', 'transaction-rate', 'connection-rate', 'cpu-per-gb', 'cpu-per-transaction', 'bpf-ns-per-packet', 'other-metrics', 'trend-throughputGbps'];
  const drawn = await page.$$eval('figure.chart', (figures) => figures.map((f) => {
    const svg = f.querySelector('svg');
    const box = svg?.getBoundingClientRect();
    const marks = svg ? [...svg.querySelectorAll('g[class*="mark-"] path, g[class*="mark-"] line, g[class*="mark-"] rect')].filter((el) => {
      const b = (el as SVGGraphicsElement).getBBox();
      return b.width > 0 || b.height > 0;
    }).length : 0;
    return { id: f.getAttribute('data-chart'), width: box?.width ?? 0, height: box?.height ?? 0, marks, texts: svg?.querySelectorAll('text').length ?? 0 };
  }));
  for (const id of expected) assert.ok(drawn.some((d) => d.id === id), `chart ${id} missing: ${drawn.map((d) => d.id)}`);
  for (const d of drawn) {
    assert.ok(d.width > 200 && d.height > 150, `${d.id} is ${d.width}x${d.height}`);
    assert.ok(d.marks >= 5, `${d.id} has ${d.marks} visible marks`);
    assert.ok(d.texts >= 5, `${d.id} has ${d.texts} text labels`);
  }

  assert.is(await page.locator('h2', { hasText: 'Regression gate' }).count(), 1);
  assert.is(await page.locator('table.summary').count(), 2);
  assert.is(await page.locator('table.summary').last().locator('tbody tr').count(), results.summary.length);
  assert.is(await page.locator('table.summary').first().locator('tbody tr').count(), gate.rows.length);
  const facts = await page.locator('dl.env').innerText();
  assert.match(facts, '6.8.0-test');
  assert.match(facts, 'Test CPU × 2');
  assert.match(await page.locator('pre.command').innerText(), /^netkit-bench bench --scenarios host,veth,veth-bpf,netkit,netkit-l2/);

  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, 'report.png'), fullPage: true });
  await page.locator('#chart-ratio-to-host').screenshot({ path: join(SCREENSHOTS, 'ratio-to-host.png') });
});

test.run();
