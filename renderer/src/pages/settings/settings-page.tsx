import { LoaderCircle, RotateCw } from 'lucide-react';
import type { ReactNode } from 'react';
import { useSettings } from '../../app/settings-context';
import { useSystemInfo } from '../../app/system-info-context';
import { Button } from '../../components/ui/button';
import { Card, CardContent } from '../../components/ui/card';
import { AboutCard, SECRET_STORE_LABELS } from './about-card';
import { ProviderCard } from './provider-card';
import { SettingsTabs } from './settings-tabs';
import { PROVIDER_SPECS } from './provider-specs';
import { ThemeSection } from './theme-section';
import { TracesSection } from './traces-section';

function Section(props: { title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-3">
      <div className="flex flex-col gap-0.5">
        <h2 className="text-sm font-semibold">{props.title}</h2>
        {props.description ? (
          <p className="text-xs text-muted-foreground">{props.description}</p>
        ) : null}
      </div>
      {props.children}
    </section>
  );
}

function Providers() {
  const { view, error, retry } = useSettings();
  if (view) {
    return (
      <div className="grid gap-4 xl:grid-cols-2">
        {PROVIDER_SPECS.map((spec) => (
          <ProviderCard key={spec.id} spec={spec} view={view} />
        ))}
      </div>
    );
  }
  return (
    <Card>
      <CardContent className="flex-row items-center justify-between gap-4 text-sm text-muted-foreground">
        {error ? (
          <>
            <span data-testid="settings-load-error">
              Could not load settings: {error.toString()}
            </span>
            <Button variant="outline" size="sm" onClick={retry}>
              <RotateCw />
              Retry
            </Button>
          </>
        ) : (
          <span className="flex items-center gap-2">
            <LoaderCircle className="size-4 animate-spin" />
            Loading settings…
          </span>
        )}
      </CardContent>
    </Card>
  );
}

export function SettingsPage() {
  const { info } = useSystemInfo();
  const store = info ? ` Secret store: ${SECRET_STORE_LABELS[info.secretStore]}.` : '';
  return (
    <div className="flex min-h-full flex-col" data-testid="page-settings">
      <SettingsTabs current="general" />
      <div className="flex w-full max-w-6xl flex-col gap-8 px-8 py-6">
        <Section
          title="Providers"
          description={`Keys never go to the database and are never shown again; leave a key empty to keep the saved one.${store}`}
        >
          <Providers />
        </Section>
        <Section title="Appearance">
          <ThemeSection />
        </Section>
        <Section
          title="Traces"
          description="Retention of captured traces, and where the desktop app listens for your apps' calls and spans."
        >
          <TracesSection />
        </Section>
        <Section title="About">
          <AboutCard />
        </Section>
      </div>
    </div>
  );
}
