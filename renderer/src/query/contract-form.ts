import { zodResolver } from '@hookform/resolvers/zod';
import {
  useForm,
  type DefaultValues,
  type FieldValues,
  type Path,
  type UseFormProps,
  type UseFormReturn,
} from 'react-hook-form';
import type { z } from 'zod';
import { toClientError, type ClientError } from '../client';

/**
 * A react-hook-form form validated by a zod schema, usually one of the contract's (or a form
 * shape derived from one with pick/extend), so the browser refuses what the core would refuse,
 * with the same message, before anything is sent.
 */
export function useContractForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  defaultValues: DefaultValues<z.input<S>>,
  options: Omit<UseFormProps<z.input<S>, unknown, z.output<S>>, 'resolver' | 'defaultValues'> = {},
): UseFormReturn<z.input<S>, unknown, z.output<S>> {
  return useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema),
    defaultValues,
    mode: 'onTouched',
    ...options,
  });
}

interface PathMessage {
  readonly path: string;
  readonly message: string;
}

function pathMessages(error: ClientError): PathMessage[] {
  if (error.code !== 'VALIDATION_FAILED') return [];
  const details = error.details;
  if (typeof details !== 'object' || details === null) return [];
  const { problems, issues } = details as { problems?: unknown; issues?: unknown };
  const list = Array.isArray(problems) ? problems : Array.isArray(issues) ? issues : [];
  return list.filter(
    (item): item is PathMessage =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as PathMessage).path === 'string' &&
      typeof (item as PathMessage).message === 'string',
  );
}

/** The part of a form showSubmitError uses (a react-hook-form `UseFormReturn` has it). */
export type SubmitErrorTarget<T extends FieldValues> = Pick<
  UseFormReturn<T, unknown, unknown>,
  'getValues' | 'setError'
>;

/** `matchers[0].value` → `matchers.0.value`, react-hook-form's path form. */
function dotted(path: string): string {
  return path.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
}

/**
 * Shows a failed submit in the form, once: each VALIDATION_FAILED issue on the field it names
 * (the longest part of its path the form holds: `matchers.0.value`, else `matchers`), and
 * anything else as the form's own error above its buttons. Returns where the messages went.
 */
export function showSubmitError<T extends FieldValues>(
  form: SubmitErrorTarget<T>,
  err: unknown,
): string[] {
  const error = toClientError(err);
  const placed: string[] = [];
  for (const { path, message } of pathMessages(error)) {
    const parts = dotted(path).split('.');
    for (let n = parts.length; n > 0; n -= 1) {
      const candidate = parts.slice(0, n).join('.');
      if (form.getValues(candidate as Path<T>) === undefined) continue;
      const shown = n === parts.length ? message : `${parts.slice(n).join('.')}: ${message}`;
      form.setError(candidate as Path<T>, { message: shown });
      placed.push(candidate);
      break;
    }
  }
  if (placed.length === 0) {
    form.setError('root', { message: error.toString() });
    placed.push('root');
  }
  return placed;
}
