import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const RULES_DIR = fileURLToPath(new URL('../../../docs/monitoring', import.meta.url));

/** promtool comes with Debian's prometheus package (.ci/run installs it). */
function promtool(...args: string[]): { status: number | null; output: string } {
  const result = spawnSync('promtool', args, { cwd: RULES_DIR, encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('docs/monitoring/alerts.yml', () => {
  it('is a valid rule file (promtool check rules)', () => {
    const { status, output } = promtool('check', 'rules', 'alerts.yml');
    expect(output).toContain('SUCCESS: 7 rules found');
    expect(status).toBe(0);
  });

  it('fires as its unit tests say (promtool test rules)', () => {
    const { status, output } = promtool('test', 'rules', 'alerts.test.yml');
    expect(output).toContain('SUCCESS');
    expect(status).toBe(0);
  });
});

describe('docs/monitoring/dashboard.json', () => {
  it('is a Grafana dashboard whose queries are valid PromQL (promtool)', () => {
    const dashboard = JSON.parse(readFileSync(`${RULES_DIR}/dashboard.json`, 'utf8')) as { panels: { targets: { expr: string }[] }[] };
    const exprs = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr));
    expect(exprs.length).toBeGreaterThan(10);
    // A rule file of the dashboard's queries: promtool parses every expression.
    const rules = { groups: [{ name: 'dashboard', rules: exprs.map((expr, i) => ({ record: `dashboard:panel${i}`, expr })) }] };
    const file = join(mkdtempSync(join(tmpdir(), 'ots-dashboard-')), 'rules.yml');
    writeFileSync(file, JSON.stringify(rules));
    const { status, output } = promtool('check', 'rules', file);
    expect(output).toContain(`SUCCESS: ${exprs.length} rules found`);
    expect(status).toBe(0);
  });
});
