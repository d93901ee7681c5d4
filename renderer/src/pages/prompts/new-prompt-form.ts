import { z } from 'zod';
import { promptChannels } from '../../../../shared/contract';

const createInput = promptChannels['prompts.create'].input;

const splitTags = (text: string) => [
  ...new Set(
    text
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean),
  ),
];

/**
 * The new-prompt form, checked by `prompts.create`'s own schemas; the tags are typed as one
 * comma-separated line and checked as the list the core receives.
 */
export const newPromptSchema = createInput.pick({ name: true, kind: true }).extend({
  description: z.string().trim().pipe(createInput.shape.description.unwrap()),
  tags: z.string().transform(splitTags).pipe(createInput.shape.tags.unwrap()),
});

export const NEW_PROMPT_DEFAULTS: z.input<typeof newPromptSchema> = {
  name: '',
  kind: 'system',
  description: '',
  tags: '',
};
