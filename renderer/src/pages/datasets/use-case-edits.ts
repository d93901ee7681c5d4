import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { toast } from 'sonner';
import type { CaseInput, ChannelInput, TestCaseView } from '../../../../shared/contract';
import { patchQuery, useChannelMutation } from '../../query/channel-query';

export type CasePatch = Omit<ChannelInput<'cases.update'>, 'id' | 'baseRevision' | 'dataset'>;

/** A case edited, as it will read once saved (the revision bumps on the server). */
function patched(testCase: TestCaseView, patch: CasePatch): TestCaseView {
  const { expected, ...rest } = patch;
  const given = Object.entries(rest).filter(([, value]) => value !== undefined);
  const next: TestCaseView = { ...testCase, ...Object.fromEntries(given) };
  if (expected === null) delete next.expected;
  else if (expected !== undefined) next.expected = expected;
  return next;
}

/** What cases.add needs to put a deleted case back. */
export function caseInputOf(testCase: TestCaseView): CaseInput {
  return {
    vars: testCase.vars,
    ...(testCase.expected === undefined ? {} : { expected: testCase.expected }),
    matchers: testCase.matchers,
    tags: testCase.tags,
    description: testCase.description,
  };
}

/** Case counts show in the list and the header: every case change refreshes datasets too. */
const TOUCHES = ['cases', 'datasets'] as const;

/**
 * Cell edits and row deletes on the page cached under `pageInput`, applied at once and put back
 * if the core refuses (the error toasts). Updates carry the revision they started from, so an
 * edit made elsewhere in between is refused as a conflict rather than overwritten.
 */
export function useCaseEdits(pageInput: ChannelInput<'cases.list'>) {
  const queryClient = useQueryClient();
  const dataset = pageInput.dataset;
  const patchPage = useCallback(
    (update: (cases: TestCaseView[]) => TestCaseView[], totalDelta = 0) =>
      patchQuery(queryClient, 'cases.list', pageInput, (page) => ({
        ...page,
        cases: update(page.cases),
        total: page.total + totalDelta,
      })),
    [queryClient, pageInput],
  );

  const updater = useChannelMutation('cases.update', {
    invalidates: TOUCHES,
    onMutate: (input) => {
      const { id, vars, expected, matchers, tags, description } = input;
      const patch = { vars, expected, matchers, tags, description };
      return patchPage((cases) => cases.map((c) => (c.id === id ? patched(c, patch) : c)));
    },
    onError: (_err, _input, rollback) => rollback?.(),
  });

  const adder = useChannelMutation('cases.add', { invalidates: TOUCHES });

  const deleter = useChannelMutation<'cases.delete', () => void>('cases.delete', {
    invalidates: TOUCHES,
    onMutate: ({ id }) => patchPage((cases) => cases.filter((c) => c.id !== id), -1),
    onError: (_err, _input, rollback) => rollback?.(),
  });

  const update = useCallback(
    (testCase: TestCaseView, patch: CasePatch): Promise<boolean> =>
      updater
        .mutateAsync({ id: testCase.id, dataset, baseRevision: testCase.revision, ...patch })
        .then(
          () => true,
          () => false,
        ),
    [updater, dataset],
  );

  /**
   * Deletes at once, with Undo in the toast rather than a confirmation first. The delete is
   * soft (runs keep their snapshot); Undo adds the same content back as a case at the end.
   */
  const remove = useCallback(
    (testCase: TestCaseView) => {
      deleter.mutate(
        { id: testCase.id, dataset },
        {
          onSuccess: () =>
            toast.success(`Deleted case #${testCase.position}`, {
              action: {
                label: 'Undo',
                onClick: () =>
                  adder.mutate(
                    { dataset, cases: [caseInputOf(testCase)] },
                    { onSuccess: () => toast.success('Case restored') },
                  ),
              },
            }),
        },
      );
    },
    [deleter, adder, dataset],
  );

  return { update, remove };
}
