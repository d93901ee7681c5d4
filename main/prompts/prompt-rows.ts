import type { Insertable, Selectable } from 'kysely';
import type { PromptContent, PromptKind } from '../../shared/contract';
import { readJson, writeJson } from '../store/json-column';
import type {
  PromptLabelEventTable,
  PromptLabelTable,
  PromptTable,
  PromptVersionTable,
} from '../store/schema';

export interface PromptRecord {
  readonly id: string;
  readonly name: string;
  readonly kind: PromptKind;
  readonly description: string;
  readonly tags: readonly string[];
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly deletedAt: string | null;
}

/** An immutable version (a trigger refuses updates on both dialects). */
export interface VersionRecord {
  readonly id: string;
  readonly promptId: string;
  readonly major: number;
  readonly minor: number;
  readonly parentVersionId: string | null;
  readonly content: PromptContent;
  readonly contentHash: string;
  readonly author: string;
  readonly message: string;
  readonly createdAt: string;
}

export interface LabelRecord {
  readonly promptId: string;
  readonly label: string;
  readonly versionId: string;
  readonly updatedAt: string;
}

export interface LabelEventRecord {
  readonly id: string;
  readonly promptId: string;
  readonly label: string;
  readonly fromVersionId: string | null;
  readonly toVersionId: string;
  readonly actor: string;
  readonly at: string;
}

/** A composition ref as the database enforces it (see migration 0003). */
export interface ComponentRefRecord {
  readonly position: number;
  readonly componentPromptId: string;
  readonly componentVersionId: string | null;
  readonly componentLabel: string | null;
}

/** A version of another prompt that uses this prompt as a component. */
export interface Referrer {
  readonly promptName: string;
  readonly major: number;
  readonly minor: number;
  readonly pinnedMajor: number | null;
  readonly pinnedMinor: number | null;
}

/** The prompt row as the domain sees it: the one place its tags are parsed. */
export function toPrompt(row: Selectable<PromptTable>): PromptRecord {
  return {
    id: row.id,
    name: row.name,
    // The table's CHECK constraint allows only the contract's kinds.
    kind: row.kind as PromptKind,
    description: row.description,
    tags: readJson<string[]>(row.tags_json),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

export function promptRow(prompt: PromptRecord): Insertable<PromptTable> {
  return {
    id: prompt.id,
    name: prompt.name,
    kind: prompt.kind,
    description: prompt.description,
    tags_json: writeJson(prompt.tags),
    created_at: prompt.createdAt,
    updated_at: prompt.updatedAt,
    deleted_at: prompt.deletedAt,
  };
}

/** A version row as the domain sees it: the one place its content is parsed. */
export function toVersion(row: Selectable<PromptVersionTable>): VersionRecord {
  return {
    id: row.id,
    promptId: row.prompt_id,
    major: row.major,
    minor: row.minor,
    parentVersionId: row.parent_version_id,
    content: readJson<PromptContent>(row.content_json),
    contentHash: row.content_hash,
    author: row.author,
    message: row.message,
    createdAt: row.created_at,
  };
}

export function versionRow(version: VersionRecord): Insertable<PromptVersionTable> {
  return {
    id: version.id,
    prompt_id: version.promptId,
    major: version.major,
    minor: version.minor,
    parent_version_id: version.parentVersionId,
    content_json: writeJson(version.content),
    content_hash: version.contentHash,
    author: version.author,
    message: version.message,
    created_at: version.createdAt,
  };
}

export function toLabel(row: Selectable<PromptLabelTable>): LabelRecord {
  return {
    promptId: row.prompt_id,
    label: row.label,
    versionId: row.version_id,
    updatedAt: row.updated_at,
  };
}

export function toLabelEvent(row: Selectable<PromptLabelEventTable>): LabelEventRecord {
  return {
    id: row.id,
    promptId: row.prompt_id,
    label: row.label,
    fromVersionId: row.from_version_id,
    toVersionId: row.to_version_id,
    actor: row.actor,
    at: row.at,
  };
}

export function labelEventRow(event: LabelEventRecord): Insertable<PromptLabelEventTable> {
  return {
    id: event.id,
    prompt_id: event.promptId,
    label: event.label,
    from_version_id: event.fromVersionId,
    to_version_id: event.toVersionId,
    actor: event.actor,
    at: event.at,
  };
}
