import type { ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { toast } from 'sonner';
import { DialogFormFooter } from '../../components/ui/dialog-form-footer';
import { Dialog, DialogContent, DialogDescription, DialogTitle } from '../../components/ui/dialog';
import { Field, Form, FormRootError } from '../../components/ui/form';
import { Input } from '../../components/ui/input';
import { cn } from '../../lib/utils';
import { showServerError } from '../graders/show-server-error';

/** The fields every versioned item's form starts with. */
interface Named {
  name: string;
  description?: string;
}

interface VersionedFormDialogProps<V extends FieldValues, O> {
  /**
   * What the item is called ("grader"): the title of a new one and the test ids
   * (`grader-form`, `grader-form-name`, `grader-form-description`, `grader-form-error`,
   * `save-grader`).
   */
  readonly noun: string;
  /** A form whose values have `name` and `description`, validated by the contract's schema. */
  readonly form: UseFormReturn<V, unknown, O>;
  /** The item edited (its name, and how a new version of it is saved); null creates one. */
  readonly editing: {
    readonly name: string;
    /** Saves the values as a new version; answers what the toast says. */
    readonly save: (values: O) => Promise<string>;
  } | null;
  readonly description: ReactNode;
  /** The dialog's width. */
  readonly className: string;
  readonly busy: boolean;
  readonly create: (values: O) => Promise<{ readonly id: string; readonly name: string }>;
  /** Closed; with the new item's id after a create. */
  readonly onClose: (createdId?: string) => void;
  /** The fields between the description and the buttons. */
  readonly children: ReactNode;
}

/**
 * The dialog that creates a versioned item or saves a new version of one: name (fixed once
 * created), description, the item's own fields, then Cancel and Create or Save version. What
 * only the core can judge (a name taken, a grader gone) comes back as issues at their fields.
 */
export function VersionedFormDialog<V extends FieldValues, O>({
  noun,
  form,
  editing,
  description,
  className,
  busy,
  create,
  onClose,
  children,
}: VersionedFormDialogProps<V, O>) {
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      if (editing !== null) {
        toast.success(await editing.save(values));
        onClose();
      } else {
        const created = await create(values);
        toast.success(`Created ${created.name}`);
        onClose(created.id);
      }
    } catch (err) {
      showServerError(form, err);
    }
  });

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        data-testid={`${noun}-form`}
        className={cn('max-h-[90vh] overflow-y-auto', className)}
      >
        <DialogTitle>{editing !== null ? `Edit ${editing.name}` : `New ${noun}`}</DialogTitle>
        <DialogDescription>{description}</DialogDescription>
        <Form {...form}>
          <form noValidate className="mt-4 flex flex-col gap-3" onSubmit={(e) => void onSubmit(e)}>
            <Field<Named, 'name'>
              name="name"
              label="Name"
              render={(field) => (
                <Input
                  {...field}
                  disabled={editing !== null}
                  data-testid={`${noun}-form-name`}
                  autoFocus
                />
              )}
            />
            <Field<Named, 'description'>
              name="description"
              label="Description"
              render={({ value, ...field }) => (
                <Input {...field} value={value ?? ''} data-testid={`${noun}-form-description`} />
              )}
            />
            {children}
            <FormRootError />
            <DialogFormFooter
              onCancel={() => onClose()}
              errorTestId={`${noun}-form-error`}
              busy={busy}
              submitTestId={`save-${noun}`}
            >
              {editing !== null ? 'Save version' : 'Create'}
            </DialogFormFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
