import { sameNameKey } from '../text/sameName';

/**
 * When the 实施单位 printed on a form and a unit named in 表12 are the same unit. The two are typed
 * by different hands and printed by different systems, so beyond the same-name rule
 * (src/core/text/sameName.ts) a unit may carry its budget code (`121001-…`), a bracketed note
 * (`…[单位]`, `…（本级）`), be cut short by the print (`大同市人力资源和社会保`), or drop the place
 * in front (`就业服务中心` for `某市就业服务中心`). None of these is a different unit. The words are
 * data (docs/forms.md § 实施单位: same unit or not).
 */
export const UNIT_NAME_WORDS = {
  /**
   * 表12 unit rows that stand for the department's own office rather than a unit below it: a form
   * of such a project names the department itself.
   */
  selfNames: ['本级', '机关', '机关本级', '局机关', '局本级', '委机关', '委本级', '办机关', '部门本级', '本部'],
  /** Place words that end a place name in front of a unit's own name. */
  placeEnds: ['特别行政区', '自治区', '自治州', '自治县', '地区', '省', '市', '盟', '州', '县', '旗', '区'],
} as const;

/** Shortest name kept for a prefix comparison: below this a prefix says nothing. */
const MIN_PREFIX = 4;
/** Shortest own name left after the place (`人社局`); shorter, the "place" was part of the name. */
const MIN_OWN = 2;

const CODE_PREFIX = /^\d[\d.\-_]*[-_:：、.\s]*/;
const TRAILING_NOTE = /[[【(〔][^\]】)〕]*[\]】)〕]$/;

/** The unit's name without code and bracketed notes, under the same-name rule. */
export function unitCore(s: string): string {
  let k = sameNameKey(s).replace(CODE_PREFIX, '');
  for (let i = 0; i < 3 && TRAILING_NOTE.test(k); i++) {
    const rest = k.replace(TRAILING_NOTE, '');
    // A name that is all bracket (`（局机关）`) keeps what the bracket holds.
    k = rest || k.slice(1, -1);
  }
  return k;
}

const PLACE = new RegExp(`^(?:[\\u4e00-\\u9fa5]{1,7}?(?:${UNIT_NAME_WORDS.placeEnds.join('|')}))+`);

/** `某市就业服务中心` → place `某市`, own name `就业服务中心` (the whole name when too little is left). */
function splitPlace(k: string): { place: string; own: string } {
  const place = PLACE.exec(k)?.[0] ?? '';
  const own = k.slice(place.length);
  return own.length >= MIN_OWN ? { place, own } : { place: '', own: k };
}

function prefixOf(x: string, y: string): boolean {
  const short = x.length < y.length ? x : y;
  const long = x.length < y.length ? y : x;
  return short.length >= MIN_PREFIX && long.startsWith(short);
}

/** `人社局` for `人力资源和社会保障局`: same first and last character, the rest in order. */
function abbreviates(x: string, y: string): boolean {
  const short = [...(x.length < y.length ? x : y)];
  const long = [...(x.length < y.length ? y : x)];
  if (short.length < 2 || short[0] !== long[0] || short[short.length - 1] !== long[long.length - 1]) return false;
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

/**
 * Same unit: equal, one cut short of the other, or — the place in front dropped where only one
 * name prints it — equal, cut short or abbreviated. A missed difference costs a reviewer less than
 * a false 错误 on every form of a unit, so the comparison leans to "same".
 */
export function sameUnit(a: string, b: string): boolean {
  const x = unitCore(a);
  const y = unitCore(b);
  if (!x || !y) return true;
  if (x === y || prefixOf(x, y)) return true;
  const px = splitPlace(x);
  const py = splitPlace(y);
  if (px.place && py.place && px.place !== py.place) return false;
  return px.own === py.own || prefixOf(px.own, py.own) || abbreviates(px.own, py.own);
}

/** A 表12 unit row naming the department's own office (`局机关`, `本级`, `某局本级`). */
export function isSelfUnitName(unit: string): boolean {
  const k = unitCore(unit);
  return (UNIT_NAME_WORDS.selfNames as readonly string[]).includes(k) || (k.length <= 4 && k.endsWith('本级'));
}
