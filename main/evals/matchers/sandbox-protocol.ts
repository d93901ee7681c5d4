import type { SandboxLimits } from './sandbox-core';

/** One scorer to evaluate, as sandbox.ts posts it to the worker. */
export interface SandboxRequest {
  readonly id: number;
  readonly code: string;
  readonly input: unknown;
  readonly limits: SandboxLimits;
}

/** Posted once the worker has loaded: until then, a failure means it cannot start here. */
export const READY = 'ready';
