import type { Role } from './auth';
import type { Channel } from './index';

/**
 * Who may call a channel on a team server (local mode checks nothing):
 * - `public`: anyone, signed in or not (status, first-run setup, login);
 * - `self`: any signed-in user, about their own account (logout, password, own tokens);
 * - `read`: viewers and up; nothing is stored, nothing is spent;
 * - `write`: editors and up; stores something, or spends on a provider (a call, a run);
 * - `admin`: admins only; accounts, the audit log, provider keys and settings every user
 *   shares, webhooks (their URLs are secrets), prices, and probes made from the server.
 * Every `self`, `write` and `admin` call is written to the audit log.
 */
export type Access = 'public' | 'self' | 'read' | 'write' | 'admin';

/**
 * Every channel, classified by hand. The Record type makes the compiler refuse a channel that
 * is missing here, and access.test.ts checks the same at run time: a new channel cannot ship
 * without someone deciding who may call it.
 */
export const CHANNEL_ACCESS: Readonly<Record<Channel, Access>> = {
  'auth.status': 'public',
  'auth.setup': 'public',
  'auth.login': 'public',
  'auth.logout': 'self',
  'auth.password.change': 'self',
  'auth.tokens.create': 'self',
  'auth.tokens.list': 'self',
  'auth.tokens.revoke': 'self',
  'auth.users.list': 'admin',
  'auth.users.create': 'admin',
  'auth.users.update': 'admin',
  'auth.audit.list': 'admin',

  'system.info': 'read',
  'system.loadExample': 'write',
  'system.detectLocalServers': 'admin',
  'ingest.status': 'read',

  'settings.get': 'read',
  'settings.updateProvider': 'admin',
  'settings.updatePreferences': 'admin',

  'llm.call': 'write',
  'llm.cancel': 'write',
  'models.list': 'read',
  'models.testConnection': 'write',
  'prices.list': 'read',
  'prices.set': 'admin',
  'prices.delete': 'admin',

  'prompts.create': 'write',
  'prompts.list': 'read',
  'prompts.get': 'read',
  'prompts.update': 'write',
  'prompts.delete': 'write',
  'prompts.restore': 'write',
  'prompts.setLabel': 'write',
  'prompts.versions': 'read',
  'prompts.labelHistory': 'read',
  'prompts.render': 'read',
  'prompts.diff': 'read',
  'prompts.exportFiles': 'read',
  'prompts.importFiles': 'write',
  'playground.run': 'write',
  'playground.history': 'read',

  'datasets.create': 'write',
  'datasets.list': 'read',
  'datasets.get': 'read',
  'datasets.update': 'write',
  'datasets.delete': 'write',
  'datasets.restore': 'write',
  'datasets.import': 'write',
  'datasets.export': 'read',
  'datasets.syncSuite': 'write',
  'cases.add': 'write',
  'cases.update': 'write',
  'cases.delete': 'write',
  'cases.list': 'read',
  'cases.draftFromSpan': 'read',
  'cases.fromSpan': 'write',
  'cases.redactionPreview': 'read',
  'cases.draftFromInteraction': 'read',
  'cases.fromInteraction': 'write',

  'evals.matcherTypes': 'read',
  'evals.start': 'write',
  'evals.preflight': 'read',
  'evals.resume': 'write',
  'evals.cancel': 'write',
  'evals.list': 'read',
  'evals.get': 'read',
  'evals.results': 'read',
  'evals.delete': 'write',
  'evals.compare': 'read',
  'evals.similarFailures': 'read',

  'spans.get': 'read',
  'spans.rerun': 'write',
  'spans.reruns': 'read',
  'traces.list': 'read',
  'traces.get': 'read',
  'traces.facets': 'read',
  'traces.promptVersion': 'read',
  'traces.rerun': 'write',
  'traces.stats': 'read',
  'traces.searchByMeaning': 'read',
  'traces.similar': 'read',
  'interactions.create': 'write',
  'interactions.feedback': 'write',
  'interactions.list': 'read',
  'interactions.get': 'read',
  'interactions.rerun': 'write',
  'interactions.similar': 'read',
  'sessions.list': 'read',
  'sessions.get': 'read',
  'semantic.status': 'read',
  'semantic.configure': 'admin',

  'costs.whatIf': 'read',
  'costs.recompute': 'write',
  'costs.history': 'read',

  'graders.list': 'read',
  'graders.get': 'read',
  'graders.create': 'write',
  'graders.update': 'write',
  'graders.archive': 'write',
  'graders.calibration': 'read',
  'graders.calibrationFlags': 'read',
  'graders.secondJudge.start': 'write',
  'graders.secondJudge.jobs': 'read',
  'graders.secondJudge.cancel': 'write',
  'scorecards.list': 'read',
  'scorecards.get': 'read',
  'scorecards.create': 'write',
  'scorecards.update': 'write',
  'scorecards.archive': 'write',
  'scorecards.versions': 'read',
  'scorecards.dashboard': 'read',
  'scorecards.dashboardTargets': 'read',
  'scores.create': 'write',
  'scores.list': 'read',

  'pulse.rules.list': 'read',
  'pulse.rules.create': 'write',
  'pulse.rules.update': 'write',
  'pulse.rules.delete': 'write',
  'pulse.rules.evaluate': 'write',
  'pulse.webhooks.list': 'read',
  'pulse.webhooks.create': 'admin',
  'pulse.webhooks.delete': 'admin',
  'pulse.webhooks.test': 'admin',
  'pulse.alerts.list': 'read',
  'pulse.alerts.markRead': 'write',
  'pulse.alerts.deliveries': 'read',

  'reviewQueues.list': 'read',
  'reviewQueues.create': 'write',
  'reviewQueues.get': 'read',
  'reviewQueues.archive': 'write',
  'reviewQueues.fill': 'write',
  'reviewQueues.assign': 'write',
  'reviewQueues.agreement': 'read',
  'review.items': 'read',
  'review.next': 'read',
  'review.item': 'read',
  'review.submit': 'write',
  'review.skip': 'write',

  'scoringRules.list': 'read',
  'scoringRules.get': 'read',
  'scoringRules.create': 'write',
  'scoringRules.update': 'write',
  'scoringRules.archive': 'write',
  'scoringRules.rescore': 'write',

  'backtests.sets.create': 'write',
  'backtests.sets.list': 'read',
  'backtests.sets.get': 'read',
  'backtests.sets.archive': 'write',
  'backtests.estimate': 'read',
  'backtests.runs.create': 'write',
  'backtests.runs.list': 'read',
  'backtests.runs.get': 'read',
  'backtests.runs.resume': 'write',
  'backtests.runs.cancel': 'write',
  'backtests.runs.pairs': 'read',
  'backtests.runs.exportCases': 'write',
  'backtests.schedules.create': 'write',
  'backtests.schedules.list': 'read',
  'backtests.schedules.delete': 'write',

  'leaderboards.scopes': 'read',
  'leaderboards.get': 'read',
  'leaderboards.history': 'read',
  'leaderboards.contributors': 'read',
};

const ROLE_RANK: Readonly<Record<Role, number>> = { viewer: 0, editor: 1, admin: 2 };

/** The lowest role an access class needs; null for `public` and `self` (no role needed). */
export function roleNeeded(access: Access): Role | null {
  if (access === 'read') return 'viewer';
  if (access === 'write') return 'editor';
  if (access === 'admin') return 'admin';
  return null;
}

export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[needed];
}

/** Whether a call of this class is written to the audit log (everything that may change state). */
export function isAudited(access: Access): boolean {
  return access === 'self' || access === 'write' || access === 'admin';
}
