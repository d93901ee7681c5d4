import { z } from 'zod';
import type { MatcherField, MatcherTypeView } from '../../../shared/contract';
import type { MatcherDefinition } from './core/definition';

/** Fields every matcher has; the editor shows them apart from the type's own options. */
const COMMON = new Set(['type', 'weight', 'not', 'threshold', 'metric']);

/** Fields whose text runs to several lines (a rubric, a scorer's code, a schema). */
const LONG_TEXT = new Set(['rubric', 'code', 'prompt', 'value', 'template']);

interface JsonSchemaNode {
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly anyOf?: readonly JsonSchemaNode[];
  readonly oneOf?: readonly JsonSchemaNode[];
  readonly description?: string;
  readonly default?: unknown;
}

/** The one kind a form control can edit; anything richer (a union, an object) is JSON. */
function kindOf(name: string, node: JsonSchemaNode): Pick<MatcherField, 'kind' | 'options'> {
  const variants = node.anyOf ?? node.oneOf;
  if (variants) {
    const plain = variants.filter((v) => v.type !== 'null');
    if (plain.length === 1 && plain[0]) return kindOf(name, plain[0]);
    const enums = plain.every((v) => v.const !== undefined || v.enum !== undefined);
    if (enums)
      return {
        kind: 'enum',
        options: plain.flatMap((v) => (v.enum ?? [v.const]).map(String)),
      };
    return { kind: 'json', options: [] };
  }
  if (node.enum) return { kind: 'enum', options: node.enum.map(String) };
  const type = Array.isArray(node.type) ? node.type[0] : node.type;
  if (type === 'string') return { kind: LONG_TEXT.has(name) ? 'text' : 'string', options: [] };
  if (type === 'number') return { kind: 'number', options: [] };
  if (type === 'integer') return { kind: 'integer', options: [] };
  if (type === 'boolean') return { kind: 'boolean', options: [] };
  return { kind: 'json', options: [] };
}

/**
 * A matcher type as a picker and its options form show it, read from the matcher's own zod
 * schema (its input side: what a user writes), so a new matcher needs no form of its own.
 */
export function matcherTypeView(definition: MatcherDefinition): MatcherTypeView {
  let fields: MatcherField[];
  try {
    const json = z.toJSONSchema(definition.schema, { io: 'input', unrepresentable: 'any' }) as {
      properties?: Record<string, JsonSchemaNode>;
      required?: string[];
    };
    const required = new Set(json.required ?? []);
    fields = Object.entries(json.properties ?? {})
      .filter(([name]) => !COMMON.has(name))
      .map(([name, node]) => ({
        name,
        ...kindOf(name, node),
        required: required.has(name),
        description: node.description ?? null,
        ...(node.default === undefined ? {} : { default: node.default }),
      }));
  } catch {
    // A schema JSON Schema cannot express: the editor falls back to raw options.
    fields = [];
  }
  return {
    type: definition.type,
    description: definition.description,
    binary: definition.binary,
    defaultThreshold: definition.defaultThreshold,
    callsModel: definition.callsModel === true,
    fields,
  };
}
