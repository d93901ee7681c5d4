import type { ProviderId } from '../../../../shared/contract';
import { Badge } from '../../components/ui/badge';
import type { ProviderModels } from './use-provider-models';

type ModelView = ProviderModels['models'][number];

const cell = 'px-2 py-0.5';
const priceCell = `${cell} text-right font-mono tabular-nums`;

function PriceCells({ model }: { model: ModelView }) {
  if (!model.price) {
    return (
      <td className={`${cell} text-right`} colSpan={2}>
        <Badge variant="outline" data-testid="unpriced" title="No price known: cost is not counted">
          unpriced
        </Badge>
      </td>
    );
  }
  return (
    <>
      <td className={priceCell}>{model.price.input}</td>
      <td className={priceCell}>{model.price.output}</td>
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
      <table className="w-full text-xs">
        <thead className="sticky top-0 bg-muted text-muted-foreground">
          <tr className="text-left">
            <th className={`${cell} font-medium`}>Model</th>
            <th className={`${cell} text-right font-medium`}>Input $/1M</th>
            <th className={`${cell} text-right font-medium`}>Output $/1M</th>
          </tr>
        </thead>
        <tbody>
          {models.map((model) => (
            <tr
              key={model.id}
              className="border-t"
              data-testid={`model-${provider}-${model.id}`}
              data-priced={model.price ? 'yes' : 'no'}
            >
              <td className={`${cell} max-w-0 w-full`}>
                <div className="flex min-w-0 items-baseline gap-2">
                  <span className="truncate font-mono" title={model.id}>
                    {model.id}
                  </span>
                  {model.name !== model.id ? (
                    <span className="truncate text-muted-foreground">{model.name}</span>
                  ) : null}
                </div>
              </td>
              <PriceCells model={model} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
