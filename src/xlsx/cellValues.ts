/**
 * How a stored cell becomes a grid value, shared by both readers (SheetJS for every format, the
 * .xlsx reader of ./ooxml): error codes, dates as ISO text, and which number formats are dates.
 * Pure code, for the page too.
 */

/** BIFF/OOXML error codes (MS-XLS 2.5.97.2 BErr) and their text. */
export const ERROR_TEXT: Readonly<Record<number, string>> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

const KNOWN_ERRORS = new Set(Object.values(ERROR_TEXT));

/** The text of an error a file stores as text (.xlsx `t="e"`); an unknown one reads as #VALUE!, as SheetJS reads it. */
export function errorFromText(text: string | undefined): string {
  return text !== undefined && KNOWN_ERRORS.has(text) ? text : '#VALUE!';
}

/** As the exceljs reader wrote dates: a day without time as YYYY-MM-DD, else the full ISO instant. */
export function isoOf(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** Serial day number → ISO text, on the UTC epoch Excel's serials count from (1904 system too). */
export function serialToIso(serial: number, date1904: boolean): string {
  const epochOffsetDays = date1904 ? 24_107 : 25_569;
  const d = new Date(Math.round((serial - epochOffsetDays) * 86_400_000));
  return Number.isNaN(d.getTime()) ? String(serial) : isoOf(d);
}

/**
 * Excel's built-in number formats that have a format code of their own (ECMA-376 Part 1, 18.8.30
 * numFmt), as SheetJS's SSF table lists them; an id outside this table and not defined by the
 * workbook has no code, and so is not a date, as in the SheetJS reader.
 */
export const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'm/d/yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  56: '"上午/下午 "hh"時"mm"分"ss"秒 "',
};

const ABSOLUTE_TIME = /\[[HhMmSs\u0E0A\u0E19\u0E17]*\]/;

function isGeneralAt(fmt: string, i: number): boolean {
  return fmt.substr(i, 7).toLowerCase() === 'general';
}

/**
 * Whether a number format shows a date or time: SheetJS's `SSF.is_date` (`fmt_is_date` in its
 * xlsx.mjs, Apache-2.0; https://docs.sheetjs.com/docs/api/utilities/format), step for step, so
 * that both readers turn the same cells into dates (test/xlsx/cellValues.test.ts compares them).
 * A date token (y m d h s e g b, AM/PM, 上午/下午, [h]) outside quotes, escapes and padding
 * makes it a date.
 */
function formatIsDate(fmt: string): boolean {
  let i = 0;
  while (i < fmt.length) {
    const c = fmt.charAt(i);
    switch (c) {
      case 'G':
        if (isGeneralAt(fmt, i)) i += 6;
        i++;
        break;
      case '"':
        while (fmt.charCodeAt(++i) !== 34 && i < fmt.length) {
          /* skip quoted text */
        }
        ++i;
        break;
      case '\\':
      case '_':
        i += 2;
        break;
      case '@':
        ++i;
        break;
      case 'B': // b1/b2 are Buddhist and Hijri years; SheetJS treats any b as a date token
      case 'b':
      case 'M':
      case 'D':
      case 'Y':
      case 'H':
      case 'S':
      case 'E':
      case 'm':
      case 'd':
      case 'y':
      case 'h':
      case 's':
      case 'e':
      case 'g':
        return true;
      case 'A':
      case 'a':
      case '上':
        if (fmt.substr(i, 3).toUpperCase() === 'A/P') return true;
        if (fmt.substr(i, 5).toUpperCase() === 'AM/PM') return true;
        if (fmt.substr(i, 5).toUpperCase() === '上午/下午') return true;
        ++i;
        break;
      case '[': {
        let o = c;
        while (fmt.charAt(i++) !== ']' && i < fmt.length) o += fmt.charAt(i);
        if (ABSOLUTE_TIME.test(o)) return true;
        break;
      }
      case '.':
      case '0':
      case '#': {
        // Digits, and `\-` between digits (a literal minus, as in 0\-00).
        while (i < fmt.length) {
          const k = fmt.charAt(++i);
          if (
            !'0#?.,E+-%'.includes(k) &&
            !(k === '\\' && fmt.charAt(i + 1) === '-' && '0#'.includes(fmt.charAt(i + 2)))
          )
            break;
        }
        break;
      }
      case '?':
        while (fmt.charAt(++i) === c) {
          /* skip */
        }
        break;
      case '*':
        ++i;
        if (fmt.charAt(i) === ' ' || fmt.charAt(i) === '*') ++i;
        break;
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7':
      case '8':
      case '9':
        while (i < fmt.length && '0123456789'.includes(fmt.charAt(++i))) {
          /* skip */
        }
        break;
      default:
        ++i;
        break;
    }
  }
  return false;
}

/** Date-format answers per format code, remembered: a workbook uses a handful of formats. */
export class DateFormats {
  private readonly known = new Map<string, boolean>();

  is(fmt: unknown): boolean {
    if (typeof fmt !== 'string' || fmt === 'General' || fmt === '@') return false;
    let v = this.known.get(fmt);
    if (v === undefined) {
      v = formatIsDate(fmt);
      this.known.set(fmt, v);
    }
    return v;
  }
}
