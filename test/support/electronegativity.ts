import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { AssayError } from '../../shared/errors';
import { readJsonFile } from './parse-json';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const SCANNER_DIR = path.join(REPO_ROOT, 'scripts/electronegativity');

/** The sources an Electron misconfiguration can live in: the app as it ships, tests left out. */
const SOURCE_DIRS = ['main', 'preload', 'renderer'];
// What the tool reads; it skips every other extension.
const SOURCE_FILE = /\.(?:js|jsx|ts|tsx|html?)$/;
const TEST_FILE = /\.(?:test|spec|e2e)\.[cm]?[jt]sx?$/;

const findingSchema = z.object({
  check: z.string(),
  severity: z.enum(['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH']),
  confidence: z.string(),
  /** Relative to the scanned folder, or "N/A" for an app-wide finding. */
  file: z.string(),
  line: z.number(),
  /** The source line the finding points at ('' for app-wide findings). */
  sample: z.string(),
  description: z.string(),
  manualReview: z.boolean(),
});
export type Finding = Readonly<z.infer<typeof findingSchema>>;

/** What scripts/electronegativity/scan.cjs writes. */
const scanReportSchema = z.object({
  checks: z.number(),
  errors: z.array(z.object({ file: z.string(), message: z.string(), tolerable: z.boolean() })),
  findings: z.array(findingSchema),
});
export type ScanReport = Readonly<z.infer<typeof scanReportSchema>>;

/**
 * Copies the app's sources (and package.json, which names the Electron version the checks
 * assume) into `dest`. Electronegativity takes one folder and would otherwise walk the whole
 * repository, node_modules and build output included; the copy also means it writes nothing
 * into the work tree. Returns the copied paths, relative to `dest`.
 */
export function stageSources(dest: string, root = REPO_ROOT): string[] {
  const copied = ['package.json'];
  fs.copyFileSync(path.join(root, 'package.json'), path.join(dest, 'package.json'));
  for (const dir of SOURCE_DIRS) {
    const entries = fs.readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (!entry.isFile() || !SOURCE_FILE.test(entry.name) || TEST_FILE.test(entry.name)) continue;
      const relative = path.relative(root, path.join(entry.parentPath, entry.name));
      if (relative.split(path.sep).includes('node_modules')) continue;
      fs.mkdirSync(path.dirname(path.join(dest, relative)), { recursive: true });
      fs.copyFileSync(path.join(root, relative), path.join(dest, relative));
      copied.push(relative);
    }
  }
  return copied;
}

/**
 * Scans `folder` in a child process with the network refused (scripts/electronegativity/).
 * The tool's exit code says nothing about findings, so its structured report is read back.
 */
export async function scanFolder(folder: string, reportFile: string): Promise<ScanReport> {
  const args = ['--require', path.join(SCANNER_DIR, 'offline.cjs')];
  args.push(path.join(SCANNER_DIR, 'scan.cjs'), folder, reportFile);
  // cwd is the scanned copy, so nothing the tool might write lands in the work tree.
  const child = spawn(process.execPath, args, { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`electronegativity exited with ${code}:\n${output}`);
  return readJsonFile(scanReportSchema, reportFile);
}

const exceptionSchema = z.strictObject({
  check: z.string().regex(/^[A-Z_]+_CHECK$/, 'must be a check id such as PRELOAD_JS_CHECK'),
  file: z.string().min(1),
  match: z.string().trim().min(1),
  reason: z.string().trim().min(20, 'must say why the finding is acceptable'),
});
const exceptionsSchema = z.array(exceptionSchema);

/** A reviewed MEDIUM finding: the check, the file, and text of the line it points at. */
export type ReviewedException = z.infer<typeof exceptionSchema>;

/** Reads the reviewed-exceptions file; a malformed entry is a coded error naming it. */
export function loadExceptions(file: string): ReviewedException[] {
  const parsed = exceptionsSchema.safeParse(parse(fs.readFileSync(file, 'utf8')) ?? []);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? `entry ${issue.path.join('.')}` : 'top level';
    throw new AssayError('CONFIG_INVALID', `${file}: ${where}: ${issue.message}`);
  }
  return parsed.data;
}

export interface Review {
  /** HIGH findings, and MEDIUM ones no reviewed exception covers. */
  readonly blocking: readonly Finding[];
  /** Exceptions that cover no MEDIUM finding any more: fixed or moved, to be removed. */
  readonly stale: readonly ReviewedException[];
}

/**
 * An exception matches by check, file and a piece of the flagged line, never by line number,
 * so edits elsewhere in the file do not break it while a change to the flagged code does.
 * HIGH findings cannot be excepted.
 */
export function reviewFindings(
  findings: readonly Finding[],
  exceptions: readonly ReviewedException[],
): Review {
  const used = new Set<ReviewedException>();
  const blocking = findings.filter((finding) => {
    if (finding.severity === 'HIGH') return true;
    if (finding.severity !== 'MEDIUM') return false;
    const covering = exceptions.find(
      (e) =>
        e.check === finding.check && e.file === finding.file && finding.sample.includes(e.match),
    );
    if (covering) used.add(covering);
    return covering === undefined;
  });
  return { blocking, stale: exceptions.filter((e) => !used.has(e)) };
}

/** One line per finding, for a failure message a reviewer can act on. */
export function describeFinding(finding: Finding): string {
  const at = finding.file === 'N/A' ? 'app-wide' : `${finding.file}:${finding.line}`;
  const sample = finding.sample ? ` \`${finding.sample.trim()}\`` : '';
  return `${finding.severity} ${finding.check} at ${at}${sample}: ${finding.description}`;
}
