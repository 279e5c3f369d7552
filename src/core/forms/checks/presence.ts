import type { Finding } from '../../model/finding';
import type { LocatedForm } from '../locate';
import type { MatchResult } from '../match';
import { toYuan } from '../projects';
import { at, finding, formName, yuan, type FormAnalysis } from './kit';

/**
 * F1: one form per 表12 project (docs/forms.md § Rules).
 *  - F1   a 表12 project without its form — 错误 (the document as published lacks it);
 *  - F1.1 a form without a 表12 project — 错误;
 *  - F1.2 a form printed more than once — 错误, one finding per project naming how many copies;
 *  - F1.3 a form paired with a project whose name it does not print exactly (near-miss name, or
 *         the same unit and amount) — 提示: the pairing is a guess a person confirms;
 *  - F1 (信息) no form anywhere in the workbook, said once: the forms are often kept in another
 *         file, and one missing-form error per project would bury everything else.
 * Silent when 表12 has no project.
 */
export function checkPresence(a: FormAnalysis): Finding[] {
  if (a.projects.length === 0) return [];
  if (a.forms.length === 0) return [noFormsAtAll(a.projects.length)];
  return [
    ...a.match.missing.map(missingForm),
    ...a.match.extra.map(formWithoutProject),
    ...duplicatedForms(a.match),
    ...namesThatDiffer(a.match),
  ];
}

function noFormsAtAll(projects: number): Finding {
  return {
    rule: 'F1',
    severity: 'info',
    table: 'form',
    message: `工作簿中没有找到项目支出绩效目标表；表12共有${projects}个项目，每个项目应有一张目标表（可用“生成绩效目标表”功能生成）。`,
  };
}

function missingForm(p: MatchResult['missing'][number]): Finding {
  return {
    rule: 'F1',
    severity: 'error',
    table: 'form',
    sheet: p.at?.sheet,
    cell: p.at?.cell,
    row: p.name,
    expected: yuan(toYuan(p.total)),
    message: `表12项目“${p.name}”（${p.total.toFixed(2)}万元）没有对应的项目支出绩效目标表${p.at ? `（工作表“${p.at.sheet}”单元格 ${p.at.cell}）` : ''}。`,
  };
}

function formWithoutProject(f: LocatedForm): Finding {
  return finding(
    'F1.1',
    'error',
    f,
    at(f, 'projectName'),
    `${formName(f)}在表12中没有对应的项目，请核对项目名称或删除多余的目标表`,
    { actual: yuan(f.funds.annual.total) },
  );
}

const place = (f: LocatedForm): string => `工作表“${f.sheet}”${at(f, 'projectName') ?? ''}`;

/**
 * One finding per project, however many copies: the clerk deletes all but one, and a reviewer
 * counts one mistake, not ten. It points at the first extra copy and lists every copy's cell.
 */
function duplicatedForms(m: MatchResult): Finding[] {
  const byOriginal = new Map<LocatedForm, MatchResult['duplicates']>();
  for (const d of m.duplicates) byOriginal.set(d.of, [...(byOriginal.get(d.of) ?? []), d]);
  return [...byOriginal].map(([original, copies]) => {
    const first = copies[0].form;
    const all = [original, ...copies.map((c) => c.form)];
    return finding(
      'F1.2',
      'error',
      first,
      at(first, 'projectName'),
      `项目“${copies[0].project.name}”的绩效目标表重复出现${all.length}次（${all.map(place).join('、')}），同一项目只应保留一张`,
      { cells: all.map((f) => ({ sheet: f.sheet, cell: at(f, 'projectName') ?? 'A1' })) },
    );
  });
}

function namesThatDiffer(m: MatchResult): Finding[] {
  return m.pairs
    .filter((x) => x.how !== 'exact')
    .map(({ form: f, project: p, how }) => {
      const why = how === 'near' ? '名称与表12相近但不一致' : '名称与表12不一致（按单位和金额对应）';
      return finding(
        'F1.3',
        'warning',
        f,
        at(f, 'projectName'),
        `目标表项目名称“${f.projectName}”${why}：表12为“${p.name}”，请统一`,
        {
          cells: [
            { sheet: f.sheet, cell: at(f, 'projectName') ?? 'A1' },
            ...(p.at ? [{ sheet: p.at.sheet, cell: p.at.cell }] : []),
          ],
        },
      );
    });
}
