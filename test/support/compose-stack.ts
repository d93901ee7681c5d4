import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/** The docker/ folder of the repository, read by the compose and dashboard tests. */
export const DOCKER_DIR = path.resolve(import.meta.dirname, '../../docker');

const stringList = z.array(z.string());
const serviceSchema = z.looseObject({
  image: z.string().optional(),
  build: z.object({ context: z.string(), dockerfile: z.string() }).optional(),
  command: z.union([z.string(), stringList]).optional(),
  entrypoint: z.union([z.string(), stringList]).optional(),
  environment: z.record(z.string(), z.string()).optional(),
  healthcheck: z.object({ test: stringList }).optional(),
  volumes: stringList.optional(),
  ports: stringList.optional(),
  container_name: z.string().optional(),
  restart: z.string().optional(),
  depends_on: z.record(z.string(), z.object({ condition: z.string() })).optional(),
});
export type ComposeService = z.infer<typeof serviceSchema>;

const composeSchema = z.looseObject({
  services: z.record(z.string(), serviceSchema),
  volumes: z.record(z.string(), z.null()).optional(),
});

export function composeText(): string {
  return fs.readFileSync(path.join(DOCKER_DIR, 'docker-compose.yml'), 'utf8');
}

/** The compose file as written (`${…}` left in), YAML merge keys (`<<:`) resolved. */
export function readCompose(): z.infer<typeof composeSchema> {
  return composeSchema.parse(parse(composeText(), { merge: true }));
}

/** `NAME=value` lines of docker/.env.example. */
export function readEnvExample(): Map<string, string> {
  const text = fs.readFileSync(path.join(DOCKER_DIR, '.env.example'), 'utf8');
  const vars = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = line.match(/^([A-Z][A-Z0-9_]*)=(.*)$/);
    if (m) vars.set(m[1]!, m[2]!);
  }
  return vars;
}

/** Every variable the compose file interpolates (`${NAME}`, `${NAME:-x}`, `${NAME:?x}`). */
export function interpolatedNames(text: string): Set<string> {
  const names = new Set<string>();
  // `$$` is compose's escape for a literal `$` (a shell variable in a container's command).
  for (const m of text.replaceAll('$$', '').matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)/g))
    names.add(m[1]!);
  return names;
}

/** Compose's interpolation of one value, as `docker compose` does it with this .env. */
export function interpolate(value: string, env: ReadonlyMap<string, string>): string {
  return value.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g,
    (_m, name: string, op: string | undefined, arg: string | undefined) => {
      const set = env.get(name);
      const empty = set === undefined || (op?.startsWith(':') === true && set === '');
      if (op?.endsWith('-') && empty) return arg ?? '';
      if (op?.endsWith('?') && empty) throw new Error(`${name}: ${arg}`);
      return set ?? '';
    },
  );
}
