/** The Interactions page: interactions with feedback, and sessions as threads. */
export function InteractionsPage() {
  return (
    <div data-testid="page-interactions" className="p-6 text-sm">
      Interactions
    </div>
  );
}
