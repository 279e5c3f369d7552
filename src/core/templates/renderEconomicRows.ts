import { ECONOMIC } from '../reference';

/**
 * The default 表6 rows of a fresh template: each class of the shipped economic reference that
 * has items, then its items, each paired with its 政府预算支出经济科目 for 行政/参公 units
 * (docs/domain.md § 经济分类, the 机关 mapping). Data, not layout code: a bureau edits GOV_NAME_FOR_ITEM or the
 * reference JSON, the renderer only walks the list.
 */
export interface EconomicTemplateRow {
  kind: 'class' | 'item';
  econName: string;
  govName: string;
  /** The class an item belongs to (the class itself for class rows). */
  className: string;
}

/** 部门预算支出经济科目 → 政府预算支出经济科目 (机关 side). Blank where the seeds show none. */
export const GOV_NAME_FOR_ITEM: Readonly<Record<string, string>> = {
  基本工资: '工资奖金津补贴',
  津贴补贴: '工资奖金津补贴',
  奖金: '工资奖金津补贴',
  机关事业单位基本养老保险缴费: '社会保障缴费',
  职业年金缴费: '社会保障缴费',
  职工基本医疗保险缴费: '社会保障缴费',
  公务员医疗补助缴费: '社会保障缴费',
  其他社会保障缴费: '社会保障缴费',
  住房公积金: '住房公积金',
  其他工资福利支出: '其他工资福利支出',
  办公费: '办公经费',
  印刷费: '办公经费',
  手续费: '办公经费',
  水费: '办公经费',
  电费: '办公经费',
  邮电费: '办公经费',
  差旅费: '办公经费',
  '维修(护)费': '维修（护）费',
  会议费: '会议费',
  培训费: '培训费',
  公务接待费: '公务接待费',
  劳务费: '委托业务费',
  委托业务费: '委托业务费',
  工会经费: '办公经费',
  福利费: '办公经费',
  公务用车运行维护费: '公务用车运行维护费',
  其他交通费用: '办公经费',
  税金及附加费用: '办公经费',
  其他商品和服务支出: '其他商品和服务支出',
  离休费: '离退休费',
  退休费: '离退休费',
  医疗费补助: '社会福利和救助',
  奖励金: '社会福利和救助',
  其他对个人和家庭的补助: '其他对个人和家庭补助',
  办公设备购置: '设备购置',
};

/** The reference lists 维修(护)费 twice (half- and full-width brackets): one row is enough. */
function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/（/g, '(').replace(/）/g, ')');
  return norm(a) === norm(b);
}

export function defaultEconomicRows(): EconomicTemplateRow[] {
  const rows: EconomicTemplateRow[] = [];
  for (const cls of ECONOMIC.classes) {
    const items = ECONOMIC.items[cls.name] ?? [];
    if (items.length === 0) continue;
    rows.push({ kind: 'class', econName: cls.name, govName: '', className: cls.name });
    const seen: string[] = [];
    for (const item of items) {
      if (seen.some((s) => sameName(s, item))) continue;
      seen.push(item);
      rows.push({ kind: 'item', econName: item, govName: GOV_NAME_FOR_ITEM[item] ?? '', className: cls.name });
    }
  }
  return rows;
}
