import { describe, expect, it } from "vitest";
import {
  eventBetween,
  isFinal,
  TASK_EVENTS,
  TASK_STATES,
  type TaskEvent,
  type TaskState,
  transition,
} from "../../../schema/dispatch/rules/task-state.ts";

/** The diagram, written out pair by pair. */
const LEGAL: Record<string, TaskState> = {
  "PLANNED DISPATCH": "DISPATCHED",
  "DISPATCHED START": "IN_PROGRESS",
  "IN_PROGRESS COMPLETE": "DONE",
  "PLANNED CANCEL": "CANCELLED",
  "DISPATCHED CANCEL": "CANCELLED",
  "IN_PROGRESS CANCEL": "CANCELLED",
};
const TARGET: Record<TaskEvent, TaskState> = {
  DISPATCH: "DISPATCHED",
  START: "IN_PROGRESS",
  COMPLETE: "DONE",
  CANCEL: "CANCELLED",
};

describe("task state machine", () => {
  const pairs = TASK_STATES.flatMap((state) => TASK_EVENTS.map((event) => [state, event] as const));

  it.each(pairs)("%s + %s", (state, event) => {
    const legal = LEGAL[`${state} ${event}`];
    const result = transition(state, event);
    if (legal) expect(result).toEqual({ ok: true, state: legal });
    else {
      expect(result).toEqual({
        ok: false,
        code: "ILLEGAL_TRANSITION",
        from: state,
        to: TARGET[event],
        event,
        message: `a task cannot go from ${state} to ${TARGET[event]} (${event})`,
      });
    }
  });

  it("names the event for every legal from → to pair and none for the others", () => {
    for (const from of TASK_STATES) {
      for (const to of TASK_STATES) {
        const event = eventBetween(from, to);
        const expected = TASK_EVENTS.find((e) => LEGAL[`${from} ${e}`] === to) ?? null;
        expect(event, `${from} → ${to}`).toBe(expected);
      }
    }
  });

  it("DONE and CANCELLED are final", () => {
    expect(TASK_STATES.filter(isFinal)).toEqual(["DONE", "CANCELLED"]);
  });
});
