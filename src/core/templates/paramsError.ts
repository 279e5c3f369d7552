/**
 * Template parameters are checked by zod (schema.ts); its issues and our own errors both end up
 * as one Chinese sentence for the clerk, in every host that renders templates from the pane.
 */
export function describeParamsError(e: unknown): Error {
  if (e && typeof e === 'object' && 'issues' in e && Array.isArray((e as { issues: unknown }).issues)) {
    const issues = (e as { issues: { message?: string }[] }).issues;
    return new Error(
      `参数有误：${issues
        .map((i) => i.message ?? '')
        .filter(Boolean)
        .join('；')}`,
    );
  }
  if (e instanceof Error) return e;
  return new Error(String(e));
}
