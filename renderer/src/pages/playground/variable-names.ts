import type { PromptKind, PromptMessage, PromptVersionView } from '../../../../shared/contract';
import { extractVariables } from '../../../../shared/template/variables';
import { draftOfVersion, textsOf } from './prompt-content';

export interface VariableSpec {
  readonly name: string;
  readonly defaultValue: string | undefined;
  readonly description: string | undefined;
}

/**
 * Variables the draft uses, in order of first use; for a saved prompt, component variables (in
 * the version's list but not in its own texts) follow while the draft still references one.
 */
export function variablesOf(
  draft: readonly PromptMessage[],
  base: { kind: PromptKind; version: PromptVersionView } | null,
): VariableSpec[] {
  const names = new Set(textsOf(draft).flatMap((t) => extractVariables(t)));
  const listed = base?.version.variables ?? [];
  if (base && draft.some((m) => 'ref' in m)) {
    const own = new Set(
      textsOf(draftOfVersion(base.kind, base.version)).flatMap((t) => extractVariables(t)),
    );
    for (const v of listed) if (!own.has(v.name)) names.add(v.name);
  }
  return [...names].map((name) => {
    const spec = listed.find((v) => v.name === name);
    return { name, defaultValue: spec?.default, description: spec?.description };
  });
}

/** Defaults of a version's variables, as the inputs' starting values. */
export function defaultValuesOf(version: PromptVersionView | null): Record<string, string> {
  const values: Record<string, string> = {};
  for (const v of version?.variables ?? []) if (v.default !== undefined) values[v.name] = v.default;
  return values;
}

/** An empty input counts as missing: an empty substitution is almost never what was meant. */
export function missingOf(
  specs: readonly VariableSpec[],
  values: Readonly<Record<string, string>>,
): string[] {
  return specs.filter((s) => (values[s.name] ?? '') === '').map((s) => s.name);
}

/** The values of the variables in use, skipping empty ones. */
export function providedOf(
  specs: readonly VariableSpec[],
  values: Readonly<Record<string, string>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of specs) {
    const value = values[s.name];
    if (value !== undefined && value !== '') out[s.name] = value;
  }
  return out;
}
