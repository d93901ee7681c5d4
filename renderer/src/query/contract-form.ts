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

/**
 * Shows a failed submit in the form, once: each VALIDATION_FAILED issue on the field it names
 * (the nearest field the form has, `matchers[0].value` falling back to `matchers`), and
 * anything else as the form's own error above its buttons.
 */
export function showSubmitError<T extends FieldValues>(
  form: UseFormReturn<T, unknown, unknown>,
  err: unknown,
): void {
  const error = toClientError(err);
  const fields = new Set(Object.keys(form.getValues()));
  let placed = 0;
  for (const { path, message } of pathMessages(error)) {
    const parts = path.split(/[.[\]]+/).filter(Boolean);
    const field = parts.find((_, i) => fields.has(parts.slice(0, i + 1).join('.')))
      ? parts[0]!
      : null;
    if (!field) continue;
    const fullPath = path.replace(/\[(\d+)\]/g, '.$1');
    form.setError((fields.has(fullPath) ? fullPath : field) as Path<T>, { message });
    placed += 1;
  }
  if (placed === 0) form.setError('root', { message: error.toString() });
}
