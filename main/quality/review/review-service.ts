import type { ChannelOutput, ParsedInput } from '../../../shared/contract';
import type {
  ReviewAgreement,
  ReviewItemDetail,
  ReviewQueueView,
} from '../../../shared/contract/review';
import { AssayError } from '../../../shared/errors';
import { newId } from '../../kit/ids';
import { isUniqueViolation } from '../../store/constraint-errors';
import type { Store } from '../../store/store';
import { throwIssues } from '../grader-checks';
import { GraderRepository } from '../grader-repository';
import { ScoreRepository, scoreView } from '../score-repository';
import { assignItems } from './assign-items';
import { fillQueue, type InteractionSource } from './fill-queue';
import { ItemRepository, type ItemRecord } from './item-repository';
import { queueAgreement } from './queue-agreement';
import { QueueRepository, type QueueRecord } from './queue-repository';
import { queueView } from './queue-views';
import { skipReview, submitReview, type ScoreSink } from './submit-review';

export interface ReviewDeps {
  readonly store: Store;
  /** Scores are recorded by the quality service, like every other score. */
  readonly scores: ScoreSink;
  readonly interactions: InteractionSource;
}

const nameTaken = (where: string, name: string): AssayError =>
  new AssayError('CONFLICT', `${where}: a review queue named "${name}" exists`, {
    issues: [{ path: 'name', message: 'taken by a live review queue' }],
  });

/**
 * Human review: queues of interactions, their reviewers, and the scores reviews give. The only
 * door into review; scores go through the quality service, interactions come from tracing.
 */
export class ReviewService {
  private readonly queues: QueueRepository;
  private readonly items: ItemRepository;

  constructor(private readonly deps: ReviewDeps) {
    this.queues = new QueueRepository(deps.store.db);
    this.items = new ItemRepository(deps.store.db);
  }

  private async view(queue: QueueRecord): Promise<ReviewQueueView> {
    return queueView(queue, await this.items.counts([queue.id]));
  }

  private async requireQueue(id: string, where: string, field = 'id'): Promise<QueueRecord> {
    const queue = await this.queues.queue(id);
    if (!queue)
      throw new AssayError('NOT_FOUND', `${where}: no review queue with id "${id}"`, {
        issues: [{ path: field, message: 'no such review queue' }],
      });
    return queue;
  }

  async listQueues(input: ParsedInput<'reviewQueues.list'>): Promise<ReviewQueueView[]> {
    const queues = await this.queues.list(input.includeArchived);
    const counts = await this.items.counts(queues.map((q) => q.id));
    return queues.map((q) => queueView(q, counts));
  }

  async getQueue(id: string): Promise<ReviewQueueView> {
    return this.view(await this.requireQueue(id, 'reviewQueues.get'));
  }

  async createQueue(input: ParsedInput<'reviewQueues.create'>): Promise<ReviewQueueView> {
    const where = 'reviewQueues.create';
    const grader = await new GraderRepository(this.deps.store.db).grader(input.graderId);
    if (!grader)
      throw new AssayError('NOT_FOUND', `${where}: no grader with id "${input.graderId}"`, {
        issues: [{ path: 'graderId', message: 'no such grader' }],
      });
    if (grader.archived)
      throwIssues(where, [
        { path: 'graderId', message: 'the grader is archived: restore it or pick another' },
      ]);
    const queue = {
      id: newId(),
      name: input.name,
      graderId: grader.id,
      filledBy: null,
      rule: null,
      instructions: input.instructions,
      archived: false,
      createdAt: new Date().toISOString(),
    };
    try {
      await this.deps.store.writes.run(async (tx) => {
        const repo = new QueueRepository(tx);
        if (await repo.liveByName(input.name)) throw nameTaken(where, input.name);
        await repo.insert(queue);
      });
    } catch (err) {
      // Another writer took the name between the check and the insert.
      if (isUniqueViolation(err)) throw nameTaken(where, input.name);
      throw err;
    }
    return this.getQueue(queue.id);
  }

  async archiveQueue(input: ParsedInput<'reviewQueues.archive'>): Promise<ReviewQueueView> {
    const where = 'reviewQueues.archive';
    const queue = await this.requireQueue(input.id, where);
    if (!input.archived && queue.archived && (await this.queues.liveByName(queue.name)))
      throw nameTaken(where, queue.name);
    await this.deps.store.writes.run((tx) =>
      new QueueRepository(tx).setArchived(queue.id, input.archived),
    );
    return this.getQueue(queue.id);
  }

  async fill(input: ParsedInput<'reviewQueues.fill'>): Promise<ChannelOutput<'reviewQueues.fill'>> {
    const where = 'reviewQueues.fill';
    const queue = await this.requireQueue(input.queueId, where, 'queueId');
    if (input.source.kind === 'rule') {
      const graderId = input.source.rule.graderId;
      if (!(await new GraderRepository(this.deps.store.db).grader(graderId)))
        throw new AssayError('NOT_FOUND', `${where}: no grader with id "${graderId}"`, {
          issues: [{ path: 'source.rule.graderId', message: 'no such grader' }],
        });
    }
    const outcome = await fillQueue(
      this.deps.store,
      queue.id,
      input.source,
      this.deps.interactions,
    );
    return {
      matched: outcome.matched,
      added: outcome.added,
      alreadyQueued: outcome.matched - outcome.added,
      queue: await this.getQueue(queue.id),
    };
  }

  async assign(
    input: ParsedInput<'reviewQueues.assign'>,
  ): Promise<ChannelOutput<'reviewQueues.assign'>> {
    const queue = await this.requireQueue(input.queueId, 'reviewQueues.assign', 'queueId');
    const assigned = await assignItems(this.deps.store, queue.id, input.reviewers, input.perItem);
    return { assigned, queue: await this.getQueue(queue.id) };
  }

  async agreement(id: string): Promise<ReviewAgreement> {
    const queue = await this.requireQueue(id, 'reviewQueues.agreement');
    return queueAgreement(await this.items.scored(queue.id));
  }

  async reviewerItems(input: ParsedInput<'review.items'>): Promise<ItemRecord[]> {
    const queue = await this.requireQueue(input.queueId, 'review.items', 'queueId');
    return this.items.forReviewer(queue.id, input.reviewer);
  }

  /** The reviewer's first pending item after `after` in queue order, wrapping to the start. */
  async next(input: ParsedInput<'review.next'>): Promise<ReviewItemDetail | null> {
    const queue = await this.requireQueue(input.queueId, 'review.next', 'queueId');
    const mine = await this.items.forReviewer(queue.id, input.reviewer);
    const from = input.after === undefined ? -1 : mine.findIndex((i) => i.id === input.after);
    const ordered = [...mine.slice(from + 1), ...mine.slice(0, from + 1)];
    const next = ordered.find((i) => i.state === 'pending' && i.id !== input.after);
    return next ? this.detail(next, queue) : null;
  }

  async item(id: string): Promise<ReviewItemDetail> {
    const item = await this.items.item(id);
    if (!item)
      throw new AssayError('NOT_FOUND', `review.item: no review item with id "${id}"`, {
        issues: [{ path: 'id', message: 'no such review item' }],
      });
    return this.detail(item, (await this.queues.queue(item.queueId))!);
  }

  private async detail(item: ItemRecord, queue: QueueRecord): Promise<ReviewItemDetail> {
    const latest = (await new GraderRepository(this.deps.store.db).latestVersion(queue.graderId))!;
    const interaction = await this.deps.interactions.get(item.targetId);
    let score = null;
    if (item.scoreId !== null) {
      const stored = await new ScoreRepository(this.deps.store.db).list({
        target: { type: 'interaction', id: item.targetId },
        graderId: queue.graderId,
        limit: 1_000,
      });
      const found = stored.find((s) => s.id === item.scoreId);
      score = found ? scoreView(found) : null;
    }
    return {
      item,
      queue: { id: queue.id, name: queue.name, instructions: queue.instructions },
      grader: {
        id: queue.graderId,
        name: queue.graderName,
        rubric: latest.rubric,
        scoreConfig: latest.scoreConfig,
      },
      interaction: interaction && {
        id: interaction.id,
        type: interaction.type,
        input: interaction.input,
        output: interaction.output,
        createdAt: interaction.createdAt,
      },
      score,
    };
  }

  async submit(input: ParsedInput<'review.submit'>): Promise<ChannelOutput<'review.submit'>> {
    const { item, outcome } = await submitReview(this.deps.store, this.deps.scores, input);
    return { item, score: outcome.score, created: outcome.created };
  }

  async skip(input: ParsedInput<'review.skip'>): Promise<ItemRecord> {
    return skipReview(this.deps.store, input);
  }
}
