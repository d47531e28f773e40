// `npm run demo`: the extension at work on a local replica of Aruba's pages, no account and no
// network needed. With a display it opens Chromium for you to click through; without one (a
// server, CI) it walks the guided renewal itself and photographs every step.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { followGuide } from '../tests/harness/chromium/guide-walker';
import { chipText } from '../tests/harness/chromium/overlay-probe';
import { RENEWAL_WALKS } from '../tests/harness/renewal-walks';
import { badgeText, EXTENSION_DIR, launchWithExtension, startRenewal, type LoadedExtension } from '../tests/harness/chromium/launch';

const OUT_DIR = resolve(import.meta.dirname, '../demo-output');

/** The Italian walks of both paths, as the end-to-end tests take them. */
const WALKS = RENEWAL_WALKS.filter((walk) => walk.uiLocale === 'it-IT').map((walk) => ({ name: walk.path, start: walk.start, steps: walk.steps }));

const interactive = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.CI && !process.argv.includes('--headless');

async function shoot(page: Page, name: string, shots: string[]): Promise<void> {
  const path = join(OUT_DIR, `${String(shots.length + 1).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path });
  shots.push(path);
}

/** The toolbar is not drawn in headless Chromium: draw the icon with the badge the extension set. */
async function shootBadge(extension: LoadedExtension, shots: string[]): Promise<void> {
  const [text, [r, g, b], title] = await extension.serviceWorker.evaluate(
    async () => [await chrome.action.getBadgeText({}), await chrome.action.getBadgeBackgroundColor({}), await chrome.action.getTitle({})] as const,
  );
  const icon = (await readFile(join(EXTENSION_DIR, 'icon/128.png'))).toString('base64');
  const page = await extension.context.newPage();
  await page.setViewportSize({ width: 420, height: 140 });
  await page.setContent(`<body style="margin:0;font:13px system-ui;background:#f1f3f4">
    <div style="display:flex;gap:14px;align-items:center;padding:16px">
      <div style="position:relative;width:48px;height:48px">
        <img alt="" src="data:image/png;base64,${icon}" width="48" height="48">
        <span id="badge" style="position:absolute;right:-8px;bottom:-4px;min-width:18px;padding:1px 4px;border-radius:8px;color:#fff;font-weight:700;text-align:center;background:rgb(${r},${g},${b})"></span>
      </div>
      <pre id="title" style="margin:0;font:12px system-ui;white-space:pre-wrap"></pre>
    </div></body>`);
  await page.locator('#badge').evaluate((element, value) => (element.textContent = value), text);
  await page.locator('#title').evaluate((element, value) => (element.textContent = value), title);
  await shoot(page, 'toolbar-badge', shots);
  await page.close();
}

async function walkAll(extension: LoadedExtension): Promise<{ steps: string[]; shots: string[] }> {
  const steps: string[] = [];
  const shots: string[] = [];
  for (const walk of WALKS) {
    await startRenewal(extension);
    const start = await extension.context.newPage();
    await start.goto(walk.start);
    const end = await followGuide(extension.context, start, walk.steps, async (step, page) => {
      steps.push(`${walk.name}: Passo ${step.ordinal} — ${step.id}`);
      await shoot(page, `${walk.name}-${step.ordinal}-${step.id}`, shots);
    });
    await expect.poll(() => chipText(end), { timeout: 10_000 }).toContain('Scadenza registrata');
    steps.push(`${walk.name}: ${(await chipText(end)).replace('×', '').trim()}`);
    await shoot(end, `${walk.name}-password-shown`, shots);
    for (const page of extension.context.pages()) if (!page.url().startsWith('chrome-extension:')) await page.close();
  }
  return { steps, shots };
}

async function runHeadless(extension: LoadedExtension): Promise<void> {
  const { steps, shots } = await walkAll(extension);
  await shootBadge(extension, shots);
  const popup = await extension.context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${extension.extensionId}/popup.html`);
  await popup.waitForTimeout(500);
  await shoot(popup, 'popup', shots);
  const badge = await badgeText(extension.serviceWorker);
  if (!/^\d+$/.test(badge)) throw new Error(`The badge shows "${badge}", not the days left.`);
  if (extension.blocked.length) throw new Error(`Requests outside the replica were attempted: ${extension.blocked.join(', ')}`);
  console.log(['', 'Promemoria password PEC — demo on replica Aruba pages (no network)', ...steps.map((s) => `  ${s}`)].join('\n'));
  console.log(`  Badge: ${badge} days left`);
  console.log(`Screenshots (${shots.length}) in ${OUT_DIR}`);
}

async function runInteractive(extension: LoadedExtension): Promise<void> {
  await startRenewal(extension);
  const page = await extension.context.newPage();
  await page.goto(WALKS[0]!.start);
  console.log('Chromium is open on a replica of Aruba PEC WebMail, with the renewal started.');
  console.log('Follow the highlighted steps; close the browser to end the demo.');
  await new Promise((done) => extension.context.on('close', done));
}

const profile = await mkdtemp(join(tmpdir(), 'pec-demo-'));
await rm(OUT_DIR, { recursive: true, force: true });
await mkdir(OUT_DIR, { recursive: true });
const extension = await launchWithExtension(profile, 'it-IT', !interactive);
try {
  await (interactive ? runInteractive(extension) : runHeadless(extension));
} catch (error) {
  console.error(`Demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await extension.context.close().catch(() => undefined);
  await rm(profile, { recursive: true, force: true });
}
