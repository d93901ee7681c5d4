// The fake OpenAI server in a process of its own, so a benchmark measures the client side
// without the server competing for the same event loop. Prints its URL, exits on SIGTERM.
import { startOpenAiFake } from '../../test/fakes/openai-fake';

const server = await startOpenAiFake();
server.record = false;
server.latencyMs = Number(process.env.FAKE_LATENCY_MS ?? 0);
process.stdout.write(`${server.url}\n`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
