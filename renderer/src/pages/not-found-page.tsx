import { Link } from 'wouter';
import { Button } from '../components/ui/button';
import { PageHeader } from './page-header';

export function NotFoundPage() {
  return (
    <div className="flex min-h-full flex-col" data-testid="page-not-found">
      <PageHeader title="Page not found" description="There is no page at this address." />
      <div className="p-8">
        <Button asChild variant="outline" size="sm">
          <Link href="/prompts">Go to Prompts</Link>
        </Button>
      </div>
    </div>
  );
}
