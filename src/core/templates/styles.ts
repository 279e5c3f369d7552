import type { CellStyle, StyleName } from './plan';
import { MONEY_FORMAT } from './tables';

/**
 * The look of every planned cell, by style name. Both writers (exceljs and Office.js) map these
 * properties one to one, so nothing here may need a feature only one of them has.
 * The font face is the writer's business (宋体/SimSun in Excel, a CJK fallback elsewhere).
 */
export const BASE_FONT_SIZE = 10;
/** 元 amounts on the 绩效目标表: two decimals, zero printed (a form with 0 元 is meaningful). */
export const FORM_MONEY_FORMAT = '#,##0.00';
export const TEXT_FORMAT = '@';

export const STYLES: Record<StyleName, CellStyle> = {
  label: { size: BASE_FONT_SIZE, hAlign: 'left', vAlign: 'middle' },
  title: { bold: true, size: 18, hAlign: 'center', vAlign: 'middle' },
  subtitle: { size: BASE_FONT_SIZE, hAlign: 'left', vAlign: 'middle' },
  unitOfMeasure: { size: BASE_FONT_SIZE, hAlign: 'right', vAlign: 'middle' },
  header: { bold: true, size: BASE_FONT_SIZE, hAlign: 'center', vAlign: 'middle', wrap: true, border: true },
  // Text format keeps 2080101 a code: typed into a General cell it would become a number.
  code: { size: BASE_FONT_SIZE, hAlign: 'left', vAlign: 'middle', border: true, numFmt: TEXT_FORMAT },
  text: { size: BASE_FONT_SIZE, hAlign: 'left', vAlign: 'middle', wrap: true, border: true },
  textTotal: { bold: true, size: BASE_FONT_SIZE, hAlign: 'center', vAlign: 'middle', wrap: true, border: true },
  money: { size: BASE_FONT_SIZE, hAlign: 'right', vAlign: 'middle', border: true, numFmt: MONEY_FORMAT },
  moneyTotal: {
    bold: true,
    size: BASE_FONT_SIZE,
    hAlign: 'right',
    vAlign: 'middle',
    border: true,
    numFmt: MONEY_FORMAT,
  },
  note: { size: BASE_FONT_SIZE, hAlign: 'left', vAlign: 'middle' },
  formTitle: { bold: true, size: 16, hAlign: 'center', vAlign: 'middle' },
  formLabel: { size: BASE_FONT_SIZE, hAlign: 'center', vAlign: 'middle', wrap: true, border: true },
  formText: { size: BASE_FONT_SIZE, hAlign: 'left', vAlign: 'top', wrap: true, border: true },
  formMoney: { size: BASE_FONT_SIZE, hAlign: 'right', vAlign: 'middle', border: true, numFmt: FORM_MONEY_FORMAT },
};
