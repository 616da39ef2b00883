/**
 * The chair board's change feed. Every write to a session publishes a small
 * event (ids only, never patient data); every open board holds a server-sent
 * event stream subscribed here and refetches what changed.
 *
 * In-process: works the same on PGlite and PostgreSQL as long as Glia runs as
 * one server process (how it is deployed today). Several processes behind a
 * load balancer would need PostgreSQL LISTEN/NOTIFY behind this same interface.
 */
import { EventEmitter } from 'node:events';

export interface BoardEvent {
  type: 'session-changed' | 'session-created';
  sessionId: string;
  /** Clinic-local day of the session. */
  serviceDate: string;
  /** What happened, e.g. "reading", "pump", "alert-acknowledged". */
  change: string;
  at: string;
}

export class BoardBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    // One listener per open board; a clinic's wall screens and tablets are many.
    this.emitter.setMaxListeners(0);
  }

  publish(event: BoardEvent): void {
    this.emitter.emit('event', event);
  }

  subscribe(listener: (event: BoardEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  listenerCount(): number {
    return this.emitter.listenerCount('event');
  }
}
