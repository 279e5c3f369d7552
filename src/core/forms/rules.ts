import type { Finding } from '../model/finding';
import { runModules } from '../rules/run';
import type { RuleContext, RuleModule } from '../rules/types';
import { checkOverallForm } from './overall';
import { analyse, type FormAnalysis } from './checks/kit';
import { checkPresence } from './checks/presence';
import { checkAgainstTable, checkPeriod, checkReadable, checkSourceMapping, checkSplitSums } from './checks/funds';
import { checkCostIndicators, checkRequiredIndicators, checkValueNotation } from './checks/indicators';
import { checkFilingDate } from './checks/signature';
import { checkImplementingUnit } from './checks/unit';

export { parseFormDate } from './checks/signature';

/**
 * The 项目支出绩效目标表 rules F0–F10 as rule modules. Each check states in its own comment when it
 * applies and when it stays silent; `specs.ts` holds the same as data (ids, severities, why), and
 * docs/forms.md the table. A check that throws is not caught here: `runModules` turns it into the
 * one 提示 the severity policy documents (docs/rules.md).
 */
function module(id: string, description: string, run: (a: FormAnalysis) => Finding[]): RuleModule {
  return {
    id,
    description,
    run(ctx) {
      const a = analyse(ctx);
      return a ? run(a) : [];
    },
  };
}

export const FORM_RULES: RuleModule[] = [
  module('F0', '目标表金额单元格可识别', checkReadable),
  module('F1', '每个表12项目一张绩效目标表，无多余、无重复，名称一致', checkPresence),
  module('F2', '年度资金总额与表12合计一致（表12为目标表元数取整到0.01万元）', checkAgainstTable),
  module('F3', '资金来源各项之和 = 资金总额', checkSplitSums),
  module('F4', '资金来源与表12资金列对应', checkSourceMapping),
  module('F5', '年度 ≤ 实施期；一次性项目实施期 = 年度、项目期1年', checkPeriod),
  module('F6', '必填指标与总体目标', checkRequiredIndicators),
  module('F7', '成本指标金额不超过资金总额', checkCostIndicators),
  module('F8', '填报日期', checkFilingDate),
  module('F9', '实施单位与表12一致；指标值写法', (a) => [...checkImplementingUnit(a), ...checkValueNotation(a)]),
  {
    id: 'F10',
    description: '部门（单位）整体支出绩效目标表（仅当存在时）',
    run(ctx: RuleContext) {
      return ctx.workbook ? checkOverallForm(ctx.workbook, ctx.disclosure) : [];
    },
  },
];

/** All form findings at once (CLI and tests), through the same error policy as every rule family. */
export function checkForms(ctx: RuleContext): Finding[] {
  return runModules(FORM_RULES, ctx);
}
