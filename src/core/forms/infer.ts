import type { FormSettingsInput, TitleMode } from './model';
import type { PerformanceForm } from './model';

/**
 * Settings a workbook already implies: when the clerk's file has forms, new ones should look
 * like them (same 主管部门及代码, same title wording) without the clerk repeating it.
 */
export function settingsFromForms(forms: PerformanceForm[]): Partial<FormSettingsInput> {
  const out: Partial<FormSettingsInput> = {};
  const dept = mostCommon(forms.map((f) => f.department).filter((d) => d !== ''));
  if (dept) out.department = dept;
  const title = mostCommon(forms.map((f) => f.title ?? '').filter((t) => t !== ''));
  if (forms.length > 0 && !title) out.titleMode = 'none';
  if (title) {
    const m = /^(.+?[市县])(市|县)级预算部门[（(]单位[）)]项目支出绩效目标(申报)?表$/.exec(title.replace(/\s/g, ''));
    if (m) {
      const mode: TitleMode = m[2] === '县' ? 'county' : m[3] ? 'cityApplication' : 'city';
      out.titleMode = mode;
      out.place = m[1];
    }
  }
  return out;
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  let n = 0;
  for (const [v, c] of counts) {
    if (c > n) {
      best = v;
      n = c;
    }
  }
  return best;
}
