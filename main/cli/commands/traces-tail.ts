import { setTimeout as sleep } from 'node:timers/promises';
import { SpanFeed } from '../../tracing/span-feed';
import { intOption } from '../int-option';
import { withCore } from '../with-core';
import { traceFilterFrom } from './traces-options';
import { spanJsonLine, spanMatches, spanTextLine } from './traces-tail-line';

export interface TracesTailOptions {
  readonly filter?: readonly string[];
  readonly json?: boolean;
  readonly interval?: string;
  readonly dataDir?: string;
}

/**
 * `assay traces tail`: prints each span stored after it starts, one line each (or JSON lines),
 * until Ctrl+C (exit 0). Spans usually arrive in another process (`assay serve`, the desktop
 * app), so it polls the data directory's database every --interval ms (default 500) for rows
 * stored since the last poll: a cheap rowid range on SQLite (span-feed.ts). It works whether or
 * not a server runs, needs no token, and sees spans of every source.
 */
export async function tracesTailCommand(options: TracesTailOptions): Promise<void> {
  const filter = traceFilterFrom({ filter: options.filter });
  const interval = intOption('--interval', options.interval, 50, 60_000) ?? 500;
  const colour = !options.json && process.stdout.isTTY === true && !process.env.NO_COLOR;
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await withCore(options.dataDir, async (core) => {
      const feed = new SpanFeed(core.store.db, core.store.dialect);
      await feed.start();
      // On stderr even with --json: stdout stays pure JSON lines, and a script knows it is live.
      process.stderr.write(`Following new spans in ${core.store.info.location} (Ctrl+C stops)\n`);
      while (!stop.signal.aborted) {
        const spans = await feed.next();
        const lines = spans
          .filter((s) => spanMatches(s, filter))
          .map((s) => (options.json ? spanJsonLine(s) : spanTextLine(s, colour)));
        if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
        // A full page means more are waiting: read on at once.
        if (spans.length < 2_000)
          await sleep(interval, undefined, { signal: stop.signal }).catch(() => {});
      }
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
