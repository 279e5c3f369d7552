import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSeedWorkbook } from '../test/fixtures/seeds';
import { writeGridToXlsx } from '../src/xlsx/writeGrid';

/**
 * Regenerates the bundled example workbook: seed 000 (大同市人力资源和社会保障局 2024 单位预算)
 * rebuilt from its faithful transcription, one table per sheet as published, WITH the
 * document's real mistakes (2210202 租房补贴/提租补贴, the 尾差 rows). The web page offers it
 * as 「载入示例」 and the README's main job and the end-to-end tests run on it.
 *
 *   npx tsx scripts/make-example.ts
 */
export const EXAMPLE_DIR = resolve(__dirname, '..', 'assets', 'example');
export const EXAMPLE_FILE = join(EXAMPLE_DIR, 'datong-2024.xlsx');

export async function makeExample(file = EXAMPLE_FILE): Promise<string> {
  mkdirSync(resolve(file, '..'), { recursive: true });
  await writeGridToXlsx(buildSeedWorkbook('000', 'published'), file);
  return file;
}

if (require.main === module) {
  makeExample()
    .then((f) => process.stdout.write(`已生成示例工作簿：${f}\n`))
    .catch((e: unknown) => {
      process.stderr.write(`生成示例失败：${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    });
}
