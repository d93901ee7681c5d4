import { Badge } from '../../components/ui/badge';

/** `production` stands out: it is what applications fetch by default. */
export function LabelBadge({ label, version }: { label: string; version?: string }) {
  const text = version ? `${label} → ${version}` : label;
  return label === 'production' ? (
    <Badge variant="success" data-testid={`label-${label}`}>
      {text}
    </Badge>
  ) : (
    <Badge variant="outline" data-testid={`label-${label}`}>
      {text}
    </Badge>
  );
}

/** Labels to show next to a prompt: `latest` is implied by the latest version, so it is left out. */
export function visibleLabels(labels: readonly string[]): string[] {
  return labels
    .filter((label) => label !== 'latest')
    .sort((a, b) => (a === 'production' ? -1 : b === 'production' ? 1 : a.localeCompare(b)));
}
