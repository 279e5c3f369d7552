import { suspendsEventsAroundOwnWrites } from './features';
import type { XlContext, XlRequirements } from './xl';

/**
 * Switches Excel's events off around the add-in's own writes on hosts that have
 * `context.runtime.enableEvents` (ExcelApi 1.8) but not `triggerSource` (1.14): "The enableEvents
 * property determines if events are fired and their handlers are activated"
 * (office-js-docs-pr, docs/excel/excel-add-ins-events.md, "Enable and disable events").
 *
 * `suspend()` is queued before the first write, so it runs first in that batch; the restore is
 * queued at the head of the next batch the caller sends anyway (or in a sync of its own), never
 * behind the writes in the same batch: whether events raised by a batch are checked against the
 * flag when they happen or when they are delivered is not documented. A restore whose sync failed
 * is sent again, so events are never left off.
 */
export class EventSuspension {
  private state: 'idle' | 'off' | 'restoring' | 'on' = 'idle';

  constructor(
    private readonly ctx: XlContext,
    /** False on hosts where nothing is switched off (below 1.8, or 1.14 and later). */
    readonly active: boolean,
  ) {}

  static for(ctx: XlContext, req: XlRequirements): EventSuspension {
    return new EventSuspension(ctx, suspendsEventsAroundOwnWrites(req));
  }

  /** Queues `enableEvents = false` once, before the first own write is queued. */
  suspend(): void {
    if (!this.active || this.state === 'off') return;
    this.ctx.runtime.enableEvents = false;
    this.state = 'off';
  }

  /** Queues the restore into the batch the caller is about to sync. */
  queueRestore(): void {
    if (this.state !== 'off') return;
    this.ctx.runtime.enableEvents = true;
    this.state = 'restoring';
  }

  /** The batch holding the restore was synced. */
  synced(): void {
    if (this.state === 'restoring') this.state = 'on';
  }

  /** The batch holding the restore failed: it must be sent again. */
  failed(): void {
    if (this.state === 'restoring') this.state = 'off';
  }

  /** Restores in a sync of its own if still needed. */
  async restore(): Promise<void> {
    if (this.state !== 'off' && this.state !== 'restoring') return;
    this.state = 'off';
    this.queueRestore();
    await this.ctx.sync();
    this.synced();
  }
}

/**
 * Runs `body` (which queues writes and syncs them) with events off where that applies, and
 * restores them after it, also when it fails. A failing restore never hides the body's error.
 */
export async function withOwnWrites<T>(
  ctx: XlContext,
  req: XlRequirements,
  body: (events: EventSuspension) => Promise<T>,
): Promise<T> {
  const events = EventSuspension.for(ctx, req);
  let result: T;
  try {
    result = await body(events);
  } catch (e) {
    await events.restore().catch(() => undefined);
    throw e;
  }
  await events.restore();
  return result;
}
