import {
  OperationNodeTransformer,
  PrimitiveValueListNode,
  ValueNode,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';

/**
 * PostgreSQL cannot store U+0000 in text (SQLite can), yet a model may answer with one and a
 * user may paste one: refusing the row would lose a result. Every string bound as a parameter
 * is escaped injectively, and every text read back (pg-types.ts) is unescaped, so what SQLite
 * keeps byte for byte, Postgres keeps too:
 *   U+0000 -> U+FFFF "0",   U+FFFF -> U+FFFF "1"
 * U+FFFF is a Unicode noncharacter; a string holding neither costs one regex test.
 * JSON texts need nothing more: JSON.stringify writes U+0000 as the six characters \u0000,
 * which `json` columns accept (Assay's Postgres schema uses `json`, not `jsonb`, for that).
 */
const ESCAPE = '\uffff';
// eslint-disable-next-line no-control-regex -- U+0000 is the very character escaped here.
const NEEDS_ESCAPE = /[\u0000\uffff]/;
const ESCAPED = /\uffff[01]/g;

export function escapeNul(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  // eslint-disable-next-line no-control-regex -- as above.
  return text.replace(/[\u0000\uffff]/g, (c) => (c === '\u0000' ? `${ESCAPE}0` : `${ESCAPE}1`));
}

export function unescapeNul(text: string): string {
  if (!text.includes(ESCAPE)) return text;
  return text.replace(ESCAPED, (pair) => (pair[1] === '0' ? '\u0000' : ESCAPE));
}

const escapeValue = (value: unknown): unknown =>
  typeof value === 'string' ? escapeNul(value) : value;

class EscapeParameters extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    const value = escapeValue(node.value);
    return value === node.value ? node : ValueNode.create(value);
  }

  protected override transformPrimitiveValueList(
    node: PrimitiveValueListNode,
  ): PrimitiveValueListNode {
    return PrimitiveValueListNode.create(node.values.map(escapeValue));
  }
}

/** The Kysely half: parameters out. Rows come back unescaped by the pool's type parsers. */
export class NulEscapePlugin implements KyselyPlugin {
  private readonly transformer = new EscapeParameters();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.transformer.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
