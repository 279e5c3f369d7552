import type { XmlScanner } from './xmlScanner';

/**
 * String items of SpreadsheetML (ECMA-376 Part 1, 18.4.8 si, 18.3.1.53 is): the text is the
 * concatenation of its `<t>` elements, plain or in rich-text runs `<r>`, leaving out phonetic
 * runs `<rPh>` (furigana). Characters XML cannot hold are stored as `_xHHHH_` (22.9.2.19
 * ST_Xstring), and line breaks as CR LF read as LF, as SheetJS reads them.
 */
export class StringItem {
  private parts = '';
  private phonetic = 0;
  private inText = false;

  /** Call for each start tag inside the item. */
  open(name: string, scan: XmlScanner): void {
    if (name === 'rPh') this.phonetic++;
    else if (name === 't' && this.phonetic === 0) {
      this.inText = true;
      scan.collectText();
    }
  }

  /** Call for each end tag inside the item. */
  close(name: string, scan: XmlScanner): void {
    if (name === 'rPh') this.phonetic--;
    else if (name === 't' && this.inText) {
      this.parts += scan.takeText();
      this.inText = false;
    }
  }

  /** The item's text; starts the next item. */
  take(): string {
    const t = this.parts;
    this.parts = '';
    this.phonetic = 0;
    this.inText = false;
    return cellText(t);
  }
}

const ESCAPED = /_x([\da-fA-F]{4})_/gi;

/** `_xHHHH_` escapes decoded and CR LF read as LF, as SheetJS's unescapexml(…, true) does. */
export function cellText(s: string): string {
  let t =
    s.includes('_x') || s.includes('_X')
      ? s.replace(ESCAPED, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
      : s;
  if (t.includes('\r\n')) t = t.replace(/\r\n/g, '\n');
  return t;
}
