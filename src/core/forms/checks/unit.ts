import type { Finding } from '../../model/finding';
import { isSelfUnitName, sameUnit } from '../unitName';
import { at, finding, formName, type FormAnalysis } from './kit';

/**
 * F9 — 实施单位 against 表12 (docs/forms.md § Rules). 表12 says which unit a project belongs to only
 * through its unit subtotal rows (a 部门 document) or by being a 单位 document; a 部门 document that
 * lists its projects flat says nothing, and then there is nothing to compare.
 *  - F9   实施单位 is another unit than 表12's — 错误 (two printed statements contradict). A 表12 unit
 *         row naming the department's own office (`局机关`, `本级`) also accepts the department;
 *  - F9.1 实施单位 left blank — 提示 (incomplete);
 *  - F9.2 one line for the document when 表12 gives no unit for its projects — 信息.
 */
export function checkImplementingUnit(a: FormAnalysis): Finding[] {
  const out: Finding[] = [];
  let unknown = 0;
  const docUnit = a.disclosure.meta.unit ?? '';
  for (const { project: p, form: f } of a.match.pairs) {
    if (p.unitSource === 'default') {
      unknown++;
      continue;
    }
    const cell = at(f, 'implementingUnit');
    if (!cell) continue;
    if (!f.implementingUnit) {
      out.push(finding('F9.1', 'warning', f, cell, `${formName(f)}实施单位未填写，应为“${p.unit}”`));
      continue;
    }
    const same =
      sameUnit(p.unit, f.implementingUnit) || (isSelfUnitName(p.unit) && sameUnit(docUnit, f.implementingUnit));
    if (same) continue;
    out.push(
      finding('F9', 'error', f, cell, `${formName(f)}实施单位“${f.implementingUnit}”与表12所属单位“${p.unit}”不一致`, {
        cells: [{ sheet: f.sheet, cell }, ...(p.at ? [{ sheet: p.at.sheet, cell: p.at.cell }] : [])],
      }),
    );
  }
  if (unknown > 0) {
    out.push({
      rule: 'F9.2',
      severity: 'info',
      table: 'form',
      message: `表12未按单位分组列示项目（没有单位小计行），无法核对${unknown}张目标表的实施单位是否与表12一致`,
    });
  }
  return out;
}
