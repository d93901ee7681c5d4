import { Copy } from 'lucide-react';
import { ingestOrigin, useIngestStatus } from '../../components/ingest/ingest-endpoint';
import { IngestStatusAlert } from '../../components/ingest/ingest-status-alert';
import { Button } from '../../components/ui/button';
import { copyText } from '../../lib/copy-text';

function Snippet({ testId, text }: { testId: string; text: string }) {
  return (
    <div className="flex items-start gap-2">
      <pre
        className="flex-1 overflow-x-auto rounded-md border bg-muted/40 p-2 font-mono text-xs"
        data-testid={testId}
      >
        {text}
      </pre>
      <Button
        variant="ghost"
        size="icon"
        aria-label="Copy"
        data-testid={`${testId}-copy`}
        onClick={() => copyText(text, 'Snippet')}
      >
        <Copy />
      </Button>
    </div>
  );
}

/** Where an app sends its calls: the gateway base URLs and the OTLP endpoint at `origin`. */
function IngestSnippets({ origin }: { origin: string }) {
  return (
    <>
      <div className="flex flex-col gap-1">
        <h3 className="font-medium">
          Gateway: change the base URL of your OpenAI or Anthropic client
        </h3>
        <Snippet
          testId="traces-empty-openai"
          text={`OPENAI_BASE_URL=${origin}/gateway/openai/v1`}
        />
        <Snippet
          testId="traces-empty-anthropic"
          text={`ANTHROPIC_BASE_URL=${origin}/gateway/anthropic`}
        />
        <p className="text-xs text-muted-foreground">
          Optional headers tag a call: x-assay-session, x-assay-user, x-assay-tags, x-assay-prompt
          (name@label).
        </p>
      </div>
      <div className="flex flex-col gap-1">
        <h3 className="font-medium">
          OpenTelemetry: export your app&apos;s spans (OTLP over HTTP)
        </h3>
        <Snippet testId="traces-empty-otel" text={`OTEL_EXPORTER_OTLP_ENDPOINT=${origin}`} />
        <p className="text-xs text-muted-foreground">
          gen_ai.* (OpenTelemetry GenAI) and OpenInference attributes are read; spans go to {origin}
          /v1/traces.
        </p>
      </div>
    </>
  );
}

/**
 * No trace yet: how an app sends its calls here (gateway base URL or OpenTelemetry), or, when
 * the desktop app's ingest port is taken, that nothing sent will arrive (no URL that does not
 * capture is shown).
 */
export function TracesEmpty() {
  const { status, error } = useIngestStatus();
  // Without an answer (an error), this page's origin is the best guess: right under `assay serve`.
  const origin = status ? ingestOrigin(status) : error ? window.location.origin : null;
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4 py-10 text-sm" data-testid="traces-empty">
      <h2 className="text-base font-semibold">No traces yet</h2>
      <p className="text-muted-foreground">
        Every call made through Assay shows here. To see your own app&apos;s calls, point it at
        Assay in one of these ways; nothing else in the app changes.
      </p>
      <IngestStatusAlert status={status} />
      {origin ? <IngestSnippets origin={origin} /> : null}
    </div>
  );
}
