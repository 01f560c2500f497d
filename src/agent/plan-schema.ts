import { z } from 'zod';

/**
 * The plan is part of the product: the planner model must return exactly this shape,
 * and it is sent to the model as a JSON schema (z.toJSONSchema).
 */
export const TaskAction = z.enum(['modify', 'create', 'delete', 'rename', 'read']);
export type TaskAction = z.infer<typeof TaskAction>;

export const PlanTask = z.object({
  file: z.string().min(1),
  action: TaskAction,
  symbols: z.array(z.string()).default([]),
  new_name: z.string().optional(),
  instruction: z.string().default(''),
});
export type PlanTask = z.infer<typeof PlanTask>;

export const RequestKind = z.enum(['edit', 'question', 'undo']);
export type RequestKind = z.infer<typeof RequestKind>;

export const Plan = z.object({
  kind: RequestKind.optional(),
  synthesis: z.string().default(''),
  // Required, so that `{}` or a lone task object is a parse failure (and a retry), not an empty plan.
  tasks: z.array(PlanTask),
});
export type Plan = z.infer<typeof Plan>;
