import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from './processes.js';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const SCREENSHOTS = join(ROOT, 'docs', 'console');

/** Debian's Chromium, headless: Playwright's own browser download cannot be fetched here (.ci/run installs it). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A new page at a phone's width (360 px): every page of the console must work there. */
export async function phonePage(browser: Browser, locale = 'en-GB'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale });
  return context.newPage();
}

export async function desktopPage(browser: Browser, locale = 'en-GB'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale });
  return context.newPage();
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the page as it is now (an empty list is the pass). */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  // Evaluated by the browser's debugging protocol: the console's policy (rightly) refuses an injected script tag.
  if (!(await page.evaluate<boolean>("'axe' in window"))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate<AxeViolation[]>('axe.run(document).then((result) => result.violations)');
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Keeps docs/console/<name>.png true to the console: the tests take them. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Signs in through the development form (DEV_IDP=on) as `role`. */
export async function devSignIn(page: Page, role: 'admin' | 'officer' | 'citizen', subject?: string): Promise<void> {
  const form = page.getByTestId('dev-sign-in').first();
  await form.locator('select[name=role]').selectOption(role);
  if (subject) await form.locator('input[name=subject]').fill(subject);
  await form.locator('button[type=submit]').click();
  await page.getByTestId('who').waitFor();
}
