import type { Disclosure } from '../../../src/core/model/disclosure';
import type { Workbook } from '../../../src/core/model/grid';
import { locateTables } from '../../../src/core/locate';
import { buildSeed, loadFixture, type SeedId } from '../../fixtures/seeds';
import type { FixtureForm } from '../../fixtures/fixture';
import { formSheets, formsSheet, seedDisclosure, type MoneyStyle } from '../seedForms';
import { cleanForms } from './clean';
import { withPerUnitLines } from './costLines';
import { departmentForms, departmentTables, type T12Shape } from './department';
import { WORDINGS, reword, type Wording } from './wording';

/**
 * The surface variants of issue 11 ("Generalise, and prove it"): each keeps a seed's meaning and
 * changes how it is written. A variant takes the seed's forms (as published, or cleaned of their
 * real errors) and returns the workbook and disclosure the form rules run on.
 */
export interface Built {
  workbook: Workbook;
  disclosure: Disclosure;
}

export interface Variant {
  name: string;
  build(seed: SeedId, forms: readonly FixtureForm[]): Built;
}

/** The seed's published tables with the forms stacked on one sheet, 表12 as transcribed. */
function withForms(seed: SeedId, forms: readonly FixtureForm[], money: MoneyStyle = 'seed'): Built {
  const tables = buildSeed(seed, 'published').workbook;
  return {
    workbook: { sheets: [...tables.sheets, formsSheet(seed, forms, undefined, { money })] },
    disclosure: seedDisclosure(seed),
  };
}

const layoutVariants: Variant[] = [
  { name: 'forms stacked on one sheet', build: (seed, forms) => withForms(seed, forms) },
  {
    name: 'forms one per sheet',
    build: (seed, forms) => ({
      workbook: { sheets: [...buildSeed(seed, 'published').workbook.sheets, ...formSheets(seed, forms)] },
      disclosure: seedDisclosure(seed),
    }),
  },
];

const moneyVariants: Variant[] = (['number', 'text', 'textYuan', 'fullWidth'] as const).map((money) => ({
  name: `form amounts as ${money}`,
  build: (seed, forms) => withForms(seed, forms, money),
}));

const wordingVariants: Variant[] = (Object.keys(WORDINGS) as Wording[]).map((w) => ({
  name: `cost values worded ${w}`,
  build: (seed, forms) => withForms(seed, reword(forms, w)),
}));

const costLineVariants: Variant[] = [
  {
    name: 'per-unit cost lines next to the amounts',
    build: (seed, forms) => withForms(seed, withPerUnitLines(forms, false)),
  },
  {
    name: 'a 项目总成本 line, its breakdown and per-unit lines',
    build: (seed, forms) => withForms(seed, withPerUnitLines(forms, true)),
  },
];

const departmentVariants: Variant[] = (['grouped', 'groupedSelf', 'flat'] as T12Shape[]).map((shape) => ({
  name: `部门 document, 表12 ${shape}`,
  build: (seed, forms) => {
    const tables = departmentTables(seed, shape);
    const workbook = { sheets: [...tables.sheets, formsSheet(seed, departmentForms(seed, forms))] };
    return { workbook, disclosure: locateTables(workbook) };
  },
}));

export const VARIANTS: readonly Variant[] = [
  ...layoutVariants,
  ...moneyVariants,
  ...wordingVariants,
  ...costLineVariants,
  ...departmentVariants,
];

export const publishedForms = (seed: SeedId): FixtureForm[] => loadFixture(seed).forms;
export { cleanForms };
