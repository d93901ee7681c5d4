import type { GraderVersionView, ScoreConfig } from '../../../../shared/contract';
import { DetailBlock, PRE_BLOCK } from '../../components/ui/detail-block';
import { definitionText, scoreConfigText } from './score-config-text';

function ScoreConfigView({ config }: { config: ScoreConfig }) {
  if (config.type !== 'categorical')
    return (
      <p className="text-xs" data-testid="grader-score-config">
        {config.type === 'numeric' ? 'Numeric' : 'Boolean'}: {scoreConfigText(config)}
      </p>
    );
  return (
    <table className="w-fit text-xs" data-testid="grader-score-config">
      <tbody>
        {config.levels.map((level) => (
          <tr key={level.name} className="align-top">
            <td className="py-0.5 pr-3 font-medium">{level.name}</td>
            <td className="py-0.5 pr-3 text-right font-mono tabular-nums">{level.value}</td>
            <td className="py-0.5 text-muted-foreground">{level.description ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One version of a grader: what it runs, what it gives, and its rubric. */
export function GraderVersionBody({ version }: { version: GraderVersionView }) {
  return (
    <div className="flex flex-col gap-4" data-testid={`grader-version-${version.version}`}>
      <DetailBlock title="Definition">
        <p className="text-xs" data-testid="grader-definition">
          {definitionText(version.definition)}
        </p>
        <pre className={PRE_BLOCK}>{JSON.stringify(version.definition, null, 2)}</pre>
      </DetailBlock>
      <DetailBlock title="Score config">
        <ScoreConfigView config={version.scoreConfig} />
      </DetailBlock>
      <DetailBlock title="Rubric">
        {version.rubric ? (
          <pre className={PRE_BLOCK} data-testid="grader-rubric">
            {version.rubric}
          </pre>
        ) : (
          <p className="text-xs text-muted-foreground">No rubric.</p>
        )}
      </DetailBlock>
    </div>
  );
}
