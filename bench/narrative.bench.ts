import { checkNarrative } from '../src/core/narrative/check';
import { seedDisclosure, seedNarrativeText } from '../test/narrative/seedDisclosure';

/**
 * narrative.check: one whole 第三部分 checked against its tables (placement of every figure,
 * the catalogue, the procedures), median over the three seeds' published texts. The live pane
 * re-checks the narrative on every edit, so this is per keystroke.
 */
export async function run(report: (name: string, value: number, unit: string) => void): Promise<void> {
  const cases = (['000', '001', '003'] as const).map((s) => [seedDisclosure(s), seedNarrativeText(s)] as const);
  for (const [d, t] of cases) checkNarrative(d, t, { formsCount: 14 });
  const times: number[] = [];
  for (let i = 0; i < 60; i++)
    for (const [d, t] of cases) {
      const t0 = performance.now();
      checkNarrative(d, t, { formsCount: 14 });
      times.push(performance.now() - t0);
    }
  times.sort((a, b) => a - b);
  report('narrative.check.median', times[Math.floor(times.length / 2)], 'ms');
  report('narrative.check.p90', times[Math.floor(times.length * 0.9)], 'ms');
  await Promise.resolve();
}
