import type { z } from 'zod';

/** A problem in configuration or environment: start-up stops and every problem is listed. */
export class ConfigurationError extends Error {}

/** Every problem at once, as "path: message" lines, so one start-up attempt shows them all. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => `  - ${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`).join('\n');
}
