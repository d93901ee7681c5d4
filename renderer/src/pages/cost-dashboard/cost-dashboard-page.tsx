/** Cost, tokens, calls, error rate and p95 latency per day by provider, model and prompt. */
export function CostDashboardPage() {
  return (
    <div data-testid="page-cost-dashboard" className="p-6 text-sm">
      Cost dashboard
    </div>
  );
}
