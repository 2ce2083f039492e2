/**
 * The enterprises' voice (检查情况反馈表, table InspectionFeedback), over joint tasks DONE in the period:
 *   FEEDBACK_RATE = DONE joint tasks with a feedback / DONE joint tasks
 *   SATISFACTION  = mean satisfaction (1 很不满意 … 5 很满意) of the feedback submitted in the period
 */
import { type Measure, rateMeasure, round2 } from "./measure.ts";

export interface FeedbackRow {
  tasksDone: number;
  tasksWithFeedback: number;
  /** feedback submitted in the period: how many, and the sum of their satisfaction */
  feedbackCount: number;
  satisfactionSum: number;
}

export const feedbackRate = (row: FeedbackRow): Measure => rateMeasure(row.tasksWithFeedback, row.tasksDone);

export const satisfaction = (row: FeedbackRow): Measure => ({
  value: row.feedbackCount > 0 ? round2(row.satisfactionSum / row.feedbackCount) : null,
  numerator: row.satisfactionSum,
  denominator: row.feedbackCount,
  breakdown: [],
});
