import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button } from '../components/ui/button';

interface State {
  error: Error | null;
}

/** Shows what broke instead of a blank window when a render throws. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('[assay] the workbench crashed:', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div
        role="alert"
        className="flex h-screen flex-col items-start gap-3 p-8"
        data-testid="crash"
      >
        <h1 className="text-lg font-semibold">Something went wrong in the workbench</h1>
        <pre className="max-w-full overflow-auto rounded-md border bg-muted p-3 text-xs">
          {error.message}
        </pre>
        <Button variant="outline" size="sm" onClick={() => window.location.reload()}>
          Reload
        </Button>
      </div>
    );
  }
}
