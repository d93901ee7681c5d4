/** What a list-and-detail page's address holds that its list pane and create dialog act on. */
interface ListView {
  readonly id: string | null;
  readonly archived: boolean;
  readonly creating: boolean;
}

/**
 * What the list pane and the create dialog do to the page's address: each change is a new
 * address (`open`), so Back undoes it.
 */
export function listActions<V extends ListView>(view: V, open: (next: Partial<V>) => void) {
  return {
    pane: {
      selected: view.id,
      archived: view.archived,
      onArchivedChange: (archived: boolean) => open({ ...view, archived }),
      // Another item opens at its first tab and latest version; the archived toggle stays.
      onSelect: (id: string) => open({ id, archived: view.archived } as Partial<V>),
      onNew: () => open({ ...view, creating: true }),
    },
    /** Closes the create dialog; what it created (if it did) is selected. */
    closeCreate: (createdId?: string) =>
      open({ ...view, creating: false, ...(createdId ? { id: createdId } : {}) }),
  };
}
