import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devSignIn, launchChromium, phonePage, desktopPage, screenshot, seriousAxeViolations } from './support/browser.js';
import { eventually } from './support/cross-border.js';
import { TestFederation } from './support/federation.js';
import { graphql, nodeInfo } from './support/graphql.js';
import { FEDCTL, PORT_SHIFT, tempDataRoot } from './support/processes.js';

const FORM = { purpose: 'Seasonal engineering work', intendedStayMonths: 6, permitKind: 'first' };
const CITIZEN = 'KZ:IIN:900101300123';

/**
 * The operator console in Debian's Chromium, against a real KZ + TR federation from `fedctl up`: every page
 * through its buttons, the node's answers checked, the screenshots of docs/console.md taken on the way.
 */
describe('the operator console', () => {
  let federation: TestFederation;
  let browser: Browser;
  const pages: Page[] = [];
  const open = async (country: string, path: string, phone = false): Promise<Page> => {
    const page = phone ? await phonePage(browser) : await desktopPage(browser);
    pages.push(page);
    await page.goto(`${federation.url(country)}/console${path}`);
    return page;
  };

  beforeAll(async () => {
    [federation, browser] = await Promise.all([
      TestFederation.up({
        dataRoot: tempDataRoot('console'),
        portOffset: 440 + PORT_SHIFT,
        // KG and UZ for `fedctl demo`'s tax scenario.
        countries: ['KZ', 'TR', 'KG', 'UZ'],
        // A refused message is dead after two tries, so that the test sees one within seconds.
        env: { OUTBOX_MAX_ATTEMPTS: '2', OUTBOX_BASE_DELAY_MS: '100', RATE_LIMIT_PER_MINUTE: '0' },
      }),
      launchChromium(),
    ]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await federation?.down();
  });

  it('is served at /console/ with a strict policy, long-cached assets and the client routes falling back to the page', async () => {
    const base = `${federation.url('KZ')}/console`;
    const index = await fetch(`${base}/`);
    expect(index.status).toBe(200);
    const policy = index.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(index.headers.get('referrer-policy')).toBe('no-referrer');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const html = await index.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const asset = /src="(\/console\/assets\/[^"]+\.js)"/.exec(html)?.[1] as string;
    const script = await fetch(`${federation.url('KZ')}${asset}`);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(script.headers.get('content-type')).toContain('text/javascript');
    const route = await fetch(`${base}/trust`);
    expect(route.status).toBe(200);
    expect(await route.text()).toBe(html);
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
    const settings = (await (await fetch(`${base}/settings.json`)).json()) as Record<string, unknown>;
    expect(settings).toMatchObject({ country: 'KZ', devSignIn: true, oidc: null, audience: 'urn:ots:node:KZ' });
    // The live feed is the node's decision too: no token, no feed; a citizen's token, no feed.
    expect((await fetch(`${base}/api/feed`)).status).toBe(401);
    const citizenFeed = await fetch(`${base}/api/feed`, {
      headers: { authorization: `Bearer ${federation.token('KZ', 'citizen', CITIZEN)}` },
    });
    expect(citizenFeed.status).toBe(403);
  });

  it('refuses a citizen on the admin pages: the node answers FORBIDDEN, the menu offers nothing', async () => {
    const page = await open('KZ', '/federation', true);
    await expect(page.getByTestId('dev-banner').textContent()).resolves.toContain('Development sign-in');
    await screenshot(page, 'sign-in');
    await devSignIn(page, 'citizen', CITIZEN);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.getAttribute('data-code')).toBe('FORBIDDEN');
    expect(await page.locator('nav.menu').count()).toBe(0);
    await page.goto(`${federation.url('KZ')}/console/trust`);
    await devSignIn(page, 'citizen', CITIZEN);
    await page.getByRole('alert').first().waitFor();
    expect(await page.getByRole('alert').first().getAttribute('data-code')).toBe('FORBIDDEN');
    await screenshot(page, 'citizen-refused');
  });

  it('shows a partner suspended on the Federation page, its messages refused and dead, then retried and delivered live', async () => {
    // TR's admin suspends KZ through the console.
    const tr = await open('TR', '/trust');
    await devSignIn(tr, 'admin');
    const anchor = tr.getByTestId('anchor-KZ');
    await anchor.getByRole('button', { name: 'Suspend' }).click();
    await eventually(async () => (await anchor.getByTestId('anchor-status').textContent()) === 'suspended');
    await tr.goto(`${federation.url('TR')}/console/federation`);
    await devSignIn(tr, 'admin');
    await eventually(async () => (await tr.getByTestId('trust-KZ').textContent()) === 'suspended');
    expect(await tr.locator('tr[data-country="KZ"]').textContent()).toContain('yes');
    await screenshot(tr, 'federation-suspended');

    // A KZ citizen applies to TR: TR refuses the message, KZ parks it as dead.
    const applied = await graphql<{ applyAbroad: { id: string } }>(
      federation.url('KZ'),
      'mutation($i: ApplyAbroadInput!) { applyAbroad(input: $i) { id } }',
      {
        token: federation.token('KZ', 'citizen', CITIZEN),
        variables: { i: { country: 'TR', serviceCode: 'TR-RP-WORK', form: FORM, consent: [] } },
      },
    );
    expect(applied.errors).toBeUndefined();
    const kz = await open('KZ', '/messages');
    await devSignIn(kz, 'admin');
    await kz.locator('select[name=status]').selectOption('DEAD');
    const dead = kz.locator('tr[data-status="DEAD"]').first();
    await eventually(async () => {
      await kz.getByRole('button', { name: 'Refresh' }).click();
      return (await dead.count()) > 0;
    });
    expect(await dead.getByTestId('refusal').textContent()).toContain('MESSAGE_UNTRUSTED');
    await screenshot(kz, 'messages-dead');

    // KZ's admin watches the live feed while TR reactivates KZ and the message is retried.
    const feed = await open('KZ', '/federation');
    await devSignIn(feed, 'admin');
    await eventually(async () => (await feed.getByTestId('feed-state').textContent()) === 'live');
    await tr.goto(`${federation.url('TR')}/console/trust`);
    await devSignIn(tr, 'admin');
    await tr.getByTestId('anchor-KZ').getByRole('button', { name: 'Reactivate' }).click();
    await eventually(async () => (await tr.getByTestId('anchor-KZ').getByTestId('anchor-status').textContent()) === 'active');
    const retriedAt = Date.now();
    await dead.getByTestId('retry').click();
    await kz.getByText('The message is back in line').waitFor();
    await feed.getByTestId('feed').getByText('delivered').waitFor({ timeout: 15_000 });
    const seconds = (Date.now() - retriedAt) / 1000;
    expect(seconds).toBeLessThan(10);
    await kz.locator('select[name=status]').selectOption('DELIVERED');
    await eventually(async () => (await kz.locator('tr[data-status="DELIVERED"]').count()) > 0);
    await eventually(async () => (await feed.locator('tr[data-country="TR"]').textContent())?.includes('delivered: 1') ?? false);
    await screenshot(feed, 'federation');
  }, 120_000);

  it('lets a TR officer decide the case, and the citizen’s home node shows the decision', async () => {
    const page = await open('TR', '/cases');
    await devSignIn(page, 'officer', 'TR:OFFICER:1');
    const item = page.locator('[data-testid^="case-"]').first();
    await item.waitFor();
    await item.getByRole('button').first().click();
    await eventually(async () => (await item.getByTestId('evidence-reason').count()) > 0);
    expect(await item.getByTestId('evidence-reason').first().textContent()).toBe('verified');
    await item.locator('input[name=reason]').fill('All documents verified');
    await screenshot(page, 'cases');
    await item.getByTestId('approve').click();
    await eventually(
      async () => (await item.getByTestId('case-status').textContent())?.length !== 0 && (await item.getByTestId('approve').count()) === 0,
    );
    const citizen = federation.token('KZ', 'citizen', CITIZEN);
    await eventually(async () => {
      const mine = await graphql<{ myApplications: { edges: { node: { status: string } }[] } }>(
        federation.url('KZ'),
        '{ myApplications { edges { node { status } } } }',
        { token: citizen },
      );
      return mine.data?.myApplications.edges.some((e) => e.node.status === 'APPROVED') ?? false;
    });
  }, 90_000);

  it('runs the trust ceremony: a typo is marked group by group and cannot be pinned, the right thumbprint can', async () => {
    const page = await open('KZ', '/trust');
    await devSignIn(page, 'admin');
    // Only a new ceremony restores a revoked partner.
    const anchor = page.getByTestId('anchor-TR');
    await anchor.getByRole('button', { name: 'Revoke…' }).click();
    await anchor.getByRole('button', { name: 'Revoke TR for good' }).click();
    await eventually(async () => (await anchor.getByTestId('anchor-status').textContent()) === 'revoked');

    const thumbprint = (await nodeInfo(federation.url('TR'))).data?.node.rootKeyThumbprints[0] as string;
    const ceremony = page.getByTestId('ceremony');
    await ceremony.locator('input[name=partner-url]').fill('http://127.0.0.1:9');
    await ceremony.getByRole('button', { name: 'Fetch and check' }).click();
    await ceremony.getByRole('alert').waitFor();
    expect(await ceremony.getByRole('alert').getAttribute('data-code')).toBe('PARTNER_UNREACHABLE');

    await ceremony.locator('input[name=partner-url]').fill(federation.url('TR'));
    await ceremony.getByRole('button', { name: 'Fetch and check' }).click();
    await ceremony.getByTestId('inspection').waitFor();
    expect(await ceremony.getByTestId('inspection').textContent()).toContain('This node holds it as: revoked.');
    expect((await ceremony.getByTestId('fetched-groups').textContent())?.replace(/\s/g, '')).toBe(thumbprint);
    expect(await ceremony.getByTestId('comparison-code').textContent()).toMatch(/^\d{3} \d{3} \d{3} \d{3}$/);

    const typo = `${thumbprint.slice(0, 5)}${thumbprint[5] === 'x' ? 'y' : 'x'}${thumbprint.slice(6)}`;
    await ceremony.locator('textarea[name=received-thumbprint]').fill(typo);
    expect(await ceremony.getByTestId('match-state').textContent()).toContain('differ');
    expect(await ceremony.locator('[data-differs="true"]').count()).toBe(1);
    expect(await ceremony.locator('[data-differs="true"]').textContent()).toBe(typo.slice(4, 8));
    expect(await ceremony.getByTestId('pin').isDisabled()).toBe(true);
    await screenshot(page, 'trust-ceremony-mismatch');
    const before = (
      await graphql<{ trustAnchors: { country: string; status: string }[] }>(federation.url('KZ'), '{ trustAnchors { country status } }', {
        token: federation.token('KZ', 'admin'),
      })
    ).data;
    expect(before?.trustAnchors.find((a) => a.country === 'TR')?.status).toBe('REVOKED');

    const spaced = thumbprint.replace(/(.{4})/g, '$1 ');
    await ceremony.locator('textarea[name=received-thumbprint]').fill(spaced);
    expect(await ceremony.getByTestId('match-state').textContent()).toBe('The thumbprints match.');
    await screenshot(page, 'trust-ceremony-match');
    await ceremony.getByTestId('pin').click();
    await ceremony.getByTestId('pinned').waitFor();
    await eventually(async () => (await anchor.getByTestId('anchor-status').textContent()) === 'active');

    // The services TR's citizens may use here: a code KZ's catalog lacks is refused at the form, nothing changes.
    await anchor.locator('input[name=services-TR]').fill('KZ-NO-SUCH');
    await anchor.getByRole('button', { name: 'Restrict to these' }).click();
    await anchor.getByRole('alert').waitFor();
    expect(await anchor.getByRole('alert').getAttribute('data-code')).toBe('SERVICE_NOT_FOUND');
    await anchor.locator('input[name=services-TR]').fill('KZ-RP-WORK, KZ-RP-STUDY');
    await anchor.getByRole('button', { name: 'Restrict to these' }).click();
    await anchor.getByRole('button', { name: 'Allow all' }).waitFor();
    expect(await anchor.textContent()).toContain('(KZ-RP-WORK, KZ-RP-STUDY)');
    await screenshot(page, 'trust');
    await anchor.getByRole('button', { name: 'Allow all' }).click();
    await anchor.getByRole('button', { name: 'Allow all' }).waitFor({ state: 'detached' });
  }, 90_000);

  it('keeps the page when the session ends, and signs in again over it', async () => {
    const page = await open('KZ', '/trust');
    // A five-second session: the development sign-in takes a lifetime, the form does not offer one.
    await page.route('**/console/dev-sign-in', (route) =>
      route.continue({ postData: JSON.stringify({ ...(route.request().postDataJSON() as object), ttlSeconds: 5 }) }),
    );
    await devSignIn(page, 'admin');
    await page.getByTestId('ceremony').locator('input[name=partner-url]').fill('https://typed-before-expiry.example');
    await page.getByTestId('session-expired').waitFor({ timeout: 20_000 });
    await screenshot(page, 'session-expired');
    await page.unroute('**/console/dev-sign-in');
    await page.getByTestId('session-expired').locator('button[type=submit]').click();
    await page.getByTestId('session-expired').waitFor({ state: 'detached' });
    expect(await page.getByTestId('ceremony').locator('input[name=partner-url]').inputValue()).toBe('https://typed-before-expiry.example');
  }, 60_000);

  it('shows the messages of `fedctl demo` in the live feed as they happen', async () => {
    const page = await open('TR', '/federation');
    await devSignIn(page, 'admin');
    await eventually(async () => (await page.getByTestId('feed-state').textContent()) === 'live');
    const demo = promisify(execFile)(
      process.execPath,
      [FEDCTL, '--data-dir', federation.dataRoot, '--port-offset', String(federation.portOffset), 'demo', '--lang', 'en'],
      { timeout: 90_000 },
    );
    await page.getByTestId('feed').getByText('application.submit').first().waitFor({ timeout: 30_000 });
    const { stdout } = await demo;
    expect(stdout).toMatch(/\n• .*\n/);
    await eventually(async () => (await page.getByTestId('feed').getByText('application.decision').count()) > 0);
  }, 120_000);

  it('pages the inbox by cursor, forwards and backwards, to the same newest-first list', async () => {
    type InboxPage = {
      edges: { node: { sender: string; jti: string; receivedAt: string; msgType: string } }[];
      pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
    };
    const token = federation.token('TR', 'admin');
    const inbox = async (args: string): Promise<InboxPage> => {
      const answer = await graphql<{ inbox: InboxPage }>(
        federation.url('TR'),
        `{ inbox(${args}) { edges { node { sender jti receivedAt msgType } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
        { token },
      );
      expect(answer.errors).toBeUndefined();
      return answer.data?.inbox as InboxPage;
    };
    const key = (p: InboxPage) => p.edges.map((e) => `${e.node.sender}/${e.node.jti}`);
    const all = await inbox('first: 100');
    expect(all.edges.length).toBeGreaterThanOrEqual(3);
    const times = all.edges.map((e) => e.node.receivedAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(all.edges.map((e) => e.node.msgType)).toContain('APPLICATION_SUBMIT');
    const forwards: string[] = [];
    for (let after: string | null = null; ;) {
      const page: InboxPage = await inbox(`first: 2${after ? `, after: "${after}"` : ''}`);
      forwards.push(...key(page));
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const backwards: string[] = [];
    for (let before: string | null = null; ;) {
      const page: InboxPage = await inbox(`last: 2${before ? `, before: "${before}"` : ''}`);
      backwards.unshift(...key(page));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(forwards).toEqual(key(all));
    expect(backwards).toEqual(key(all));
    const refused = await graphql(federation.url('TR'), '{ inbox(first: 101) { edges { node { jti } } } }', { token });
    expect(refused.errors?.[0]?.extensions?.code).toBe('PAGE_TOO_LARGE');
  }, 60_000);

  it('lists this node’s keys with their days left, and rotates the signer after a confirmation', async () => {
    const page = await open('KZ', '/keys');
    await devSignIn(page, 'admin');
    const table = page.getByTestId('own-keys');
    await table.waitFor();
    expect(await table.locator('tr[data-kind]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')).sort())).toEqual([
      'ENCRYPTION',
      'LOG',
      'ROOT',
      'SIGNER',
    ]);
    expect(await table.locator('tr[data-kind="SIGNER"]').getByTestId('days-left').textContent()).toMatch(/^\d+ days left$/);
    const before = await table.locator('tr[data-kind="SIGNER"] td.mono').textContent();
    await screenshot(page, 'keys');
    await page.getByTestId('rotate').click();
    await page.getByTestId('rotate-confirm').click();
    await page.getByTestId('rotated').waitFor();
    await eventually(async () => (await table.locator('tr[data-kind="SIGNER"] td.mono').textContent()) !== before);
    expect(await page.getByTestId('rotated').textContent()).toContain(
      (await table.locator('tr[data-kind="SIGNER"] td.mono').textContent()) as string,
    );
  }, 60_000);

  it('speaks Kazakh when asked, remembers it, and audits with a verified chain', async () => {
    const page = await open('KZ', '/audit');
    await devSignIn(page, 'admin');
    await page.getByTestId('verify-chain').click();
    expect(await page.getByTestId('chain-result').textContent()).toMatch(/intact/);
    await screenshot(page, 'audit');
    await page.getByTestId('language').selectOption('kk');
    await eventually(async () => (await page.locator('h1').textContent()) !== 'Audit log');
    const kazakh = await page.locator('h1').textContent();
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('kk');
    await page.reload();
    expect(await page.locator('h1').textContent()).not.toBe('Sign in');
    expect(await page.getByTestId('language').inputValue()).toBe('kk');
    await devSignIn(page, 'admin');
    expect(await page.locator('h1').textContent()).toBe(kazakh);
    await screenshot(page, 'audit-kk');
  }, 60_000);

  it('has no serious or critical accessibility violation on any page, at 360 px', async () => {
    const found: Record<string, string[]> = {};
    for (const [path, role] of [
      ['/federation', 'admin'],
      ['/trust', 'admin'],
      ['/messages', 'admin'],
      ['/keys', 'admin'],
      ['/audit', 'admin'],
      ['/cases', 'officer'],
    ] as const) {
      const page = await open('KZ', path, true);
      found[`${path} (signed out)`] = await seriousAxeViolations(page);
      await devSignIn(page, role);
      await page.locator('h1').first().waitFor();
      await eventually(async () => (await page.getByText('Loading…').count()) === 0);
      found[path] = await seriousAxeViolations(page);
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
      if (path === '/federation') await screenshot(page, 'federation-360');
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
  }, 90_000);

  it('walks the audit log a page at a time with Next and Previous', async () => {
    // Last, so that the screenshots above show a log of varied entries. More than a page (fifty) of audited
    // changes: each restriction of a partner's services is one entry.
    const token = federation.token('KZ', 'admin');
    for (let i = 0; i < 51; i += 1) {
      const answer = await graphql(
        federation.url('KZ'),
        'mutation { restrictPartnerServices(country: "KG", services: null) { country } }',
        {
          token,
        },
      );
      expect(answer.errors).toBeUndefined();
    }
    const page = await open('KZ', '/audit');
    await devSignIn(page, 'admin');
    const firstSeq = async () => Number(await page.getByTestId('audit').locator('tbody tr td').first().textContent());
    await page.getByTestId('audit').waitFor();
    expect(await page.getByTestId('audit-previous').count()).toBe(0);
    const newest = await firstSeq();
    expect(await page.getByTestId('audit').locator('tbody tr').count()).toBe(50);
    await page.getByTestId('audit-next').click();
    await eventually(async () => (await firstSeq()) === newest - 50);
    await page.getByTestId('audit-previous').click();
    await eventually(async () => (await firstSeq()) === newest);
    expect(await page.getByTestId('audit-previous').count()).toBe(0);
  }, 60_000);
});
