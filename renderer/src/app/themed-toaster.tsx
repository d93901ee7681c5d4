import { Toaster } from 'sonner';
import { useTheme } from '../theme/theme-context';

export function ThemedToaster() {
  const { theme } = useTheme();
  return <Toaster richColors closeButton theme={theme} position="bottom-right" />;
}
