import { useState } from 'react';
import { toast } from 'sonner';
import { z } from 'zod';
import { reviewerSchema } from '../../../../shared/contract';
import { useSettings } from '../../app/settings-context';
import { Button } from '../../components/ui/button';
import { Field, Form, FormRootError } from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import { useChannelMutation } from '../../query/channel-query';
import { showSubmitError, useContractForm } from '../../query/contract-form';

/** The contract's reviewer name: the browser refuses what settings.updatePreferences would. */
const nameForm = z.object({ reviewerName: reviewerSchema });

/** Who reviews here: kept in the preferences, the author of every score this workbench gives. */
export function ReviewerName() {
  const { view, replace } = useSettings();
  const current = view?.preferences.reviewerName ?? null;
  const [editing, setEditing] = useState(false);
  const form = useContractForm(nameForm, { reviewerName: current ?? '' });
  const save = useChannelMutation('settings.updatePreferences', {
    meta: { form: true },
    invalidates: ['settings'],
  });
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      replace(await save.mutateAsync(values));
      setEditing(false);
      toast.success(`Reviewing as ${values.reviewerName}`);
    } catch (err) {
      showSubmitError(form, err);
    }
  });
  if (!view) return null;
  if (current && !editing)
    return (
      <div className="flex items-center gap-2 text-sm" data-testid="reviewer-name">
        <span className="text-muted-foreground">Reviewing as</span>
        <span className="font-medium" data-testid="reviewer-name-value">
          {current}
        </span>
        <Button
          variant="ghost"
          size="xs"
          data-testid="reviewer-name-change"
          onClick={() => {
            form.reset({ reviewerName: current });
            setEditing(true);
          }}
        >
          Change
        </Button>
      </div>
    );
  return (
    <Form {...form}>
      <form
        noValidate
        className="flex items-end gap-2"
        data-testid="reviewer-name-form"
        onSubmit={(e) => void onSubmit(e)}
      >
        <Field
          name="reviewerName"
          label="Your reviewer name"
          hint="Scores you give carry it as their author."
          className="w-64"
          render={(field) => (
            <Input {...field} data-testid="reviewer-name-input" autoComplete="name" />
          )}
        />
        <Button type="submit" size="sm" className="mb-5" data-testid="reviewer-name-save">
          Save
        </Button>
        <FormRootError />
      </form>
    </Form>
  );
}
