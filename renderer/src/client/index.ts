export type { Client, Transport } from './client';
export { ClientError, toClientError } from './client-error';
export { createClient } from './create-client';
export { createHttpClient } from './http-client';
export { createIpcClient } from './ipc-client';
