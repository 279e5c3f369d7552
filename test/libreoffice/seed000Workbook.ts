import { seedCase } from './seedWorkbook';

/** Seed 000 (大同市人社局 2024, 单位) typed into a fresh template: see seedWorkbook.ts. */
const seed000 = seedCase('datong-2024.json');
export const { fx, year: YEAR, projects, plans, planOf, findRow, typed } = seed000;
export const buildSeed000Workbook = seed000.build;
