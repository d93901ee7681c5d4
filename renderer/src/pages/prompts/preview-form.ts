import { z } from 'zod';
import { promptChannels } from '../../../../shared/contract';
import { parseHistory } from './parse-history';

const placeholderMessages = promptChannels['prompts.render'].input.shape.placeholders
  .unwrap()
  .unwrap().valueType;

/** A placeholder's messages typed as JSON, checked as `prompts.render` will check them. */
const historyText = z.string().transform((text, ctx) => {
  const parsed = parseHistory(text);
  if (parsed.error !== undefined) {
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  }
  const checked = placeholderMessages.safeParse(parsed.value ?? []);
  if (!checked.success) {
    ctx.addIssue({ code: 'custom', message: checked.error.issues[0]?.message ?? 'invalid' });
    return z.NEVER;
  }
  return checked.data;
});

/**
 * The preview's inputs: one value per variable and one history per placeholder, by position
 * (variable names may hold "." and "-", which a form path cannot).
 */
export const previewFormSchema = z.object({
  values: z.array(z.string()),
  histories: z.array(historyText),
});
