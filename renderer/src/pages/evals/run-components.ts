import type { PromptKind, RunView } from '../../../../shared/contract';

type Component = RunView['components'][number];

/** Component prompt name → its kind (`system`, `user`), to say which turn a component fills. */
export type ComponentKinds = ReadonlyMap<string, PromptKind>;

const refOf = (c: Component): string => `${c.prompt}@${c.version}`;

/**
 * `system: geo/sys@v1.3 · user: geo/ask@v2.0`: the component versions a run's composition was
 * rendered with. A component whose kind is not known (yet) is named without it.
 */
export function componentsLabel(
  components: readonly Component[],
  kinds: ComponentKinds = new Map(),
): string {
  return components
    .map((c) => {
      const kind = kinds.get(c.prompt);
      return kind === 'system' || kind === 'user' ? `${kind}: ${refOf(c)}` : refOf(c);
    })
    .join(' · ');
}

/** `geo/chat@v1.1 · system: geo/sys@v1.3`, or the prompt alone when it has no components. */
export function promptLabel(run: RunView, kinds?: ComponentKinds): string {
  const components = componentsLabel(run.components, kinds);
  return components === '' ? run.prompt : `${run.prompt} · ${components}`;
}

/**
 * What the prompt of a run was, exactly: two runs of one composition version with different
 * component versions have different keys (they rendered different prompts).
 */
export const promptKey = (run: RunView): string =>
  [run.prompt, ...run.components.map(refOf)].join('\u0000');

export interface ComponentChange {
  readonly prompt: string;
  /** Null: the side did not use that component. */
  readonly baseline: string | null;
  readonly candidate: string | null;
}

/** The components whose version differs between two runs (or that only one of them used). */
export function componentChanges(baseline: RunView, candidate: RunView): ComponentChange[] {
  const before = new Map(baseline.components.map((c) => [c.prompt, c.version]));
  const after = new Map(candidate.components.map((c) => [c.prompt, c.version]));
  const names = [...new Set([...before.keys(), ...after.keys()])];
  return names
    .map((prompt) => ({
      prompt,
      baseline: before.get(prompt) ?? null,
      candidate: after.get(prompt) ?? null,
    }))
    .filter((c) => c.baseline !== c.candidate);
}
