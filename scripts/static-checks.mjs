#!/usr/bin/env node
// `npm test`'s typecheck and lint, in two lanes at once: each tool runs on one core, so one after
// the other they left CI's second core idle for about 90 s. Each lane's output is printed whole
// when it ends (never interleaved), and any failure fails the run after both lanes finish.
import { spawn } from 'node:child_process';

const LANES = [
  [
    ['tsc', '-p', 'tsconfig.node.json', '--noEmit'],
    ['tsc', '-p', 'tsconfig.web.json', '--noEmit'],
  ],
  [
    ['eslint', '.', '--max-warnings', '0'],
    ['prettier', '--check', '.'],
  ],
];

/** Runs one command through npx, resolving with its exit code and everything it printed. */
function run(argv) {
  return new Promise((resolve) => {
    const child = spawn('npx', ['--no-install', ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    child.on('error', (err) => resolve({ code: 1, output: `${err.message}\n` }));
    child.on('close', (code) =>
      resolve({ code: code ?? 1, output: Buffer.concat(chunks).toString() }),
    );
  });
}

async function lane(commands) {
  let failed = false;
  for (const argv of commands) {
    const started = Date.now();
    const { code, output } = await run(argv);
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    process.stdout.write(
      `\n> ${argv.join(' ')} (${code === 0 ? 'ok' : `exit ${code}`}, ${seconds} s)\n`,
    );
    if (output.trim()) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
    // A lane stops at its first failure, as `a && b` did; the other lane still finishes.
    if (code !== 0) {
      failed = true;
      break;
    }
  }
  return failed;
}

const failures = await Promise.all(LANES.map(lane));
process.exitCode = failures.some(Boolean) ? 1 : 0;
