import type { SystemInfo } from '../../../../shared/contract';
import { useSystemInfo } from '../../app/system-info-context';
import { Card, CardContent } from '../../components/ui/card';

export const SECRET_STORE_LABELS: Record<SystemInfo['secretStore'], string> = {
  safeStorage: 'OS keychain via Electron safeStorage',
  keyfile: 'Encrypted key file in the data directory',
};

function databaseLabel(db: SystemInfo['database']): string {
  const name = db.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite';
  return `${name} ${db.serverVersion} · ${db.location}`;
}

function vectorLabel(db: SystemInfo['database']): string {
  if (db.vectorVersion === null) return 'none (pgvector is not installed)';
  return `${db.dialect === 'postgres' ? 'pgvector' : 'sqlite-vec'} ${db.vectorVersion}`;
}

function rows(info: SystemInfo): [key: string, label: string, value: string][] {
  return [
    ['version', 'Version', `Assay ${info.version}`],
    ['transport', 'Transport', info.transport === 'ipc' ? 'Desktop (IPC)' : 'HTTP'],
    ['dataDir', 'Data directory', info.dataDir],
    ['schemaVersion', 'Schema version', String(info.schemaVersion)],
    ['database', 'Database', databaseLabel(info.database)],
    ['vectors', 'Vectors', vectorLabel(info.database)],
    ['secretStore', 'Secret store', SECRET_STORE_LABELS[info.secretStore]],
    ['platform', 'Platform', info.platform],
  ];
}

export function AboutCard() {
  const { info, error } = useSystemInfo();
  return (
    <Card data-testid="about-card">
      <CardContent>
        {info ? (
          <dl className="grid grid-cols-[10rem_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
            {rows(info).map(([key, label, value]) => (
              <div key={key} className="contents">
                <dt className="text-muted-foreground">{label}</dt>
                <dd
                  className="truncate font-mono text-[13px]"
                  title={value}
                  data-testid={`about-${key}`}
                >
                  {value}
                </dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="text-sm text-muted-foreground">
            {error ? `Could not load system details: ${error.toString()}` : 'Loading…'}
          </p>
        )}
      </CardContent>
    </Card>
  );
}
