/**
 * The event bus only wakes people up: Postgres (the outbox) is the source of truth, so a lost
 * message costs latency, never data. In-process when alone; Redis pub/sub across replicas.
 */
export type BusHandler = (message: string) => void;

export interface Bus {
  readonly kind: "memory" | "redis";
  publish(channel: string, message: string): Promise<void>;
  /** returns the function that unsubscribes */
  subscribe(channel: string, handler: BusHandler): Promise<() => Promise<void>>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
