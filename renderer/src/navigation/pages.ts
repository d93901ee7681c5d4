import {
  Activity,
  BellRing,
  CircleDollarSign,
  ClipboardCheck,
  Database,
  FileText,
  FlaskConical,
  GitCompareArrows,
  Gauge,
  MessagesSquare,
  Radar,
  Settings,
  SquareTerminal,
  Trophy,
  UserCheck,
  type LucideIcon,
} from 'lucide-react';

export type PageName =
  | 'prompts'
  | 'playground'
  | 'datasets'
  | 'evals'
  | 'interactions'
  | 'traces'
  | 'graders'
  | 'scorecards'
  | 'online-scoring'
  | 'pulse'
  | 'review'
  | 'backtests'
  | 'leaderboard'
  | 'models'
  | 'settings';

export interface PageDef {
  name: PageName;
  title: string;
  path: `/${PageName}`;
  icon: LucideIcon;
  /** One sentence on what the page is for; shown while the page is not built yet. */
  purpose: string;
}

const page = (name: PageName, title: string, icon: LucideIcon, purpose: string): PageDef => ({
  name,
  title,
  path: `/${name}`,
  icon,
  purpose,
});

/** Every page, in sidebar order. Routes, the sidebar and the command palette all read this. */
export const PAGES: readonly PageDef[] = [
  page(
    'prompts',
    'Prompts',
    FileText,
    'It will version prompt templates with {{variables}}, label releases such as production, and compare versions side by side.',
  ),
  page(
    'playground',
    'Playground',
    SquareTerminal,
    "It will run a prompt against any configured model and show each call's output, tokens, cost and latency.",
  ),
  page(
    'datasets',
    'Datasets',
    Database,
    'It will hold test cases with inputs, expected outputs and matchers, imported from files or captured from interactions.',
  ),
  page(
    'evals',
    'Evals',
    FlaskConical,
    'It will run a dataset against a prompt version and model, score every case with matchers and judges, and compare runs.',
  ),
  page(
    'interactions',
    'Interactions',
    MessagesSquare,
    'It will list the logged inputs and outputs of your LLM features, with sessions, users, tags and feedback.',
  ),
  page(
    'traces',
    'Traces',
    Activity,
    'It will show the spans of each call (LLM, tool, retrieval and judge steps) with their tokens, cost and timing.',
  ),
  page(
    'graders',
    'Graders',
    Gauge,
    'Deterministic, LLM-judge, code and human graders with their rubrics and score configs, and how far each judge agrees with people.',
  ),
  page(
    'scorecards',
    'Scorecards',
    ClipboardCheck,
    'Graders combined with weights and a pass threshold, and their scores over time by grader, prompt version and model.',
  ),
  page(
    'online-scoring',
    'Online scoring',
    Radar,
    "Rules that score production interactions with a scorecard's graders as they arrive: a filter, a sampling rate and a daily judge budget.",
  ),
  page(
    'pulse',
    'Pulse',
    BellRing,
    'Alerts when a window of production traffic breaks a rule: scorecard mean or pass rate, cost, error rate, p95 latency.',
  ),
  page(
    'review',
    'Review',
    UserCheck,
    "Queues of interactions people score by keyboard with a grader's scale, and how well reviewers agree.",
  ),
  page(
    'backtests',
    'Backtests',
    GitCompareArrows,
    'It will replay past interactions through a candidate prompt or model and compare it with the baseline, case by case.',
  ),
  page(
    'leaderboard',
    'Leaderboard',
    Trophy,
    'Prompt versions and models ranked by quality, cost and latency across eval runs and backtests, with the Pareto frontier.',
  ),
  page(
    'models',
    'Models',
    CircleDollarSign,
    'The price catalog per provider and model, with your own overrides and additions.',
  ),
  page(
    'settings',
    'Settings',
    Settings,
    'Provider connections, appearance and details of this installation.',
  ),
];
