import { Copy, TriangleAlert } from 'lucide-react';
import { Alert, AlertDescription, AlertTitle } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogTitle,
} from '../../../components/ui/dialog';
import { Input } from '../../../components/ui/input';
import { copyText } from '../../../lib/copy-text';

/**
 * The one time a new token's secret is shown. Closing the dialog drops it from the page; the
 * server keeps only its hash, so a lost token is revoked and replaced, never shown again.
 */
export function TokenSecretDialog({
  secret,
  name,
  onClose,
}: {
  secret: string | null;
  name: string;
  onClose: () => void;
}) {
  return (
    <Dialog open={secret !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent data-testid="token-secret-dialog" className="max-w-lg">
        <DialogTitle>Token “{name}” created</DialogTitle>
        <DialogDescription>
          Use it as <code className="font-mono">Authorization: Bearer …</code> for the CLI
          (ASSAY_TOKEN), the gateway and OTLP ingest.
        </DialogDescription>
        <Alert className="mt-3">
          <TriangleAlert />
          <AlertTitle>Copy it now: it is shown only this once</AlertTitle>
          <AlertDescription>
            Assay stores only a hash of it. If it is lost, revoke it and create another.
          </AlertDescription>
        </Alert>
        <div className="mt-3 flex gap-2">
          <Input
            readOnly
            value={secret ?? ''}
            className="font-mono text-xs"
            data-testid="token-secret"
            aria-label="The new token"
            onFocus={(e) => e.currentTarget.select()}
          />
          <Button
            variant="outline"
            size="sm"
            className="h-8"
            data-testid="copy-token"
            onClick={() => secret && copyText(secret, 'Token')}
          >
            <Copy />
            Copy
          </Button>
        </div>
        <div className="flex justify-end pt-2">
          <Button size="sm" data-testid="token-secret-done" onClick={onClose}>
            I have copied it
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
