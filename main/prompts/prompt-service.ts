import type { Database } from 'better-sqlite3';
import type { ChannelOutput, PromptSummary, PromptVersionView } from '../../shared/contract';
import { AssayError } from '../../shared/errors';
import { currentActor } from './actor';
import { diffContents } from './diff';
import { setLabel } from './labels';
import { purgePrompt, restorePrompt, softDeletePrompt } from './lifecycle';
import { listPrompts, type ListFilter } from './list';
import type { PromptRow } from './prompt-store';
import {
  freezeVersion,
  renderVersion,
  type FrozenPrompt,
  type Rendered,
  type RenderInput,
} from './render';
import {
  contentOf,
  requirePrompt,
  selectVersion,
  versionName,
  type VersionSelector,
} from './resolve';
import { createStores, type Stores } from './stores';
import { createPrompt, updatePrompt, type CreateInput, type UpdateInput } from './versioning';
import { labelIndex, summaryOf, versionViewOf } from './views';

/**
 * The prompt registry as the rest of Assay uses it: every write goes through the domain
 * functions (versioning, labels, purge), every answer is a contract view.
 */
export class PromptService {
  readonly stores: Stores;

  constructor(
    db: Database,
    private readonly actor: () => string = currentActor,
  ) {
    this.stores = createStores(db);
  }

  create(input: CreateInput): PromptVersionView {
    const prompt = createPrompt(this.stores, input, this.actor());
    return versionViewOf(this.stores, prompt, this.stores.prompts.latestVersion(prompt.id)!);
  }

  list(filter: ListFilter): PromptSummary[] {
    return listPrompts(this.stores, filter);
  }

  get(name: string, selector: VersionSelector): ChannelOutput<'prompts.get'> {
    const prompt = requirePrompt(this.stores, name, 'prompts.get');
    const version = selectVersion(this.stores, prompt, selector);
    return {
      prompt: summaryOf(this.stores, prompt),
      version: versionViewOf(this.stores, prompt, version),
    };
  }

  update(input: UpdateInput): { created: boolean; version: PromptVersionView } {
    const result = updatePrompt(this.stores, input, this.actor());
    return {
      created: result.created,
      version: versionViewOf(this.stores, result.prompt, result.version),
    };
  }

  /** Soft delete: hidden from lists, the name stays taken, restore brings it back. */
  delete(name: string): boolean {
    return softDeletePrompt(this.stores, name);
  }

  restore(name: string): PromptSummary {
    return summaryOf(this.stores, restorePrompt(this.stores, name));
  }

  /** Hard delete of a soft-deleted prompt nothing uses any more (not in the contract yet). */
  purge(name: string): void {
    purgePrompt(this.stores, name);
  }

  setLabel(input: { name: string; label: string; version: string }): PromptSummary {
    return summaryOf(this.stores, setLabel(this.stores, input, this.actor()));
  }

  /** History stays readable for a deleted prompt, so it can be inspected before a restore. */
  versions(name: string): PromptVersionView[] {
    const prompt = this.find(name, 'prompts.versions');
    const labels = labelIndex(this.stores, prompt.id);
    return this.stores.prompts
      .versionsOf(prompt.id)
      .map((row) => versionViewOf(this.stores, prompt, row, labels));
  }

  labelHistory(name: string): ChannelOutput<'prompts.labelHistory'>['events'] {
    const prompt = this.find(name, 'prompts.labelHistory');
    const names = new Map(
      this.stores.prompts.versionsOf(prompt.id).map((v) => [v.id, versionName(v)]),
    );
    return this.stores.labels.events(prompt.id).map((e) => ({
      label: e.label,
      fromVersion: e.from_version_id === null ? null : names.get(e.from_version_id)!,
      toVersion: names.get(e.to_version_id)!,
      actor: e.actor,
      at: e.at,
    }));
  }

  /** A version resolved once for many renders (an eval run), with its version row id. */
  freeze(name: string, selector: VersionSelector): { versionId: string; frozen: FrozenPrompt } {
    const prompt = requirePrompt(this.stores, name, 'evals.start');
    const version = selectVersion(this.stores, prompt, selector);
    return { versionId: version.id, frozen: freezeVersion(this.stores, prompt, version) };
  }

  render(name: string, selector: VersionSelector, input: RenderInput): Rendered {
    const prompt = requirePrompt(this.stores, name, 'prompts.render');
    return renderVersion(this.stores, prompt, selectVersion(this.stores, prompt, selector), input);
  }

  diff(name: string, from: string, to: string): ChannelOutput<'prompts.diff'> {
    const prompt = this.find(name, 'prompts.diff');
    const before = selectVersion(this.stores, prompt, { version: from });
    const after = selectVersion(this.stores, prompt, { version: to });
    return { from, to, sections: diffContents(contentOf(before), contentOf(after)) };
  }

  private find(name: string, where: string): PromptRow {
    const prompt = this.stores.prompts.promptByName(name);
    if (!prompt) throw new AssayError('NOT_FOUND', `${where}: no prompt named "${name}"`);
    return prompt;
  }
}
