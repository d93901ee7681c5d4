import { z } from 'zod';
import { embeddingModelSchema } from '../../../../../shared/contract';
import { Button } from '../../../components/ui/button';
import { Field, Form, FormRootError } from '../../../components/ui/form';
import { Input } from '../../../components/ui/input';
import { useChannelMutation } from '../../../query/channel-query';
import { showSubmitError, useContractForm } from '../../../query/contract-form';

const setupSchema = z.object({ embeddingModel: embeddingModelSchema });

/**
 * Where semantic search is off, the way to turn it on in place: an embedding model as
 * provider:model. Saving starts the background embedding of traces and interactions.
 */
export function EmbeddingSetup({ hint }: { hint: string }) {
  const form = useContractForm(setupSchema, { embeddingModel: '' });
  const configure = useChannelMutation('semantic.configure', {
    meta: { form: true },
    invalidates: ['semantic', 'traces', 'interactions', 'evals.similarFailures'],
  });
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await configure.mutateAsync(values);
    } catch (err) {
      showSubmitError(form, err);
    }
  });
  return (
    <div className="flex flex-col gap-2 text-xs" data-testid="embedding-setup">
      <p className="text-muted-foreground">{hint}</p>
      <Form {...form}>
        <form noValidate className="flex items-end gap-2" onSubmit={(e) => void onSubmit(e)}>
          <Field
            name="embeddingModel"
            label="Embedding model"
            className="flex-1"
            render={(field) => (
              <Input
                {...field}
                placeholder="openai:text-embedding-3-small or local:nomic-embed-text"
                data-testid="embedding-model"
              />
            )}
          />
          <Button type="submit" size="sm" disabled={configure.isPending} data-testid="embedding-on">
            Turn on
          </Button>
        </form>
        <FormRootError />
      </Form>
    </div>
  );
}
