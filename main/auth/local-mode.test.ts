import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../app/create-core';
import { openTestCore } from '../../test/support/test-database';
import { tempDirKept } from '../../test/support/temp-dir-kept';

let core: Core;
let dir: string;
beforeAll(async () => {
  dir = tempDirKept('assay-local-auth-');
  core = await openTestCore(dir);
});
afterAll(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('local mode (the desktop app, a plain assay serve, the CLI)', () => {
  it('needs no login: status says local, every channel answers without a principal', async () => {
    expect(await core.dispatcher.dispatch('auth.status', undefined, { transport: 'ipc' })).toEqual({
      ok: true,
      data: { mode: 'local', setupRequired: false, user: null },
    });
    const listed = await core.dispatcher.dispatch('prompts.list', {}, { transport: 'ipc' });
    expect(listed.ok).toBe(true);
  });

  it('has no accounts to log in to', async () => {
    const login = await core.dispatcher.dispatch(
      'auth.login',
      { email: 'a@example.com', password: 'whatever' },
      { transport: 'http' },
    );
    expect(login).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
