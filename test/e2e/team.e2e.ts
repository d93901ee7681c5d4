import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { chooseOption } from '../support/radix-select';
import { startServe, type ServeProcess } from '../support/serve-process';
import { teamCall } from '../support/team-mode';
import { tempDirKept } from '../support/temp-dir-kept';

/**
 * A team server (`assay serve --database <PostgreSQL> --redis …`) in Chromium, from first-run
 * setup to logout: the admin adds an editor and a viewer, the editor writes, the viewer reads
 * and is refused writes (buttons off, and the server's 403 for a write forced past them), a
 * token made in the UI works as a Bearer token and is never shown again.
 */
const ADMIN = { email: 'root@team.test', name: 'Ada Admin', password: 'admin-passphrase-2026' };
const EDITOR = { email: 'ed@team.test', name: 'Ed Editor', password: 'editor-passphrase-2026' };
const VIEWER = { email: 'vi@team.test', name: 'Vi Viewer', password: 'viewer-passphrase-2026' };

let browser: Browser;
let server: ServeProcess;
let dataDir: string;
const contexts: BrowserContext[] = [];

/** A browser profile of its own: each person has their own cookies. */
async function personPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // The team harness (ASSAY_E2E_TEAM) may have signed the context in: start signed out.
  await context.clearCookies();
  contexts.push(context);
  return context.newPage();
}

const hashOf = (page: Page) => decodeURIComponent(new URL(page.url()).hash);

async function logIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.getByTestId('page-login').waitFor();
  await page.getByTestId('login-email').fill(who.email);
  await page.getByTestId('login-password').fill(who.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

/** What a page's own script gets for a channel call (cookies go along, as the workbench's do). */
function callFromPage(page: Page, channel: string, input: unknown) {
  return page.evaluate(
    async ([name, body]) => {
      const res = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as { ok: boolean; error?: unknown } };
    },
    [channel, input] as const,
  );
}

beforeAll(async () => {
  dataDir = tempDirKept('assay-e2e-team-');
  server = await startServe(dataDir, [], {}, undefined, { team: true, bootstrap: false });
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the workbench on a team server', () => {
  let admin: Page;
  let editor: Page;
  let viewer: Page;

  it('asks the first visitor to create the admin account, checking what they type', async () => {
    admin = await personPage();
    await admin.goto(`${server.url}/#/prompts`);
    await admin.getByTestId('page-setup').waitFor();
    expect(hashOf(admin)).toBe('#/setup');

    await admin.getByTestId('setup-email').fill(ADMIN.email);
    await admin.getByTestId('setup-name').fill(ADMIN.name);
    const fieldError = admin.getByTestId('field-error');
    await admin.getByTestId('setup-password').fill('short');
    await admin.getByTestId('setup-confirm').fill('short');
    await admin.getByTestId('setup-submit').click();
    await fieldError.filter({ hasText: 'at least 12 characters' }).waitFor();
    await admin.getByTestId('setup-password').fill(ADMIN.password);
    await admin.getByTestId('setup-confirm').fill(`${ADMIN.password}!`);
    await admin.getByTestId('setup-submit').click();
    await fieldError.filter({ hasText: 'The two passwords differ' }).waitFor();
    expect(await admin.getByTestId('page-setup').count()).toBe(1);

    await admin.getByTestId('setup-password').fill(ADMIN.password);
    await admin.getByTestId('setup-confirm').fill(ADMIN.password);
    await admin.getByTestId('setup-submit').click();
    await admin.getByTestId('user-menu').waitFor();
    expect(await admin.getByTestId('user-name').textContent()).toBe(ADMIN.name);
    expect(await admin.getByTestId('user-role').textContent()).toBe('admin');
    await admin.getByTestId('page-prompts').waitFor();

    // Setup happens once: the server now asks everyone else to log in.
    const status = await teamCall<{ setupRequired: boolean }>(server.url, 'auth.status', {});
    expect(status.body).toMatchObject({ ok: true, data: { setupRequired: false, user: null } });
  });

  it('lets the admin add an editor and a viewer, and keeps the last admin', async () => {
    await admin.goto(`${server.url}/#/settings/team?tab=members`);
    await admin.getByTestId('team-members').waitFor();
    for (const [who, role] of [
      [EDITOR, 'Editor'],
      [VIEWER, 'Viewer'],
    ] as const) {
      await admin.getByTestId('add-member').click();
      await admin.getByTestId('new-member-dialog').waitFor();
      await admin.getByTestId('member-email').fill(who.email);
      await admin.getByTestId('member-name').fill(who.name);
      await chooseOption(admin, 'member-role', role);
      await admin.getByTestId('member-password').fill(who.password);
      await admin.getByTestId('create-member').click();
      await admin.getByTestId('new-member-dialog').waitFor({ state: 'detached' });
      await admin.getByTestId(`member-row-${who.email}`).waitFor();
    }
    const roleOf = (email: string) =>
      admin
        .getByTestId(`member-row-${email}`)
        .getByTestId('member-role-select')
        .getAttribute('data-value');
    expect(await roleOf(EDITOR.email)).toBe('editor');
    expect(await roleOf(VIEWER.email)).toBe('viewer');

    // The only admin cannot step down: the server says why, and the row keeps "admin".
    await admin.getByTestId(`member-row-${ADMIN.email}`).getByTestId('member-role-select').click();
    await admin.getByRole('option', { name: 'Viewer' }).click();
    await admin.locator('[data-sonner-toast][data-type="error"]').first().waitFor();
    await expect.poll(() => roleOf(ADMIN.email)).toBe('admin');
  });

  it('signs the editor in on the page they asked for, and lets them write', async () => {
    editor = await personPage();
    await editor.goto(`${server.url}/#/datasets`);
    await editor.getByTestId('page-login').waitFor();
    expect(hashOf(editor)).toBe('#/login?next=/datasets');

    // A wrong password is said plainly, and the password field is emptied.
    await editor.getByTestId('login-email').fill(EDITOR.email);
    await editor.getByTestId('login-password').fill('not-the-password-at-all');
    await editor.getByTestId('login-submit').click();
    await editor.getByText('Wrong email or password').waitFor();
    expect(await editor.getByTestId('login-password').inputValue()).toBe('');

    await logIn(editor, EDITOR);
    expect(hashOf(editor)).toBe('#/datasets');
    expect(await editor.getByTestId('user-role').textContent()).toBe('editor');

    await editor.getByTestId('new-dataset').click();
    await editor.getByTestId('new-dataset-name').fill('team/qa');
    await editor.getByTestId('create-dataset').click();
    await editor.getByTestId('new-dataset-dialog').waitFor({ state: 'detached' });

    await editor.goto(`${server.url}/#/prompts`);
    await editor.getByTestId('new-prompt').click();
    await editor.getByTestId('new-prompt-name').fill('team/greeting');
    await editor.getByTestId('create-prompt').click();
    await editor.getByTestId('new-prompt-dialog').waitFor({ state: 'detached' });
    await editor.getByTestId('prompt-item-team/greeting').waitFor();

    // Both writes are the editor's in the audit log, which only the admin reads.
    await admin.goto(`${server.url}/#/settings/team?tab=audit`);
    const channels = admin.getByTestId('audit-channel');
    await expect
      .poll(async () => (await channels.allTextContents()).sort())
      .toEqual(expect.arrayContaining(['datasets.create', 'prompts.create']));
    expect(await editor.getByTestId('team-tab-audit').count()).toBe(0);
  });

  it('shows the viewer everything, with write buttons off and forced writes refused', async () => {
    viewer = await personPage();
    await viewer.goto(`${server.url}/#/prompts`);
    await logIn(viewer, VIEWER);
    await viewer.getByTestId('prompt-item-team/greeting').waitFor();

    const newPrompt = viewer.getByTestId('new-prompt');
    expect(await newPrompt.isDisabled()).toBe(true);
    await viewer.getByTestId('write-blocked').first().hover();
    await viewer.getByRole('tooltip').getByText("Viewers can't change prompts").waitFor();

    await viewer.getByTestId('prompt-item-team/greeting').click();
    await viewer.getByTestId('prompt-editor').waitFor();
    expect(await viewer.getByTestId('save-prompt').isDisabled()).toBe(true);

    await viewer.goto(`${server.url}/#/datasets`);
    await viewer.getByTestId('dataset-item-team/qa').waitFor();
    expect(await viewer.getByTestId('new-dataset').isDisabled()).toBe(true);
    expect(await viewer.getByTestId('import-dataset').isDisabled()).toBe(true);
    await viewer.goto(`${server.url}/#/evals`);
    await viewer.getByTestId('new-run').waitFor();
    expect(await viewer.getByTestId('new-run').isDisabled()).toBe(true);

    // The server is the authority: a write sent past the buttons is 403 FORBIDDEN...
    const forced = await callFromPage(viewer, 'prompts.create', {
      name: 'team/sneaky',
      kind: 'system',
      content: { text: 'x' },
    });
    expect(forced.status).toBe(403);
    expect(forced.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // ...and a write the UI is led into (the palette's `?new=1`) shows the refusal.
    await viewer.goto(`${server.url}/#/prompts?new=1`);
    await viewer.getByTestId('new-prompt-dialog').waitFor();
    await viewer.getByTestId('new-prompt-name').fill('team/sneaky');
    await viewer.getByTestId('create-prompt').click();
    await viewer.getByTestId('form-error').getByText('FORBIDDEN').waitFor();
    await viewer.keyboard.press('Escape');
    const reads = await callFromPage(viewer, 'prompts.list', {});
    expect(reads.status).toBe(200);
  });

  it('sends a user whose session ended to the login page, and back where they were', async () => {
    await viewer.goto(`${server.url}/#/prompts/team/greeting`);
    await viewer.getByTestId('prompt-editor').waitFor();
    // The session ends behind the page's back (expired, or logged out elsewhere).
    await viewer.context().clearCookies();
    await viewer.goto(`${server.url}/#/datasets/team/qa`);
    await viewer.getByTestId('page-login').waitFor();
    expect(hashOf(viewer)).toBe('#/login?next=/datasets/team/qa');
    await logIn(viewer, VIEWER);
    expect(hashOf(viewer)).toBe('#/datasets/team/qa');
  });

  it('shows a token made in the UI once; it works as a Bearer token until revoked', async () => {
    await editor.goto(`${server.url}/#/settings/team`);
    await editor.getByTestId('team-tokens').waitFor();
    await editor.getByTestId('new-token').click();
    await editor.getByTestId('token-name').fill('ci');
    await chooseOption(editor, 'token-expiry', '30 days');
    await editor.getByTestId('create-token').click();
    await editor.getByTestId('token-secret-dialog').waitFor();
    await editor.getByText('shown only this once').waitFor();
    const secret = await editor.getByTestId('token-secret').inputValue();
    expect(secret.length).toBeGreaterThan(20);

    const asBearer = await teamCall(server.url, 'prompts.list', {}, { token: secret });
    expect(asBearer.status).toBe(200);
    expect(asBearer.body.ok).toBe(true);

    await editor.getByTestId('token-secret-done').click();
    await editor.getByTestId('token-secret-dialog').waitFor({ state: 'detached' });
    const row = editor.getByTestId('token-row-ci');
    await row.waitFor();
    const prefix = (await row.getByTestId('token-prefix').textContent())!.replace('…', '');
    expect(secret.startsWith(prefix)).toBe(true);
    expect(prefix.length).toBeLessThan(secret.length);
    // Never again: not on the page, not after a reload, not in the list's answer.
    expect(await editor.content()).not.toContain(secret);
    await editor.reload();
    await row.waitFor();
    expect(await editor.content()).not.toContain(secret);
    const list = await callFromPage(editor, 'auth.tokens.list', {});
    expect(JSON.stringify(list.body)).not.toContain(secret);

    await row.getByTestId('revoke-token').click();
    await editor.getByRole('alertdialog').getByRole('button', { name: 'Revoke token' }).click();
    await row.getByTestId('token-state').filter({ hasText: 'revoked' }).waitFor();
    const revoked = await teamCall(server.url, 'prompts.list', {}, { token: secret });
    expect(revoked.status).toBe(401);
  });

  it('logs out to the login page, and the session is gone', async () => {
    await editor.goto(`${server.url}/#/prompts`);
    await editor.getByTestId('user-menu').click();
    await editor.getByTestId('logout').click();
    await editor.getByTestId('page-login').waitFor();
    expect(hashOf(editor)).toBe('#/login');
    const status = await callFromPage(editor, 'auth.status', {});
    expect(status.body).toMatchObject({ ok: true, data: { user: null } });
    await editor.goto(`${server.url}/#/evals`);
    await editor.getByTestId('page-login').waitFor();
    expect(hashOf(editor)).toBe('#/login?next=/evals');
  });

  it('tells someone guessing passwords how long to wait', async () => {
    const guessed = { email: 'guessed@team.test', password: 'wrong-guess-000000' };
    // The per-account limit (10 in 15 minutes) is used up by API calls; the page's try is refused.
    for (let i = 0; i < 10; i++) {
      const answer = await teamCall(server.url, 'auth.login', guessed);
      expect(answer.status).toBe(401);
    }
    await editor.getByTestId('login-email').fill(guessed.email);
    await editor.getByTestId('login-password').fill(guessed.password);
    await editor.getByTestId('login-submit').click();
    await editor
      .getByTestId('form-error')
      .getByText(/^Too many sign-in attempts\. Try again in \d+ minutes?\.$/)
      .waitFor();
    expect(await editor.getByTestId('page-login').count()).toBe(1);
  });
});
