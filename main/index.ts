import { bootstrap } from './electron/bootstrap';

// The bundle lives in out/main; the preload and renderer builds sit beside it.
bootstrap({ mainDir: import.meta.dirname });
