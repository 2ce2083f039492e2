/**
 * The task state machine (issue 7 §5):
 *
 *   PLANNED ─dispatch→ DISPATCHED ─start→ IN_PROGRESS ─complete→ DONE
 *      └──────────────────┴───────────────────┴──cancel→ CANCELLED
 *
 * DONE and CANCELLED are final: a finished inspection is corrected by a new task, never reopened, so the
 * record officers signed stays as it was. Anything else is refused with ILLEGAL_TRANSITION naming from/to.
 */
export const TASK_STATES = ["PLANNED", "DISPATCHED", "IN_PROGRESS", "DONE", "CANCELLED"] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const TASK_EVENTS = ["DISPATCH", "START", "COMPLETE", "CANCEL"] as const;
export type TaskEvent = (typeof TASK_EVENTS)[number];

/** The state each event leads to, and the states it may leave. */
const EVENTS: Readonly<Record<TaskEvent, { to: TaskState; from: readonly TaskState[] }>> = {
  DISPATCH: { to: "DISPATCHED", from: ["PLANNED"] },
  START: { to: "IN_PROGRESS", from: ["DISPATCHED"] },
  COMPLETE: { to: "DONE", from: ["IN_PROGRESS"] },
  CANCEL: { to: "CANCELLED", from: ["PLANNED", "DISPATCHED", "IN_PROGRESS"] },
};

export type TransitionResult =
  | { ok: true; state: TaskState }
  | { ok: false; code: "ILLEGAL_TRANSITION"; from: TaskState; to: TaskState; event: TaskEvent; message: string };

export function transition(state: TaskState, event: TaskEvent): TransitionResult {
  const { to, from } = EVENTS[event];
  if (from.includes(state)) return { ok: true, state: to };
  return {
    ok: false,
    code: "ILLEGAL_TRANSITION",
    from: state,
    to,
    event,
    message: `a task cannot go from ${state} to ${to} (${event})`,
  };
}

/** The event that moves `from` to `to`, or null when no legal transition does. */
export function eventBetween(from: TaskState, to: TaskState): TaskEvent | null {
  return TASK_EVENTS.find((event) => EVENTS[event].to === to && EVENTS[event].from.includes(from)) ?? null;
}

export const isFinal = (state: TaskState): boolean => state === "DONE" || state === "CANCELLED";
