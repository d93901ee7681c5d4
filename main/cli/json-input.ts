import fs from 'node:fs';
import { AssayError } from '../../shared/errors';
import { importTooLarge, MAX_IMPORT_BYTES } from '../evals/datasets/limits';
import { findJsonSyntaxError, lineAndColumn } from './json-syntax';

/** Where a command's JSON comes from: `--json TEXT`, `--file FILE`, or `-` (stdin). */
export interface JsonInputOptions {
  readonly json?: string;
  readonly file?: string;
  /** The positional `-`. */
  readonly stdin?: boolean;
}

const usage = (message: string): AssayError => new AssayError('VALIDATION_FAILED', message);

async function readStdin(where: string): Promise<string> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    bytes += chunk.byteLength;
    if (bytes > MAX_IMPORT_BYTES) throw importTooLarge(where, bytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function readFile(file: string, where: string): string {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new AssayError('NOT_FOUND', `${where}: no file at ${file}`);
  }
  if (size > MAX_IMPORT_BYTES) throw importTooLarge(where, size);
  return fs.readFileSync(file, 'utf8');
}

/**
 * Parses JSON text; when it does not parse, the error names where (`cases.json:3:36`, or
 * `--json at line 1, column 9`) and what was expected there, never the text itself.
 */
export function parseJsonText(text: string, source: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  try {
    const value: unknown = JSON.parse(body);
    return value;
  } catch (err) {
    const found = findJsonSyntaxError(body);
    const reason = found?.reason ?? (err instanceof Error ? err.message.split('\n')[0] : 'invalid');
    const { line, column } = lineAndColumn(body, found?.offset ?? body.length);
    const where =
      source === '--json'
        ? `--json at line ${line}, column ${column}`
        : `${source}:${line}:${column}`;
    throw usage(`${where}: not valid JSON: ${reason}`);
  }
}

/** Reads and parses the JSON a command was given; exactly one source must be named. */
export async function readJsonInput(options: JsonInputOptions, where: string): Promise<unknown> {
  const given = [options.json !== undefined, options.file !== undefined, options.stdin === true];
  if (given.filter(Boolean).length !== 1)
    throw usage(`${where} needs its JSON from exactly one of --json '…', --file FILE or - (stdin)`);
  if (options.json !== undefined) {
    if (Buffer.byteLength(options.json) > MAX_IMPORT_BYTES)
      throw importTooLarge(where, Buffer.byteLength(options.json));
    return parseJsonText(options.json, '--json');
  }
  if (options.stdin === true || options.file === '-')
    return parseJsonText(await readStdin(where), 'stdin');
  return parseJsonText(readFile(options.file!, where), options.file!);
}
