import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository explains itself: no file points at a path outside it (the domain reference
 * the project started from is not shipped; docs/domain.md is its replacement), and every
 * `docs/<file>.md § <heading>` a comment or document cites names a heading that exists.
 */
const ROOT = path.resolve(__dirname, '../..');
const SELF = path.relative(ROOT, __filename).split(path.sep).join('/');

/** Tracked files plus new ones not ignored, so a file is caught before its first commit. */
function repoFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return out
    .split('\0')
    .filter(Boolean)
    .filter((f) => !f.startsWith('node_modules') && f !== 'package-lock.json');
}

/** Text content, or undefined for binary files (xlsx, png) and paths that are gone. */
function textOf(file: string): string | undefined {
  let buf: Buffer;
  try {
    buf = readFileSync(path.join(ROOT, file));
  } catch {
    return undefined; // deleted in the working tree, or a symlink to a directory
  }
  return buf.includes(0) ? undefined : buf.toString('utf8');
}

// Built from pieces so this file does not match itself.
const OUTSIDE = [
  { what: 'an absolute path under /work', re: new RegExp('/' + 'work/') },
  { what: 'a relative path to the shared reference', re: new RegExp('\\.\\./' + 'shared') },
  { what: 'a "spec §" citation', re: new RegExp('spec' + '\\s*\u00a7', 'i') },
];

/** `docs/x.md § 功能分类` → file and the rest of the line after the section sign. */
const CITATION = new RegExp('(docs/[\\w-]+\\.md) \u00a7 ([^\\n]*)', 'g');

/**
 * The anchors of a markdown file: each heading's text up to ` / ` (headings read
 * `## 严重程度 / Severity and tolerance`, and a citation names the first part).
 */
function anchorsOf(markdown: string): string[] {
  return [...markdown.matchAll(/^#{1,6}\s+(.+?)\s*$/gm)].map((m) => m[1].split(' / ')[0].trim());
}

function resolves(citation: string, anchors: string[]): boolean {
  return anchors.some((a) => citation.startsWith(a));
}

const files = repoFiles();

describe('the repository is self-contained', () => {
  test('it lists the files it checks (git is available and the docs are tracked)', () => {
    expect(files).toContain('docs/domain.md');
    expect(files).toContain('src/core/money.ts');
  });

  test.each(OUTSIDE)('no file names $what', ({ re }) => {
    const offenders: string[] = [];
    for (const f of files) {
      if (f === SELF) continue;
      const text = textOf(f);
      if (text === undefined) continue;
      text.split('\n').forEach((line, i) => {
        if (re.test(line)) offenders.push(`${f}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  test('every docs/….md § citation names an existing heading', () => {
    const anchors = new Map<string, string[]>();
    const broken: string[] = [];
    let cited = 0;
    for (const f of files) {
      if (f === SELF) continue;
      const text = textOf(f);
      if (text === undefined) continue;
      for (const m of text.matchAll(CITATION)) {
        const [, doc, rest] = m;
        if (!anchors.has(doc)) anchors.set(doc, anchorsOf(textOf(doc) ?? ''));
        cited++;
        if (!resolves(rest, anchors.get(doc) ?? [])) broken.push(`${f}: ${doc} § ${rest.trim()}`);
      }
    }
    expect(broken).toEqual([]);
    // The domain doc is cited from code; a scan that finds nothing is a broken scan.
    expect(cited).toBeGreaterThan(20);
  });

  test('every § inside docs/domain.md names one of its own headings', () => {
    const text = textOf('docs/domain.md') ?? '';
    const anchors = anchorsOf(text);
    const broken = [...text.matchAll(/(?<!\.md )\u00a7 ([^\n]*)/g)]
      .map((m) => m[1])
      .filter((rest) => !resolves(rest, anchors));
    expect(broken).toEqual([]);
  });

  test('the anchor rule: a citation resolves by the heading text before " / "', () => {
    const anchors = anchorsOf('# 领域说明 / The domain\n\n## 功能分类\n\n### 表6 基本支出经济科目表\n');
    expect(anchors).toEqual(['领域说明', '功能分类', '表6 基本支出经济科目表']);
    expect(resolves('功能分类 (类 = Σ款).', anchors)).toBe(true);
    expect(resolves('表6 基本支出经济科目表, the 合计 row', anchors)).toBe(true);
    expect(resolves('经济分类', anchors)).toBe(false);
    expect(resolves('表6', anchors)).toBe(false);
  });
});
