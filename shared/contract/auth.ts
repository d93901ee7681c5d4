import { z } from 'zod';
import { channel } from './define';
import { noInput } from './system';

/**
 * Team server accounts. The desktop app and a plain `assay serve` run in `local` mode: no
 * accounts, no login, every channel open to whoever may reach the core (IPC, or the serve token).
 * A team server (`assay serve --redis …`) runs in `team` mode: every call names a user, by an
 * HttpOnly session cookie (the workbench) or a personal API token (CLI, gateway, OTLP ingest).
 */
export const ROLES = ['viewer', 'editor', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const emailSchema = z.string().trim().toLowerCase().email().max(254);
/** Long passphrases are welcome; the cap keeps one hash from costing a server's CPU. */
export const passwordSchema = z.string().min(12, 'at least 12 characters').max(256);
const nameSchema = z.string().trim().min(1).max(120);

export const userViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type UserView = z.infer<typeof userViewSchema>;

export const authStatusSchema = z.object({
  mode: z.enum(['local', 'team']),
  /** Team mode with no user yet: the first visitor creates the admin (auth.setup). */
  setupRequired: z.boolean(),
  /** Who this call is from; null in local mode or when not logged in. */
  user: userViewSchema.nullable(),
});
export type AuthStatus = z.infer<typeof authStatusSchema>;

export const apiTokenViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The first characters of the token (`assay_pat_ab12…`), to tell tokens apart; never the rest. */
  prefix: z.string(),
  /** A token acts with its owner's role, or a lower one given at creation. */
  role: roleSchema,
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiTokenView = z.infer<typeof apiTokenViewSchema>;

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  userEmail: z.string().nullable(),
  /** session | token */
  via: z.string(),
  channel: z.string(),
  /** The id(s) the write named, when its input had one; never the input itself (it may hold secrets). */
  target: z.string().nullable(),
  ok: z.boolean(),
  errorCode: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** What a login or setup returns to the transport: the HTTP layer moves `session` into a cookie. */
const sessionGrantSchema = z.object({
  user: userViewSchema,
  /** The session secret; HTTP strips it from the body and sets it as an HttpOnly cookie. */
  session: z.object({ token: z.string(), expiresAt: z.string() }).optional(),
});

export const authChannels = {
  'auth.status': channel({
    summary: 'Local or team mode, whether first-run setup is needed, and who is calling.',
    input: noInput,
    output: authStatusSchema,
  }),
  'auth.setup': channel({
    summary: 'First-run setup of a team server: creates the first admin and logs them in.',
    input: z.object({ email: emailSchema, name: nameSchema, password: passwordSchema }).strict(),
    output: sessionGrantSchema,
  }),
  'auth.login': channel({
    summary: 'Password login (rate-limited per account and per address); starts a session.',
    input: z.object({ email: emailSchema, password: z.string().min(1).max(256) }).strict(),
    output: sessionGrantSchema,
  }),
  'auth.logout': channel({
    summary: 'Ends the calling session.',
    input: noInput,
    output: z.object({ ok: z.literal(true) }),
  }),
  'auth.password.change': channel({
    summary: 'Changes the caller’s password; their other sessions end.',
    input: z.object({ current: z.string().min(1).max(256), next: passwordSchema }).strict(),
    output: z.object({ ok: z.literal(true) }),
  }),
  'auth.tokens.create': channel({
    summary: 'Creates a personal API token; the secret is in this answer only, never again.',
    input: z
      .object({
        name: nameSchema,
        role: roleSchema.optional(),
        expiresInDays: z.number().int().min(1).max(3650).optional(),
      })
      .strict(),
    output: z.object({ token: z.string(), info: apiTokenViewSchema }),
  }),
  'auth.tokens.list': channel({
    summary: 'The caller’s API tokens (never their secrets).',
    input: noInput,
    output: z.array(apiTokenViewSchema),
  }),
  'auth.tokens.revoke': channel({
    summary: 'Revokes one of the caller’s tokens (an admin may revoke anyone’s).',
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: z.object({ revoked: z.boolean() }),
  }),
  'auth.users.list': channel({
    summary: 'Every account of the workspace (admins only).',
    input: noInput,
    output: z.array(userViewSchema),
  }),
  'auth.users.create': channel({
    summary: 'Creates an account with a role and an initial password (admins only).',
    input: z
      .object({ email: emailSchema, name: nameSchema, password: passwordSchema, role: roleSchema })
      .strict(),
    output: userViewSchema,
  }),
  'auth.users.update': channel({
    summary: 'Changes an account’s role or disables it (admins only; the last admin stays).',
    input: z
      .object({
        id: z.string().min(1).max(64),
        role: roleSchema.optional(),
        disabled: z.boolean().optional(),
      })
      .strict(),
    output: userViewSchema,
  }),
  'auth.audit.list': channel({
    summary: 'The audit log of writes, newest first (admins only).',
    input: z
      .object({
        offset: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .strict()
      .optional()
      .default({}),
    output: z.object({ total: z.number().int(), entries: z.array(auditEntrySchema) }),
  }),
};
