/** The Traces page: list with filters and search, trace detail (tree, timeline, spans). */
export function TracesPage() {
  return (
    <div data-testid="page-traces" className="p-6 text-sm">
      Traces
    </div>
  );
}
