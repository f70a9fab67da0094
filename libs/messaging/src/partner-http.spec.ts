import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson } from './partner-http.js';

describe('postJson, the partner-node HTTP client', () => {
  let server: Server;
  let base: string;
  const seen: { method?: string; type?: string; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ method: req.method, type: req.headers['content-type'], body: Buffer.concat(chunks).toString() });
        if (req.url === '/huge') return res.end('x'.repeat(300 * 1024));
        if (req.url === '/slow') return setTimeout(() => res.end('late'), 2000);
        res.statusCode = req.url === '/refuse' ? 400 : 200;
        res.end(JSON.stringify({ echo: Buffer.concat(chunks).toString() }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('POSTs JSON and returns status and body, over a kept-alive connection', async () => {
    const first = await postJson(`${base}/graphql`, '{"a":1}', 1000);
    expect(first).toMatchObject({ status: 200, body: JSON.stringify({ echo: '{"a":1}' }), contentType: '' });
    expect(Math.abs((first.date?.getTime() ?? 0) - Date.now())).toBeLessThan(5000);
    expect(seen.at(-1)).toEqual({ method: 'POST', type: 'application/json', body: '{"a":1}' });
    expect((await postJson(`${base}/refuse`, 'Жазу', 1000)).status).toBe(400);
    expect(seen.at(-1)?.body).toBe('Жазу');
  });

  it('gives up on an answer too large, too slow, an unsupported scheme or nobody listening', async () => {
    await expect(postJson(`${base}/huge`, '{}', 1000)).rejects.toThrow(/larger than/);
    await expect(postJson(`${base}/slow`, '{}', 200)).rejects.toThrow();
    await expect(postJson('ftp://127.0.0.1/x', '{}', 200)).rejects.toThrow(/unsupported protocol/);
    await expect(postJson('http://127.0.0.1:1/graphql', '{}', 1000)).rejects.toThrow();
  });
});
