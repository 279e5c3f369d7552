import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { checkManifest, parseXml } from '../../scripts/check-manifest';
import { FEATURES } from '../../src/excel/features';

const ROOT = join(__dirname, '..', '..');
const xml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

describe('manifest.xml', () => {
  test('passes every offline check', () => {
    expect(checkManifest(xml, ROOT)).toEqual([]);
  });

  test('declares ExcelApi 1.1, so that older Excel still opens the pane and hears what it lacks', () => {
    // An Excel below the manifest's requirement does not list the add-in at all ("it won't display
    // in the list of add-ins", office-js-docs-reference, excel-api-requirement-sets.md); the pane
    // itself names what is missing (src/excel/features.ts), down to the 1.4 that everything needs.
    expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1\.1"\/>/);
    expect(FEATURES.core.set).toBe('1.4');
  });

  test('catches a URL that is not under the address the manifest is for', () => {
    const stray = xml.replace(
      'https://localhost:3000/help.html"/>\n  <AppDomains>',
      'https://cdn.example.com/help.html"/>\n  <AppDomains>',
    );
    expect(stray).not.toBe(xml);
    expect(checkManifest(stray, ROOT).join('\n')).toContain(
      'https://cdn.example.com/help.html 不在 https://localhost:3000/ 下',
    );
  });

  test('catches an unresolved resid, an http source, a wrong permission and a missing icon', () => {
    const broken = xml
      .replace('resid="Taskpane.Url"', 'resid="Taskpane.Missing"')
      .replace(
        'https://localhost:3000/taskpane.html"/>\n  </DefaultSettings>',
        'http://localhost:3000/taskpane.html"/>\n  </DefaultSettings>',
      )
      .replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadWriteMailbox</Permissions>')
      .replace('assets/icon-16.png', 'assets/icon-17.png');
    const problems = checkManifest(broken, ROOT).join('\n');
    expect(problems).toContain('Taskpane.Missing');
    expect(problems).toContain('http://localhost:3000/taskpane.html');
    expect(problems).toContain('ReadWriteMailbox');
    expect(problems).toContain('icon-17.png');
  });

  test('catches a non-GUID id and a host other than Workbook', () => {
    const broken = xml
      .replace(/<Id>[^<]+<\/Id>/, '<Id>my-addin</Id>')
      .replace('<Host Name="Workbook"/>', '<Host Name="Document"/>');
    const problems = checkManifest(broken, ROOT).join('\n');
    expect(problems).toContain('GUID');
    expect(problems).toContain('Document');
  });

  test('icons are PNGs of the declared size', () => {
    const wrong = xml.replace(
      '<bt:Image id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-16.png"/>',
      '<bt:Image id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-32.png"/>',
    );
    expect(checkManifest(wrong, ROOT).join('\n')).toContain('应为 16×16');
  });

  test('the XML parser rejects malformed documents', () => {
    expect(() => parseXml('<a><b></a></b>')).toThrow(/不匹配/);
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow(/重复/);
    expect(() => parseXml('<a>&bogus;</a>')).toThrow(/实体/);
    expect(() => parseXml('<a/><b/>')).toThrow(/根元素/);
    expect(() => parseXml('<a x=1/>')).toThrow(/引号/);
    expect(checkManifest('<OfficeApp>', ROOT)[0]).toMatch(/未闭合/);
    expect(parseXml('<a b="&amp;&#x4E2D;">t<c/></a>').attrs.b).toBe('&中');
  });

  test('Microsoft’s own manifest reader (office-addin-manifest) reads the same essentials', () => {
    // Run in plain node: the package pulls in ESM-only modules that jest's CommonJS runtime refuses.
    const script = `require('office-addin-manifest/lib/manifestOperations').OfficeAddinManifest.readManifestFile(process.argv[1]).then((i) => process.stdout.write(JSON.stringify(i)))`;
    const info = JSON.parse(
      execFileSync(process.execPath, ['-e', script, join(ROOT, 'manifest.xml')], { cwd: ROOT, encoding: 'utf8' }),
    ) as {
      id: string;
      hosts: string[];
      permissions: string;
      defaultSettings?: { sourceLocation?: string };
    };
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.permissions).toBe('ReadWriteDocument');
    expect(info.defaultSettings?.sourceLocation).toBe('https://localhost:3000/taskpane.html');
    expect(info.id).toBe(
      parseXml(xml)
        .children.find((c) => c.name === 'Id')
        ?.text.trim(),
    );
  });
});
