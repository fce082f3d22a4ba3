#!/usr/bin/env node
// Screenshots of the demo in light and dark: the settings page on the reference
// backend and on every msw scenario, a cloud flow clicked through on the reference
// backend, and every story card of the gallery. Writes PNGs to .screenshots/ and
// fails when a page logged a console error or threw.
//
//   node scripts/screenshots.mjs            everything
//   node scripts/screenshots.mjs gallery    only shots whose name contains "gallery"
//   node scripts/screenshots.mjs --light    one theme only (--light or --dark)
import { mkdirSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { findChrome } from './find-chrome.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, '.screenshots');
const args = process.argv.slice(2);
const filter = args.find((a) => !a.startsWith('--')) ?? '';
const themes = args.includes('--light') ? ['light'] : args.includes('--dark') ? ['dark'] : ['light', 'dark'];
const wanted = (name) => !filter || name.includes(filter);

/** The scenario ids, read from the same module the demo uses. */
async function scenarioIds(server) {
  const testing = await server.ssrLoadModule(join(root, 'src/testing/scenarios.ts'));
  return [...testing.SCENARIO_IDS];
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const problems = [];
/**
 * A console error the current page is expected to log. Scenarios whose backend refuses
 * on purpose (a 422 for a missing allowlist status, a 503 when the backend is down)
 * make the browser itself log "Failed to load resource"; nothing else is excused.
 */
let tolerated = null;
const REFUSAL_LOGGED_BY_BROWSER = /^Failed to load resource: the server responded with a status of [45]\d\d\b/;

/** Records console errors and uncaught exceptions of a page (and of popups it opens). */
function watch(page, label) {
  page.on('console', (message) => {
    if (message.type() !== 'error' || tolerated?.test(message.text())) return;
    problems.push(`${label} (${page.url()}): console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${label}: page error: ${error.message}`));
}

async function shot(page, name, options = {}) {
  if (!wanted(name)) return;
  await page.screenshot({ path: join(outDir, `${name}.png`), animations: 'disabled', ...options });
  console.log(`  ${name}.png`);
}

/** Waits until the element finished loading its status (or failed to). */
async function settled(page) {
  await page.waitForFunction(() => {
    const el = document.querySelector('provider-target-setup');
    return !!el?.shadowRoot?.querySelector('[part~=step]') && el.state.phase !== undefined && !el.shadowRoot.querySelector('[aria-busy=true]');
  });
  await page.waitForTimeout(150);
}

const setup = (page) => page.locator('provider-target-setup');

/** Add Jira → Jira Cloud → site → OAuth consent in the popup → Save, on the reference backend. */
async function cloudFlow(page, theme) {
  const prefix = `flow-cloud-${theme}`;
  // The reference backend keeps its targets: start each theme without the one the last run saved.
  await page.request.post('/api/pts/demo/reset');
  await page.goto(`/settings?theme=${theme}`);
  await settled(page);
  await shot(page, `${prefix}-1-status`);
  await setup(page).getByRole('button', { name: /add.*jira/i }).click();
  await setup(page).getByRole('radio', { name: /jira cloud/i }).check();
  await shot(page, `${prefix}-2-deployment`);
  await setup(page).getByRole('button', { name: /^continue$/i }).click();
  await setup(page).getByRole('textbox').first().fill('acme-demo.atlassian.net');
  await setup(page).getByRole('checkbox').first().check();
  await shot(page, `${prefix}-3-tenant`);
  await setup(page).getByRole('button', { name: /^continue$/i }).click();
  await page.waitForFunction(() => document.querySelector('provider-target-setup')?.state.phase === 'auth');
  await shot(page, `${prefix}-4-auth`, { fullPage: true });
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    setup(page).getByRole('button', { name: /connect with jira/i }).click(),
  ]);
  watch(popup, `${prefix} popup`);
  await popup.waitForLoadState();
  if (wanted(`${prefix}-5-consent`)) {
    await popup.screenshot({ path: join(outDir, `${prefix}-5-consent.png`) });
    console.log(`  ${prefix}-5-consent.png`);
  }
  await Promise.all([popup.waitForEvent('close'), popup.locator('#allow').click()]);
  await page.waitForFunction(() => {
    const state = document.querySelector('provider-target-setup')?.state;
    return state?.phase === 'auth' && state.authorization.status === 'completed';
  });
  await shot(page, `${prefix}-6-authorised`, { fullPage: true });
  await setup(page).getByRole('button', { name: /^save/i }).click();
  try {
    await page.waitForFunction(() => document.querySelector('provider-target-setup')?.state.phase === 'export-setup', null, { timeout: 8000 });
  } catch (error) {
    const now = await page.evaluate(() => {
      const state = document.querySelector('provider-target-setup')?.state;
      return `${state?.phase} ${state?.error?.code ?? ''}`;
    });
    throw new Error(`${prefix}: no provider-specific setup after save (now ${now})`, { cause: error });
  }
  await page.waitForTimeout(150);
  await shot(page, `${prefix}-7-export-setup`, { fullPage: true });
  await exportFlow(page, prefix);
  const events = await page.locator('#log .type').allTextContents();
  for (const name of ['target-saved', 'target-configured']) {
    if (!events.includes(name)) problems.push(`${prefix}: the event log shows no ${name} (saw ${events.join(', ')})`);
  }
}

/** Right to left and 360 px wide, then back. */
async function narrowRtl(page, name) {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 800 });
  await page.evaluate(() => (document.documentElement.dir = 'rtl'));
  await page.waitForTimeout(150);
  if (wanted(name)) {
    // The whole page width (a narrow host page may scroll sideways), cut to the element's height.
    const box = await setup(page).evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { y: r.top + window.scrollY, height: r.height, width: document.documentElement.scrollWidth };
    });
    await page.screenshot({ path: join(outDir, `${name}.png`), animations: 'disabled', fullPage: true, clip: { x: 0, ...box } });
    console.log(`  ${name}.png`);
  }
  await page.evaluate(() => (document.documentElement.dir = ''));
  await page.setViewportSize(viewport);
}

/** After save: every list down the path, the settings saved, a test export; also right to left at 360 px. */
async function exportFlow(page, prefix) {
  for (let level = 0; level < 5; level++) {
    const combo = setup(page).getByRole('combobox').nth(level);
    if ((await combo.count()) === 0) break;
    await combo.click();
    await setup(page).getByRole('option').first().waitFor();
    if (level === 0) {
      await shot(page, `${prefix}-8-destination-list`, { fullPage: true });
      await narrowRtl(page, `${prefix}-8-destination-list-rtl-360`);
    }
    await setup(page).getByRole('option').first().click();
    await page.waitForTimeout(100);
  }
  await setup(page).getByRole('button', { name: /save export settings/i }).click();
  await page.waitForFunction(() => document.querySelector('provider-target-setup')?.state.phase === 'existing-target');
  await setup(page).getByRole('button', { name: /send a test/i }).click();
  await page.waitForFunction(() => document.querySelector('provider-target-setup')?.state.target?.last_test);
  await page.waitForTimeout(150);
  await shot(page, `${prefix}-9-overview`, { fullPage: true });
  await narrowRtl(page, `${prefix}-9-overview-rtl-360`);
}

/** The msw `cloud-ready` scenario: walked to the auth step, then the mock consent page, then Save. */
async function mswCloudFlow(page, theme) {
  const prefix = `flow-msw-cloud-${theme}`;
  await page.goto(`/settings?scenario=cloud-ready&theme=${theme}&play`);
  await page.waitForSelector('body[data-ready=true]', { timeout: 20_000 });
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    setup(page).getByRole('button', { name: /connect with jira/i }).click(),
  ]);
  watch(popup, `${prefix} popup`);
  await popup.waitForLoadState();
  if (wanted(`${prefix}-1-consent`)) {
    await popup.screenshot({ path: join(outDir, `${prefix}-1-consent.png`) });
    console.log(`  ${prefix}-1-consent.png`);
  }
  await Promise.all([popup.waitForEvent('close'), popup.getByRole('button', { name: 'Authorise' }).click()]);
  await page.waitForFunction(() => document.querySelector('provider-target-setup')?.state.authorization?.status === 'completed');
  await setup(page).getByRole('button', { name: /^save/i }).click();
  try {
    await page.waitForFunction(() => document.querySelector('provider-target-setup')?.state.phase === 'export-setup', null, { timeout: 5000 });
  } catch {
    const phase = await page.evaluate(() => {
      const state = document.querySelector('provider-target-setup')?.state;
      return `${state?.phase} ${state?.error?.code ?? ''}`;
    });
    problems.push(`${prefix}: the save did not succeed (now ${phase})`);
  }
  await page.waitForTimeout(150);
  await shot(page, `${prefix}-2-after-save`, { fullPage: true });
}

/** The msw `revoke` scenario: the host vetoes the first request, then lets the second through. */
async function mswRevokeFlow(page, theme) {
  const prefix = `flow-msw-revoke-${theme}`;
  await page.goto(`/settings?scenario=revoke&theme=${theme}&play`);
  await page.waitForSelector('body[data-ready=true]', { timeout: 20_000 });
  await setup(page).getByRole('checkbox', { name: /revoked it/i }).check();
  await page.locator('#veto-revoke').check();
  await setup(page).getByRole('button', { name: /disconnect/i }).click();
  await page.waitForTimeout(300);
  const vetoed = await page.evaluate(() => document.querySelector('provider-target-setup')?.state.phase);
  if (vetoed === 'revoked') problems.push(`${prefix}: the host's preventDefault() did not stop the disconnect`);
  await shot(page, `${prefix}-1-vetoed`, { fullPage: true });
  await page.locator('#veto-revoke').uncheck();
  await setup(page).getByRole('button', { name: /disconnect/i }).click();
  await page.waitForFunction(() => document.querySelector('provider-target-setup')?.state.phase === 'revoked');
  await page.waitForTimeout(150);
  await shot(page, `${prefix}-2-revoked`, { fullPage: true });
  const events = await page.locator('#log .type').allTextContents();
  if (!events.includes('target-revoked')) problems.push(`${prefix}: the event log shows no target-revoked (saw ${events.join(', ')})`);
}

/** Page options the variant shots cover (demo/shared/page-options.ts), and the scenarios shown in each. */
const VARIANTS = [
  ['rtl', 'dir=rtl'],
  ['de', 'lang=de'],
  ['brand', 'brand'],
];
const VARIANT_SCENARIOS = ['cloud-ready', 'self-hosted-ready', 'url-blocked-private-network', 'revoke'];

/**
 * The step path's geometry as the customer sees it: in right-to-left text the
 * first step stands rightmost and every connector lies between its two markers.
 * Returns what is wrong, or an empty list.
 */
async function stepPathProblems(page, rtl) {
  return page.evaluate((rtl) => {
    const path = document.querySelector('provider-target-setup')?.shadowRoot?.querySelector('pts-step-path')?.shadowRoot;
    const items = [...(path?.querySelectorAll('li') ?? [])];
    if (items.length === 0 || items[0].getClientRects().length === 0) return [];
    const markers = items.map((li) => li.querySelector('.marker').getBoundingClientRect());
    const stacked = markers.every((m) => Math.abs(m.left - markers[0].left) < 1);
    const wrong = [];
    if (!stacked) {
      const lefts = markers.map((m) => m.left);
      const sorted = [...lefts].sort((a, b) => (rtl ? b - a : a - b));
      if (lefts.join() !== sorted.join()) wrong.push(`steps out of order: ${lefts.map(Math.round).join(', ')}`);
      items.slice(1).forEach((li, i) => {
        const line = li.querySelector('.connector').getBoundingClientRect();
        const [lo, hi] = markers[i + 1].left < markers[i].left ? [markers[i + 1], markers[i]] : [markers[i], markers[i + 1]];
        if (line.left < lo.right - 1 || line.right > hi.left + 1) wrong.push(`connector ${i + 1} is not between its markers`);
      });
    }
    return wrong;
  }, rtl);
}

/** The settings page in each variant, light or dark, at a desktop and a phone width. */
async function variantShots(browser, theme, forcedColors = 'none') {
  for (const [name, query] of forcedColors === 'active' ? [['forced', '']] : VARIANTS) {
    for (const width of [1280, 360]) {
      const context = await browser.newContext({
        baseURL: base,
        viewport: { width, height: 900 },
        colorScheme: theme,
        reducedMotion: 'reduce',
        forcedColors,
      });
      const page = await context.newPage();
      watch(page, `${name} ${width}`);
      tolerated = REFUSAL_LOGGED_BY_BROWSER;
      for (const id of ['status', ...VARIANT_SCENARIOS]) {
        const shotName = `variant-${name}-${width}-${id}-${theme}`;
        if (!wanted(shotName)) continue;
        const scenario = id === 'status' ? '' : `&scenario=${id}&play`;
        await page.goto(`/settings?theme=${theme}${query ? `&${query}` : ''}${scenario}`);
        if (id !== 'status') await page.waitForSelector('body[data-ready=true]', { timeout: 20_000 });
        await settled(page);
        for (const wrong of await stepPathProblems(page, name === 'rtl')) problems.push(`${shotName}: ${wrong}`);
        await shot(page, shotName, { fullPage: true });
      }
      tolerated = null;
      await context.close();
    }
  }
}

// A filtered or one-theme run adds to the last full run instead of starting over.
if (!filter && themes.length === 2) rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const port = await freePort();
const server = await createServer({
  configFile: join(root, 'vite.config.ts'),
  logLevel: 'warn',
  server: { port, strictPort: true, host: '127.0.0.1' },
});
await server.listen();
const base = `http://127.0.0.1:${port}`;
console.log(`demo at ${base}`);

const browser = await chromium.launch({
  executablePath: findChrome() ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
});

try {
  const scenarios = await scenarioIds(server);
  for (const theme of themes) {
    const context = await browser.newContext({
      baseURL: base,
      viewport: { width: 1440, height: 1000 },
      colorScheme: theme,
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    watch(page, theme);

    console.log(`settings (${theme})`);
    await page.goto(`/settings?theme=${theme}`);
    await settled(page);
    await shot(page, `settings-reference-${theme}`, { fullPage: true });
    for (const id of scenarios) {
      if (!wanted(`settings-${id}-${theme}`)) continue;
      tolerated = REFUSAL_LOGGED_BY_BROWSER;
      // `play` walks the element to the scenario's telling state (the root stories' play functions).
      await page.goto(`/settings?scenario=${id}&theme=${theme}&play`);
      // The slow scenario is shown while it loads; the others once they have settled.
      if (id === 'slow-backend') await page.waitForTimeout(500);
      else {
        await page.waitForSelector('body[data-ready=true]', { timeout: 20_000 });
        await settled(page);
      }
      const playError = await page.evaluate(() => document.body.dataset.playError);
      if (playError) problems.push(`settings ${id} (${theme}): ${playError}`);
      await shot(page, `settings-${id}-${theme}`, { fullPage: true });
    }
    tolerated = null;

    if (wanted(`flow-cloud-${theme}`)) {
      console.log(`cloud flow on the reference backend (${theme})`);
      await cloudFlow(page, theme);
    }

    if (wanted(`flow-msw-cloud-${theme}`)) {
      console.log(`cloud flow on the msw cloud-ready scenario (${theme})`);
      tolerated = REFUSAL_LOGGED_BY_BROWSER;
      await mswCloudFlow(page, theme);
      tolerated = null;
    }

    if (wanted(`flow-msw-revoke-${theme}`)) {
      console.log(`revoke on the msw revoke scenario (${theme})`);
      await mswRevokeFlow(page, theme);
    }

    if (wanted('gallery')) {
      console.log(`gallery (${theme})`);
      await page.goto(`/gallery?theme=${theme}`);
      await page.waitForSelector('body[data-ready=true]', { timeout: 30_000 });
      await page.waitForTimeout(300);
      await shot(page, `gallery-overview-${theme}`);
      for (const id of await page.locator('.story').evaluateAll((cards) => cards.map((c) => c.id))) {
        const name = `gallery-${id}-${theme}`;
        if (!wanted(name)) continue;
        const card = page.locator(`[id="${id}"]`);
        await card.scrollIntoViewIfNeeded();
        // Let floating panels (the open hint) follow their anchors after the scroll.
        await page.waitForTimeout(60);
        await card.screenshot({ path: join(outDir, `${name}.png`), animations: 'disabled' });
      }
      console.log(`  gallery-<story id>-${theme}.png for every story`);
      const failedPlays = await page.locator('.story[data-play=failed]').evaluateAll((cards) =>
        cards.map((c) => `${c.id}: ${c.querySelector('.play-error')?.textContent}`),
      );
      for (const failure of failedPlays) problems.push(`gallery (${theme}): ${failure}`);
    }
    await context.close();

    console.log(`variants: right-to-left, German, brand theme (${theme})`);
    await variantShots(browser, theme);
    if (theme === 'light') {
      console.log('variants: forced colours');
      await variantShots(browser, theme, 'active');
    }
  }
} finally {
  await browser.close();
  await server.close();
}

if (problems.length) {
  console.error(`\n${problems.length} problem(s):`);
  for (const p of problems) console.error(`- ${p}`);
  process.exit(1);
}
console.log(`\nNo console errors. Screenshots in ${outDir}`);
