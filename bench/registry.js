import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { load, median, ROOT, startNode, tempDir, token } from './support.js';
import { RUNS, DURATION, record } from './results.js';

export async function registryQuery() {
  const dataRoot = tempDir('registry');
  const node = await startNode('TR', dataRoot, 4903);
  const query = JSON.stringify({
    query:
      '{ services(lang: KK, first: 50) { totalCount edges { cursor node { code name description category lifeEvents audiences crossBorder fee { amount currency } processingDays onlineLevel language } } } }',
  });
  const precomputed = await (
    await fetch(`${node.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query })
  ).text();
  const bare = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import Fastify from 'fastify'; const body = process.argv[1]; const app = Fastify(); app.post('/graphql', (req, reply) => reply.header('content-type', 'application/json').send(body)); await app.listen({ port: 4904, host: '127.0.0.1' }); console.log('ready');`,
      precomputed,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  // The same resolver on @nestjs/apollo with Express (bench/apollo-express.js).
  const apollo = spawn(process.execPath, [join(ROOT, 'bench/apollo-express.js'), '--country', 'TR', '--port', '4905'], {
    env: { ...process.env, DATA_DIR: tempDir('apollo'), DEV_IDP: 'on', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await Promise.all([bare, apollo].map((child) => new Promise((r) => child.stdout.once('data', r))));
  const apolloAnswer = await (
    await fetch('http://127.0.0.1:4905/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: query })
  ).json();
  if (JSON.stringify(apolloAnswer.data) !== JSON.stringify(JSON.parse(precomputed).data))
    throw new Error('Apollo/Express answers differently');
  // A bearer token skips the node's response cache: GraphQL runs for every request.
  const citizen = token(dataRoot, 'TR', 'TR:TCKN:10000000146', 'citizen');
  const post = (url, headers = {}) => ({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: query,
    duration: DURATION,
  });
  try {
    const [nodeRuns, executedRuns, bareRuns, apolloRuns] = [[], [], [], []];
    for (let run = 0; run < RUNS; run += 1) {
      nodeRuns.push(await load(post(`${node.url}/graphql`)));
      executedRuns.push(await load(post(`${node.url}/graphql`, { authorization: `Bearer ${citizen}` })));
      bareRuns.push(await load(post('http://127.0.0.1:4904/graphql')));
      apolloRuns.push(await load(post('http://127.0.0.1:4905/graphql')));
    }
    const [rps, executedRps, bareRps, apolloRps] = [nodeRuns, executedRuns, bareRuns, apolloRuns].map((runs) =>
      median(runs.map((r) => r.rps)),
    );
    record(
      'services(lang: "kk", first: 50), 32 connections (req/s)',
      rps,
      'req/s',
      bareRps,
      'req/s bare Fastify, same JSON',
      rps / bareRps,
      '>= 0.6 of bare Fastify',
      rps / bareRps >= 0.6,
    );
    record(
      'services(lang: "kk", first: 50) against Apollo on Express (req/s)',
      rps,
      'req/s',
      apolloRps,
      'req/s same resolver on @nestjs/apollo + Express',
      rps / apolloRps,
      '>= 2.5x Apollo/Express',
      rps / apolloRps >= 2.5,
    );
    record(
      'the same with GraphQL executed (bearer token skips the response cache) against Apollo on Express (req/s)',
      executedRps,
      'req/s',
      apolloRps,
      'req/s same resolver on @nestjs/apollo + Express',
      executedRps / apolloRps,
      '>= 2.5x Apollo/Express',
      executedRps / apolloRps >= 2.5,
    );
    const p99 = median(nodeRuns.map((r) => r.p99));
    record('services(lang: "kk", first: 50) p99 latency (ms)', p99, 'ms', null, '', null, '< 25 ms', p99 < 25);
  } finally {
    bare.kill('SIGTERM');
    apollo.kill('SIGTERM');
    await node.stop();
  }
}
