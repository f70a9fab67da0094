import { useEffect, useState } from 'react';

/** One line of the live feed (libs/console-api, MessageFeedService). */
export interface FeedEvent {
  kind: 'queued' | 'delivered' | 'dead' | 'received';
  at: string;
  partner: string;
  msgType: string;
  jti: string;
}

const RECONNECT_MS = 5000;
const KEEP = 50;

/** Splits a server-sent events stream into the `data:` payload of each event. */
export function parseEvents(buffer: string): { events: string[]; rest: string } {
  const blocks = buffer.split('\n\n');
  const rest = blocks.pop() ?? '';
  const events = blocks.flatMap((block) => {
    const data = block
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).trimStart());
    return data.length ? [data.join('\n')] : [];
  });
  return { events, rest };
}

/**
 * The node's live feed, newest first. Read with fetch rather than EventSource, which cannot send the bearer token;
 * after a broken connection it tries again in five seconds.
 */
export function useFeed(token: string | undefined): { events: FeedEvent[]; connected: boolean } {
  const [events, setEvents] = useState<FeedEvent[]>([]);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (!token) return;
    const abort = new AbortController();
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connect = async () => {
      try {
        const response = await fetch('/console/api/feed', { headers: { authorization: `Bearer ${token}` }, signal: abort.signal });
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        setConnected(true);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          const parsed = parseEvents(buffer + value);
          buffer = parsed.rest;
          const fresh = parsed.events.map((e) => JSON.parse(e) as FeedEvent);
          if (fresh.length) setEvents((old) => [...fresh.reverse(), ...old].slice(0, KEEP));
        }
      } catch {
        // Aborted on leaving the page, or the node went away: either way, not connected now.
      }
      setConnected(false);
      if (!abort.signal.aborted) retry = setTimeout(() => void connect(), RECONNECT_MS);
    };
    void connect();
    return () => {
      abort.abort();
      if (retry) clearTimeout(retry);
    };
  }, [token]);
  return { events, connected };
}
