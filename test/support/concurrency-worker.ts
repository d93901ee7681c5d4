// One of several processes sharing one database (test/integration/concurrent-processes.test.ts):
// node --import tsx test/support/concurrency-worker.ts <dataDir> '<task as JSON>'
// The database comes from ASSAY_DATABASE_URL (Postgres) or the data directory (SQLite). Prints
// what it did as one JSON line.
import { createHeadlessCore } from '../../main/app/create-headless-core';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import { z } from 'zod';
import { parseJson } from './parse-json';

const taskSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('saves'), prompt: z.string(), count: z.number(), tag: z.string() }),
  z.object({
    kind: z.literal('labels'),
    prompt: z.string(),
    label: z.string(),
    versions: z.array(z.string()),
    count: z.number(),
  }),
]);

const [dataDir, taskJson] = process.argv.slice(2);
const task = parseJson(taskSchema, taskJson!, 'the task argument');
const core = await createHeadlessCore(dataDir!, process.env);

async function call<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await core.dispatcher.dispatch(channel, input, { transport: 'cli' });
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.data as ChannelOutput<C>;
}

const done: string[] = [];
try {
  if (task.kind === 'saves') {
    for (let i = 0; i < task.count; i++) {
      const saved = await call('prompts.update', {
        name: task.prompt,
        content: { text: `${task.tag} edit ${i} {{q}}` },
      });
      done.push(saved.version.version);
    }
  } else {
    for (let i = 0; i < task.count; i++) {
      const version = task.versions[i % task.versions.length]!;
      await call('prompts.setLabel', { name: task.prompt, label: task.label, version });
      done.push(version);
    }
  }
  process.stdout.write(`${JSON.stringify({ done })}\n`);
} finally {
  await core.close();
}
