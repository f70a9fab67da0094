// The reachable heap of a benchmark node, read through the V8 inspector (the node runs with `--inspect`, bench only).
// `ots_heap_live_bytes` is what the last ordinary mark-compact left, which on a busy node includes objects allocated
// while it marked; forcing a precise collection first leaves only what the node still holds.
import WebSocket from 'ws';

/** Opens one inspector session to the node listening on `port`; it stays open for the whole benchmark. */
export async function connectHeapInspector(port) {
  const [target] = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data));
    const call = pending.get(message.id);
    if (!call) return;
    pending.delete(message.id);
    if (message.error) call.reject(new Error(`inspector: ${message.error.message}`));
    else call.resolve(message.result);
  });
  socket.on('close', () => {
    for (const call of pending.values()) call.reject(new Error('inspector: session closed'));
    pending.clear();
  });
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });
  return {
    /** MiB of V8 heap in use right after a forced full collection: what the node keeps. */
    async reachableHeapMiB() {
      await send('HeapProfiler.collectGarbage');
      const { usedSize } = await send('Runtime.getHeapUsage');
      return usedSize / 2 ** 20;
    },
    close: () => socket.close(),
  };
}
