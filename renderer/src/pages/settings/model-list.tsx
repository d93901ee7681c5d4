import type { ProviderId } from '../../../../shared/contract';
import { Badge } from '../../components/ui/badge';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../components/ui/table';
import type { ProviderModels } from './use-provider-models';

type ModelView = ProviderModels['models'][number];

const PRICE = 'text-right font-mono tabular-nums';

function PriceCells({ model }: { model: ModelView }) {
  if (!model.price) {
    return (
      <TableCell className="text-right" colSpan={2}>
        <Badge variant="outline" data-testid="unpriced" title="No price known: cost is not counted">
          unpriced
        </Badge>
      </TableCell>
    );
  }
  return (
    <>
      <TableCell className={PRICE}>{model.price.input}</TableCell>
      <TableCell className={PRICE}>{model.price.output}</TableCell>
    </>
  );
}

/** Model ids with their input and output prices (USD per 1M tokens), or "unpriced". */
export function ModelList({ provider, models }: { provider: ProviderId; models: ModelView[] }) {
  if (models.length === 0) {
    return <p className="text-xs text-muted-foreground">No models listed.</p>;
  }
  return (
    <div className="max-h-64 overflow-y-auto rounded-md border">
      <Table className="text-xs">
        <TableHeader className="sticky top-0 bg-muted">
          <TableRow>
            <TableHead>Model</TableHead>
            <TableHead className="text-right">Input $/1M</TableHead>
            <TableHead className="text-right">Output $/1M</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {models.map((model) => (
            <TableRow
              key={model.id}
              data-testid={`model-${provider}-${model.id}`}
              data-priced={model.price ? 'yes' : 'no'}
            >
              <TableCell className="w-full max-w-0 py-0.5">
                <div className="flex min-w-0 items-baseline gap-2">
                  <span className="truncate font-mono" title={model.id}>
                    {model.id}
                  </span>
                  {model.name !== model.id ? (
                    <span className="truncate text-muted-foreground">{model.name}</span>
                  ) : null}
                </div>
              </TableCell>
              <PriceCells model={model} />
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
