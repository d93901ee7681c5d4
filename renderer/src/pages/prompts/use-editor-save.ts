import { useCallback, useMemo, useState } from 'react';
import type { PromptKind, PromptVersionView } from '../../../../shared/contract';
import { useContractForm } from '../../query/contract-form';
import { draftProblems } from './check-draft';
import { contentOf, type PromptDraft } from './prompt-draft';
import { SAVE_FORM_DEFAULTS, saveFormSchema } from './save-form';
import { useSavePrompt, type SaveProblem } from './use-save-prompt';

interface EditorSaveOptions {
  name: string;
  kind: PromptKind;
  draft: PromptDraft;
  /** Variables the content uses: only their defaults and descriptions are stored. */
  used: readonly string[];
  /**
   * The newest version the user has seen. Editing from an older version is a deliberate
   * rollback-and-edit, so the base is still the newest: only a version saved by someone else
   * in the meantime is a conflict.
   */
  baseVersion: string;
  onSaved: (version: PromptVersionView) => void;
}

/**
 * The save action of the editor: checks the draft, then `prompts.update` with the save form's
 * message. The content's problems show in the banner; the message's next to its field.
 */
export function useEditorSave(options: EditorSaveOptions) {
  const { name, kind, draft, used, baseVersion, onSaved } = options;
  const form = useContractForm(saveFormSchema, SAVE_FORM_DEFAULTS);
  const { save, saving, problem: saveProblem } = useSavePrompt(onSaved);
  /** Set once a save was refused here: from then on the list shrinks as problems are fixed. */
  const [checked, setChecked] = useState(false);
  const { content, configErrors } = useMemo(
    () => contentOf(kind, draft, used),
    [kind, draft, used],
  );
  const problems = useMemo(
    () => draftProblems(kind, draft, configErrors),
    [kind, draft, configErrors],
  );
  /** The draft the last save sent: a refusal shown after later edits is marked as stale. */
  const [sent, setSent] = useState<PromptDraft | null>(null);
  const problem: SaveProblem | null =
    checked && problems.length > 0
      ? { message: 'Not saved: fix these first.', issues: problems }
      : saveProblem && { ...saveProblem, stale: sent !== draft };

  const submit = useCallback(() => {
    if (saving) return;
    if (problems.length > 0) {
      setChecked(true);
      return;
    }
    void form.handleSubmit(({ message, major }) => {
      setSent(draft);
      // The form checked the message as the core would: a refusal is the content's (banner).
      save({
        name,
        content,
        baseVersion,
        ...(message.trim() ? { message: message.trim() } : {}),
        ...(major ? { major: true } : {}),
      });
    })();
  }, [saving, problems, draft, save, name, content, baseVersion, form]);

  return { submit, saving, problem, configErrors, form };
}
