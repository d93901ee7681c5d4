import type { PageDef } from '../navigation/pages';
import { PageHeader } from './page-header';

/**
 * The honest stand-in for a page this version does not have yet: what it will do, and no
 * sample data that could be mistaken for real results.
 */
export function NotBuiltPage({ page }: { page: PageDef }) {
  const Icon = page.icon;
  // "Prompts are …" but "The Playground is …": every page title is a plural or a singular noun.
  const plural = page.title.endsWith('s');
  const subject = plural ? page.title : `The ${page.title}`;
  return (
    <div className="flex min-h-full flex-col" data-testid={`page-${page.name}`}>
      <PageHeader title={page.title} />
      <div className="flex flex-1 items-center justify-center p-8">
        <div className="flex max-w-md flex-col items-center gap-3 text-center">
          <div className="flex size-12 items-center justify-center rounded-xl border bg-muted/50">
            <Icon className="size-5 text-muted-foreground" />
          </div>
          <p className="text-sm font-medium" data-testid="not-built-message">
            {`${subject} ${plural ? 'are' : 'is'} not built yet in this version of Assay.`}
          </p>
          <p className="text-sm text-muted-foreground">{page.purpose}</p>
        </div>
      </div>
    </div>
  );
}
