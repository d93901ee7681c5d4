import type {
  InterruptHandler,
  QuickJSContext,
  QuickJSHandle,
  QuickJSWASMModule,
} from 'quickjs-emscripten';

/**
 * Runs custom scorer code in QuickJS compiled to WASM: the code sees only the JSON it is given
 * (no `process`, `require`, `fetch` or any host object) and runs under a time limit (interrupt
 * handler) and a memory limit. Loading the WASM module is the slow part, so one module is shared;
 * each evaluation gets a fresh runtime and context, so scorers cannot leak state between cases.
 */
export interface SandboxLimits {
  readonly timeoutMs: number;
  readonly memoryBytes: number;
}

export type SandboxResult =
  | { readonly ok: true; readonly value: unknown; readonly logs: readonly string[] }
  | { readonly ok: false; readonly error: string; readonly logs: readonly string[] };

/**
 * QuickJS's own stack limit. Deep recursion must hit this before the host's WASM stack, which
 * would throw in the host and leave the module unusable (measured: 256 KiB is safe under Node's
 * default stack; 512 KiB is not).
 */
const MAX_STACK_BYTES = 256 * 1024;
const FILE = 'scorer.js';

interface LoadedQuickJs {
  readonly module: QuickJSWASMModule;
  readonly deadline: (deadline: number) => InterruptHandler;
}

let modulePromise: Promise<LoadedQuickJs> | undefined;
let loaded: LoadedQuickJs | undefined;

/** Imported on first use: QuickJS and its WASM builds cost every CLI start ~50 ms otherwise. */
function loadModule(): Promise<LoadedQuickJs> {
  modulePromise ??= import('quickjs-emscripten').then(async (quickjs) => {
    loaded = {
      module: await quickjs.newQuickJSWASMModule(),
      deadline: quickjs.shouldInterruptAfterDeadline,
    };
    return loaded;
  });
  return modulePromise;
}

/**
 * Past this much WebAssembly memory the module is dropped after the scorer (its worker retired,
 * or in this thread a fresh module loaded next time): WebAssembly memory grows to what a scorer
 * allocated, up to its memory limit, and never shrinks while the module lives.
 */
export const RECYCLE_ABOVE_BYTES = 64 * 1024 * 1024;

/** Whether the loaded QuickJS module has grown past RECYCLE_ABOVE_BYTES. */
export function quickJsGrewLarge(): boolean {
  return (loaded?.module.getWasmMemory().buffer.byteLength ?? 0) > RECYCLE_ABOVE_BYTES;
}

/** Forgets the loaded module, so the garbage collector can take its memory. */
export function releaseQuickJs(): void {
  modulePromise = undefined;
  loaded = undefined;
}

/** Globals the scorer sees, built inside the sandbox from one JSON string. */
const PRELUDE = `(function () {
  var input = JSON.parse(globalThis.__assayInput);
  delete globalThis.__assayInput;
  var logs = [];
  var log = function () {
    if (logs.length < 50) logs.push(Array.prototype.map.call(arguments, String).join(' ').slice(0, 500));
  };
  globalThis.__assayLogs = logs;
  globalThis.console = { log: log, info: log, warn: log, error: log, debug: log };
  globalThis.output = input.output;
  globalThis.expected = input.expected;
  globalThis.vars = input.vars;
  globalThis.context = { expected: input.expected, vars: input.vars };
  globalThis.__assayArgs = Array.isArray(input.args) ? input.args : undefined;
})();`;

/**
 * Turns whatever the scorer produced into JSON the host can validate. A function is called with
 * `input.args` when the caller gave them (a quality code grader passes its target), else with
 * (output, context) as matchers document. Strings, and an object's `value` and `level`, come back
 * only as primitives: a grader may answer with a level name, and nothing else may break
 * JSON.stringify (a BigInt, a cycle).
 */
const FINISH = `(function () {
  var r = globalThis.__assayResult;
  if (typeof r === 'function')
    r = globalThis.__assayArgs ? r.apply(null, globalThis.__assayArgs) : r(globalThis.output, globalThis.context);
  var prim = function (v) { return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string' ? v : undefined; };
  var shaped = typeof r === 'boolean' || typeof r === 'number' || typeof r === 'string' ? { kind: typeof r, value: r }
    : r !== null && typeof r === 'object' && typeof r.then !== 'function'
      ? { kind: 'object', pass: r.pass, score: r.score, reason: r.reason == null ? undefined : String(r.reason), value: prim(r.value), level: prim(r.level) }
      : { kind: r === null ? 'null' : r && typeof r.then === 'function' ? 'promise' : typeof r };
  return JSON.stringify({ result: shaped, logs: globalThis.__assayLogs });
})()`;

function describeError(
  vm: QuickJSContext,
  handle: QuickJSHandle,
  limits: SandboxLimits,
  lineOffset: number,
): string {
  const dumped: unknown = vm.dump(handle);
  const e = (
    dumped !== null && typeof dumped === 'object' ? dumped : { message: String(dumped) }
  ) as Record<string, unknown>;
  const message = typeof e.message === 'string' ? e.message : String(dumped);
  if (message === 'interrupted') return `timed out after ${limits.timeoutMs} ms`;
  if (message === 'out of memory')
    return `exceeded the ${Math.round(limits.memoryBytes / 1048576)} MB memory limit`;
  if (message === 'stack overflow') return 'stack overflow (recursion too deep)';
  const stack = typeof e.stack === 'string' ? e.stack : '';
  const where = new RegExp(`${FILE}:(\\d+)`).exec(stack);
  const line = where
    ? Number(where[1]) - lineOffset
    : typeof e.lineNumber === 'number'
      ? e.lineNumber - lineOffset
      : undefined;
  const name = typeof e.name === 'string' ? e.name : 'Error';
  return `${name}: ${message}${line !== undefined && line > 0 ? ` (line ${line})` : ''}`;
}

/** Whether code compiles in a given wrapping; the error message when it does not. */
function compiles(
  vm: QuickJSContext,
  code: string,
): { ok: true } | { ok: false; handle: QuickJSHandle } {
  const result = vm.evalCode(code, FILE, { compileOnly: true });
  if (result.error) return { ok: false, handle: result.error };
  result.value.dispose();
  return { ok: true };
}

/**
 * The scorer may be an expression (`output.includes("x")`), a function expression
 * (`(output, context) => …`), or a function body with `return`. Each form is one line longer
 * than the user's code at the top, which error line numbers subtract.
 */
function wrap(
  vm: QuickJSContext,
  code: string,
): { ok: true; script: string } | { ok: false; error: QuickJSHandle } {
  const asExpression = `globalThis.__assayResult = (\n${code}\n);`;
  const first = compiles(vm, asExpression);
  if (first.ok) return { ok: true, script: asExpression };
  const asBody = `globalThis.__assayResult = (function (output, context) {\n${code}\n});`;
  const second = compiles(vm, asBody);
  if (second.ok) {
    first.handle.dispose();
    return { ok: true, script: asBody };
  }
  // Report the error of the form the author most likely meant.
  const looksLikeBody = /\breturn\b/.test(code) && !/=>|^\s*(async\s+)?function\b/.test(code);
  (looksLikeBody ? first.handle : second.handle).dispose();
  return { ok: false, error: looksLikeBody ? second.handle : first.handle };
}

/** Reads FINISH's JSON; a scorer that tampered with JSON or console gets an error, not a crash. */
function readFinish(json: string): SandboxResult {
  try {
    const parsed = JSON.parse(json) as { result?: unknown; logs?: unknown };
    const logs = Array.isArray(parsed.logs) ? parsed.logs.map(String) : [];
    return { ok: true, value: parsed.result, logs };
  } catch {
    return {
      ok: false,
      error: 'the scorer result could not be read (was JSON replaced?)',
      logs: [],
    };
  }
}

/** Evaluates one scorer in this thread (sandbox.ts runs it in a worker when it can). */
export async function evaluateInQuickJs(
  code: string,
  input: unknown,
  limits: SandboxLimits,
): Promise<SandboxResult> {
  const { module, deadline } = await loadModule();
  const runtime = module.newRuntime();
  runtime.setMemoryLimit(limits.memoryBytes);
  runtime.setMaxStackSize(MAX_STACK_BYTES);
  runtime.setInterruptHandler(deadline(Date.now() + limits.timeoutMs));
  const vm = runtime.newContext();
  let healthy = true;
  try {
    const inputHandle = vm.newString(JSON.stringify(input));
    vm.setProp(vm.global, '__assayInput', inputHandle);
    inputHandle.dispose();
    vm.unwrapResult(vm.evalCode(PRELUDE, 'prelude.js')).dispose();
    const wrapped = wrap(vm, code);
    if (!wrapped.ok) {
      const error = `syntax error: ${describeError(vm, wrapped.error, limits, 1)}`;
      wrapped.error.dispose();
      return { ok: false, error, logs: [] };
    }
    for (const script of [wrapped.script, FINISH]) {
      const result = vm.evalCode(script, script === FINISH ? 'finish.js' : FILE);
      if (result.error) {
        const error = describeError(vm, result.error, limits, 1);
        result.error.dispose();
        return { ok: false, error, logs: [] };
      }
      if (script === FINISH) {
        const json = vm.getString(result.value);
        result.value.dispose();
        return readFinish(json);
      }
      result.value.dispose();
    }
    return { ok: false, error: 'scorer produced no result', logs: [] };
  } catch (err) {
    // A failure in the host (WASM stack exhausted, abort) may leave the module corrupt: drop it
    // so the next evaluation loads a fresh one.
    healthy = false;
    releaseQuickJs();
    return {
      ok: false,
      error: `sandbox failure: ${err instanceof Error ? err.message : String(err)}`,
      logs: [],
    };
  } finally {
    if (healthy) {
      vm.dispose();
      runtime.dispose();
    }
  }
}
