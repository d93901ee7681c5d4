import type {
  ChannelOutput,
  ParsedInput,
  PromptSummary,
  PromptVersionView,
} from '../../shared/contract';
import { AssayError } from '../../shared/errors';
import type { Store } from '../store/store';
import { currentActor } from './actor';
import { diffContents } from './diff';
import { exportPromptFiles, type ExportedFiles } from './export-files';
import { importPromptFiles, type ImportReport } from './import-files';
import { setLabel } from './labels';
import { purgePrompt, restorePrompt, softDeletePrompt } from './lifecycle';
import { listPrompts, type ListFilter } from './list';
import type { PromptRecord } from './prompt-rows';
import {
  freezeVersion,
  renderVersion,
  type FrozenPrompt,
  type Rendered,
  type RenderInput,
} from './render';
import { requirePrompt, selectVersion, versionName, type VersionSelector } from './resolve';
import { createStores, type Stores } from './stores';
import { formatVersion } from './version-name';
import { createPrompt, updatePrompt, type CreateInput, type UpdateInput } from './versioning';
import { labelIndex, summaryOf, versionViewOf } from './views';

/**
 * The prompt registry as the rest of Assay uses it: every write goes through the domain
 * functions (versioning, labels, purge), every answer is a contract view.
 */
export class PromptService {
  private readonly stores: Stores;

  constructor(
    store: Store,
    private readonly actor: () => string = currentActor,
  ) {
    this.stores = createStores(store.db, store.dialect);
  }

  async create(input: CreateInput): Promise<PromptVersionView> {
    const prompt = await createPrompt(this.stores, input, this.actor());
    const first = (await this.stores.prompts.latestVersion(prompt.id))!;
    return versionViewOf(this.stores, prompt, first);
  }

  list(filter: ListFilter): Promise<PromptSummary[]> {
    return listPrompts(this.stores, filter);
  }

  /**
   * A prompt reference as apps send it (`x-assay-prompt`, interactions.create): `name@label`,
   * `name@v1.2`, or a version id. NOT_FOUND names what was missing.
   */
  async resolveRef(ref: string): Promise<{ versionId: string; name: string; version: string }> {
    const at = ref.lastIndexOf('@');
    if (at <= 0) {
      const version = await this.stores.prompts.versionById(ref);
      if (!version)
        throw new AssayError(
          'NOT_FOUND',
          `No prompt version "${ref}": send name@label, name@v1.2 or a version id`,
        );
      const prompt = (await this.stores.prompts.promptById(version.promptId))!;
      return { versionId: version.id, name: prompt.name, version: versionName(version) };
    }
    const name = ref.slice(0, at);
    const selector = ref.slice(at + 1);
    const found = await this.get(
      name,
      /^v\d+\.\d+$/.test(selector) ? { version: selector } : { label: selector },
    );
    return { versionId: found.version.id, name, version: found.version.version };
  }

  async get(name: string, selector: VersionSelector): Promise<ChannelOutput<'prompts.get'>> {
    const prompt = await requirePrompt(this.stores, name, 'prompts.get');
    const version = await selectVersion(this.stores, prompt, selector);
    return {
      prompt: await summaryOf(this.stores, prompt),
      version: await versionViewOf(this.stores, prompt, version),
    };
  }

  async update(input: UpdateInput): Promise<{ created: boolean; version: PromptVersionView }> {
    const result = await updatePrompt(this.stores, input, this.actor());
    return {
      created: result.created,
      version: await versionViewOf(this.stores, result.prompt, result.version),
    };
  }

  /** Soft delete: hidden from lists, the name stays taken, restore brings it back. */
  delete(name: string): Promise<boolean> {
    return softDeletePrompt(this.stores, name);
  }

  async restore(name: string): Promise<PromptSummary> {
    return summaryOf(this.stores, await restorePrompt(this.stores, name));
  }

  /** Hard delete of a soft-deleted prompt nothing uses any more (not in the contract yet). */
  purge(name: string): Promise<void> {
    return purgePrompt(this.stores, name);
  }

  async setLabel(input: { name: string; label: string; version: string }): Promise<PromptSummary> {
    return summaryOf(this.stores, await setLabel(this.stores, input, this.actor()));
  }

  /** History stays readable for a deleted prompt, so it can be inspected before a restore. */
  async versions(name: string): Promise<PromptVersionView[]> {
    const prompt = await this.find(name, 'prompts.versions');
    const labels = await labelIndex(this.stores, prompt.id);
    const rows = await this.stores.prompts.versionsOf(prompt.id);
    const known = new Map(rows.map((v) => [v.id, v]));
    const views: PromptVersionView[] = [];
    for (const row of rows)
      views.push(await versionViewOf(this.stores, prompt, row, { labels, known }));
    return views;
  }

  async labelHistory(name: string): Promise<ChannelOutput<'prompts.labelHistory'>['events']> {
    const prompt = await this.find(name, 'prompts.labelHistory');
    const names = new Map(
      (await this.stores.prompts.versionsOf(prompt.id)).map((v) => [v.id, versionName(v)]),
    );
    return (await this.stores.labels.events(prompt.id)).map((e) => ({
      label: e.label,
      fromVersion: e.fromVersionId === null ? null : names.get(e.fromVersionId)!,
      toVersion: names.get(e.toVersionId)!,
      actor: e.actor,
      at: e.at,
    }));
  }

  /**
   * Name, version (`v1.2`) and author of each version id that exists, by id: what a
   * leaderboard shows of the prompt versions it ranks.
   */
  async versionNames(
    ids: readonly string[],
  ): Promise<Map<string, { name: string; version: string; author: string }>> {
    const rows = await this.stores.prompts.versionNames([...new Set(ids)]);
    return new Map(
      rows.map((r) => [r.id, { name: r.name, version: formatVersion(r), author: r.author }]),
    );
  }

  /** A version resolved once for many renders (an eval run), with its version row id. */
  async freeze(
    name: string,
    selector: VersionSelector,
  ): Promise<{ versionId: string; frozen: FrozenPrompt }> {
    const prompt = await requirePrompt(this.stores, name, 'evals.start');
    const version = await selectVersion(this.stores, prompt, selector);
    return { versionId: version.id, frozen: await freezeVersion(this.stores, prompt, version) };
  }

  async render(name: string, selector: VersionSelector, input: RenderInput): Promise<Rendered> {
    const prompt = await requirePrompt(this.stores, name, 'prompts.render');
    const version = await selectVersion(this.stores, prompt, selector);
    return renderVersion(this.stores, prompt, version, input);
  }

  async diff(name: string, from: string, to: string): Promise<ChannelOutput<'prompts.diff'>> {
    const prompt = await this.find(name, 'prompts.diff');
    const before = await selectVersion(this.stores, prompt, { version: from });
    const after = await selectVersion(this.stores, prompt, { version: to });
    return { from, to, sections: diffContents(before.content, after.content) };
  }

  /** One YAML file per prompt, for the caller to write (`assay prompts export DIR`). */
  exportFiles(): Promise<ExportedFiles> {
    return exportPromptFiles(this.stores);
  }

  /** Adds what the files have and the database lacks (`assay prompts import DIR`). */
  importFiles(
    input: ParsedInput<'prompts.importFiles'>,
    actor: string = this.actor(),
  ): Promise<ImportReport> {
    const unreadable = (input.unreadable ?? []).map((p) => ({ path: p.file, unreadable: p }));
    return importPromptFiles(this.stores, [...input.files, ...unreadable], actor);
  }

  private async find(name: string, where: string): Promise<PromptRecord> {
    const prompt = await this.stores.prompts.promptByName(name);
    if (!prompt) throw new AssayError('NOT_FOUND', `${where}: no prompt named "${name}"`);
    return prompt;
  }
}
