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
    // The partners and the diagnostics each ask the node, and each is refused.
    const alert = page.getByRole('alert').first();
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
    // The delivered message's envelope header and TR's receipt for it, field by field.
    const delivered = kz.locator('tr[data-status="DELIVERED"]').first();
    const jti = ((await delivered.getAttribute('data-testid')) as string).replace(/^message-/, '');
    await delivered.getByTestId('envelope').locator('summary').click();
    await delivered.getByTestId('receipt').locator('summary').click();
    const field = (box: string, name: string) => delivered.getByTestId(box).locator(`[data-field="${name}"] dd`).textContent();
    expect(await field('envelope', 'typ')).toBe('ots-msg+jwt');
    expect(await field('envelope', 'iss')).toBe('KZ');
    expect(await field('envelope', 'aud')).toBe('TR');
    expect(await field('envelope', 'jti')).toBe(jti);
    expect(await field('envelope', 'msg_type')).toBe('application.submit');
    expect(await field('receipt', 'typ')).toBe('ots-receipt+jwt');
    expect(await field('receipt', 'iss')).toBe('TR');
    expect(await field('receipt', 'msg_jti')).toBe(jti);
    expect(await field('receipt', 'msg_sha256')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await delivered.getByTestId('envelope').textContent()).not.toContain('Seasonal engineering work');
    await screenshot(kz, 'messages');
    await eventually(async () => (await feed.locator('tr[data-country="TR"]').textContent())?.includes('delivered: 1') ?? false);
    // The node's self-checks beside the partners: a development node warns of its development sign-in, with the fix.
    const devIdp = feed.getByTestId('diagnostics').locator('tr[data-check="config.dev-idp"]');
    expect(await devIdp.getAttribute('data-status')).toBe('WARN');
    expect(await devIdp.getByTestId('fix').textContent()).toBe('set DEV_IDP=off outside development');
    const reachable = feed.getByTestId('diagnostics').locator('tr[data-check="partner.reachable"][data-subject="TR"]');
    expect(await reachable.getAttribute('data-status')).toBe('OK');
    expect(await reachable.getByTestId('fix').textContent()).toBe('—');
    expect(await feed.getByTestId('diagnostics-summary').textContent()).toMatch(/^KZ: \d+ ok, \d+ warn, 0 fail$/);
    await screenshot(feed, 'federation');
  }, 120_000);

  it('lets a TR officer ask for evidence on one case and decide another, and the citizen’s home node shows the decision', async () => {
    const first = await graphql<{ cases: { edges: { node: { id: string } }[] } }>(
      federation.url('TR'),
      '{ cases { edges { node { id } } } }',
      {
        token: federation.token('TR', 'officer', 'TR:OFFICER:1'),
      },
    );
    const decided = first.data?.cases.edges[0]?.node.id as string;
    // A second application of the same citizen, for the officer to ask its home node for a document.
    const second = await graphql<{ applyAbroad: { id: string } }>(
      federation.url('KZ'),
      'mutation($i: ApplyAbroadInput!) { applyAbroad(input: $i) { id } }',
      {
        token: federation.token('KZ', 'citizen', CITIZEN),
        variables: { i: { country: 'TR', serviceCode: 'TR-RP-WORK', form: FORM, consent: [] } },
      },
    );
    expect(second.errors).toBeUndefined();
    await eventually(async () => {
      const now = await graphql<{ cases: { edges: { node: { status: string } }[] } }>(
        federation.url('TR'),
        '{ cases { edges { node { status } } } }',
        {
          token: federation.token('TR', 'officer', 'TR:OFFICER:1'),
        },
      );
      return now.data?.cases.edges.length === 2 && now.data.cases.edges[0]?.node.status === 'UNDER_REVIEW';
    });
    const page = await open('TR', '/cases');
    await devSignIn(page, 'officer', 'TR:OFFICER:1');
    const asked = page.locator(`li[data-testid^="case-"]:not([data-testid="case-${decided}"])`);
    await asked.getByRole('button').first().click();
    await asked.getByTestId('request-evidence').waitFor();
    await asked.locator('select[name=doc-type]').selectOption('CRIMINAL_RECORD_CERTIFICATE');
    await asked.getByTestId('request-evidence').click();
    await eventually(async () => (await asked.getByTestId('case-status').textContent()) === 'Evidence requested');
    // The home node holds the request for the citizen: the consent recorded did not cover that document. The
    // citizen declines it (`fedctl demo`, later, answers the citizen's first pending request), and the case is back
    // under review at TR.
    const citizenToken = federation.token('KZ', 'citizen', CITIZEN);
    let requestId: string | undefined;
    await eventually(async () => {
      const pending = await graphql<{ pendingEvidenceRequests: { id: string; docType: string }[] }>(
        federation.url('KZ'),
        '{ pendingEvidenceRequests { id docType } }',
        { token: citizenToken },
      );
      requestId = pending.data?.pendingEvidenceRequests.find((r) => r.docType === 'CRIMINAL_RECORD_CERTIFICATE')?.id;
      return requestId !== undefined;
    });
    const declined = await graphql(
      federation.url('KZ'),
      'mutation($id: String!) { answerEvidenceRequest(id: $id, approve: false) { status } }',
      {
        token: citizenToken,
        variables: { id: requestId },
      },
    );
    expect(declined.errors).toBeUndefined();

    const item = page.getByTestId(`case-${decided}`);
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
    // A wrong URL: a web page that answers, but no node's entity configuration; then a URL the node does not fetch.
    for (const [url, code] of [
      [`${federation.url('TR')}/console/trust`, 'BAD_ENTITY_CONFIGURATION'],
      ['ftp://partner.example', 'BAD_INPUT'],
    ] as const) {
      await ceremony.locator('input[name=partner-url]').fill(url);
      await ceremony.getByRole('button', { name: 'Fetch and check' }).click();
      await eventually(async () => (await ceremony.getByRole('alert').getAttribute('data-code')) === code);
    }
    expect(await ceremony.getByTestId('inspection').count()).toBe(0);

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

  it('adds, edits and retires a service with its nine languages side by side; a missing translation is marked at its field, in the admin’s language, and changes nothing', async () => {
    const CODE = 'KZ-RP-CONSOLE';
    const admin = federation.token('KZ', 'admin');
    const serviceOf = async (lang = 'EN') =>
      graphql<{ service: { name: string; retired: boolean; translations: { language: string }[] } }>(
        federation.url('KZ'),
        `{ service(code: "${CODE}", lang: ${lang}) { name retired translations { language } } }`,
        { token: admin },
      );
    const page = await open('KZ', '/registry');
    await devSignIn(page, 'admin');
    await page.getByTestId('services').waitFor();
    await page.getByTestId('add-service').click();
    const form = page.getByTestId('service-form');
    await form.locator('input[name=code]').fill(CODE);
    await form.locator('input[name="fee.currency"]').fill('KZT');
    await form.locator('input[name=legalBasis]').fill('Law on Migration, art. 12');
    await form.locator('input[name=responsibleAuthority]').fill('Migration Service');
    await form.locator('input[name=crossBorder]').fill('TR');
    const names: Record<string, string> = {
      en: 'Console-made work permit',
      kk: 'Консольден жасалған жұмыс рұқсаты',
      ru: 'Разрешение на работу из консоли',
      tr: 'Konsoldan çalışma izni',
      ky: 'Консолдон жасалган иш уруксаты',
      uz: 'Konsoldan ish ruxsati',
      az: 'Konsoldan iş icazəsi',
      hu: 'Konzolból felvett munkavállalási engedély',
      tk: 'Konsoldan iş rugsady',
    };
    // Eight languages filled, Turkmen left out.
    for (const [lang, name] of Object.entries(names).filter(([lang]) => lang !== 'tk')) {
      await form.locator(`input[name="texts.${lang}.name"]`).fill(name);
      await form.locator(`textarea[name="texts.${lang}.description"]`).fill(`${name}.`);
    }
    expect(await form.getByTestId('languages').locator('fieldset').count()).toBe(9);
    await page.getByTestId('language').selectOption('ru');
    await form.getByTestId('save-service').click();
    const marked = form.getByTestId('field-error-texts.tk.name');
    await marked.waitFor();
    expect(await marked.textContent()).toBe('Нет перевода на язык «Türkmençe»: впишите его здесь.');
    expect(await form.locator('input[name="texts.tk.name"]').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByTestId('field-error-texts.tk.description').count()).toBe(1);
    expect(await form.locator('[aria-invalid="true"]').count()).toBe(2);
    expect(await form.getByRole('alert').getAttribute('data-code')).toBe('INVALID_SERVICE');
    await screenshot(page, 'registry-missing-translation');
    expect((await serviceOf()).errors?.[0]?.extensions?.code).toBe('SERVICE_NOT_FOUND');

    await page.getByTestId('language').selectOption('en');
    await form.locator('input[name="texts.tk.name"]').fill(names.tk as string);
    await form.locator('textarea[name="texts.tk.description"]').fill(`${names.tk}.`);
    await form.getByTestId('save-service').click();
    expect(await page.getByTestId('registry-saved').textContent()).toBe(`${CODE} is saved.`);
    expect((await serviceOf('TK')).data?.service.name).toBe(names.tk);
    expect((await serviceOf()).data?.service.translations).toHaveLength(9);

    // Edit: the form opens with what the node holds in each language; a changed English name is saved.
    const row = page.locator(`tr[data-code="${CODE}"]`);
    await row.getByRole('button', { name: 'Edit' }).click();
    expect(await form.locator('input[name="texts.hu.name"]').inputValue()).toBe(names.hu);
    expect(await form.locator('input[name=code]').getAttribute('readonly')).not.toBeNull();
    await form.locator('input[name="texts.en.name"]').fill('Work permit, made in the console');
    await form.locator('input[name="fee.currency"]').fill('tenge');
    await form.getByTestId('save-service').click();
    await form.getByTestId('field-error-fee.currency').waitFor();
    expect((await serviceOf()).data?.service.name).toBe(names.en);
    await form.locator('input[name="fee.currency"]').fill('KZT');
    await form.getByTestId('save-service').click();
    await page.getByTestId('registry-saved').waitFor();
    expect((await serviceOf()).data?.service.name).toBe('Work permit, made in the console');
    await screenshot(page, 'registry');

    await row.getByRole('button', { name: 'Retire' }).click();
    await row.waitFor({ state: 'detached' });
    expect((await serviceOf()).data?.service.retired).toBe(true);
  }, 60_000);

  it('lets an officer ask a partner about a taxpayer number and lists the checks asked', async () => {
    const page = await open('UZ', '/taxpayers');
    await devSignIn(page, 'officer', 'UZ:OFFICER:1');
    const form = page.getByTestId('verify-taxpayer');
    await form.locator('input[name=country]').fill('XX');
    await form.locator('input[name=tin]').fill('21203199000123');
    await form.getByRole('button', { name: 'Ask the partner' }).click();
    await form.getByRole('alert').waitFor();
    expect(await form.getByRole('alert').textContent()).not.toBe('');
    await form.locator('input[name=country]').fill('kg');
    await form.getByRole('button', { name: 'Ask the partner' }).click();
    await form.getByTestId('taxpayer-answer').waitFor();
    expect(await form.getByTestId('taxpayer-answer').textContent()).toBe('valid · resident');
    await eventually(async () => (await page.getByTestId('taxpayer-checks').locator('tr[data-status="ANSWERED"]').count()) > 0);
    await screenshot(page, 'taxpayers');
  }, 60_000);

  it('lists this node’s keys, and rotates the signer and rolls the root over, each after a preview of what partners will see', async () => {
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
    const thumbprintOf = async (kind: string) => (await table.locator(`tr[data-kind="${kind}"] td.mono`).allTextContents()) as string[];
    const [signer] = await thumbprintOf('SIGNER');
    const [root] = await thumbprintOf('ROOT');
    await screenshot(page, 'keys');

    // Signer rotation: the preview names the signer leaving the JWKS and a new one certified by the root, valid from now.
    const rotation = page.getByTestId('rotate-signer');
    await rotation.getByTestId('rotate-signer-preview').click();
    const seen = rotation.getByTestId('rotate-signer-what-partners-see');
    await seen.waitFor();
    expect(await seen.getByTestId('retiring').textContent()).toContain(signer);
    expect(await seen.getByTestId('added').textContent()).toMatch(/^signer · new key · valid .+ – .+ · certified by root /);
    expect(await seen.getByTestId('roots-kept').textContent()).toBe(root);
    expect(await seen.getByTestId('signed-by').textContent()).toBe(root);
    await screenshot(page, 'keys-rotation-preview');
    await rotation.getByTestId('rotate-signer-confirm').click();
    await rotation.getByTestId('rotate-signer-done').waitFor();
    await eventually(async () => (await thumbprintOf('SIGNER'))[0] !== signer);
    expect(await rotation.getByTestId('rotate-signer-done').textContent()).toContain((await thumbprintOf('SIGNER'))[0] as string);

    // Root rollover, first half: a second root announced under the first; a third is refused in the preview.
    const addRoot = page.getByTestId('add-root');
    await addRoot.getByTestId('add-root-preview').click();
    expect(await addRoot.getByTestId('roots-kept').textContent()).toBe(root);
    expect(await addRoot.getByTestId('added').textContent()).toContain('root · new key');
    await addRoot.getByTestId('add-root-confirm').click();
    await addRoot.getByTestId('add-root-done').waitFor();
    await eventually(async () => (await thumbprintOf('ROOT')).length === 2);
    const added = (await thumbprintOf('ROOT')).find((r) => r !== root) as string;
    await addRoot.getByTestId('add-root-preview').click();
    expect(await addRoot.getByTestId('blocked').textContent()).toBe('Two root keys are active already: retire one first.');
    expect(await addRoot.getByTestId('add-root-confirm').isDisabled()).toBe(true);

    // Second half: retiring the old root re-certifies signer, encryption and log keys under the new one, which signs.
    const retire = page.getByTestId(`retire-root-${root.slice(0, 8)}`);
    await retire.getByTestId(`retire-root-${root.slice(0, 8)}-preview`).click();
    const retiring = await retire.getByTestId('retiring').textContent();
    for (const kind of ['ROOT', 'SIGNER', 'ENCRYPTION', 'LOG'])
      expect(retiring).toContain((await thumbprintOf(kind)).find((k) => k !== added));
    expect(await retire.getByTestId('roots-kept').textContent()).toBe(added);
    expect(await retire.getByTestId('signed-by').textContent()).toBe(added);
    expect(await retire.getByTestId('added').textContent()).toContain(`certified by root ${added.slice(0, 12)}`);
    await screenshot(page, 'keys-rollover-preview');
    await retire.getByTestId(`retire-root-${root.slice(0, 8)}-confirm`).click();
    await eventually(async () => (await thumbprintOf('ROOT')).join() === added);
    const info = await nodeInfo(federation.url('KZ'));
    expect(info.data?.node.rootKeyThumbprints).toEqual([added]);
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
      ['/registry', 'admin'],
      ['/cases', 'officer'],
      ['/taxpayers', 'officer'],
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
