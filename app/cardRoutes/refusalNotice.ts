/**
 * A refusal always says that nothing was recorded, so the person never wonders whether a click
 * that was turned down half-happened (most of decide()'s refusals explain only why).
 */
export function refusalNotice(reason: string): string {
  return /Nothing was recorded/.test(reason) ? reason : `${reason} Nothing was recorded.`;
}
