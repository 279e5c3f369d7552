import { StringItem } from './text';
import { scanXml } from './xmlScanner';

/** The shared string table (ECMA-376 Part 1, 18.4.9 sst): index → text. */
export function readSharedStrings(xml: string | undefined): string[] {
  const out: string[] = [];
  if (xml === undefined) return out;
  const item = new StringItem();
  let inItem = false;
  scanXml(xml, {
    open(name, scan) {
      if (name === 'si') inItem = true;
      else if (inItem) item.open(name, scan);
    },
    close(name, scan) {
      if (name === 'si') {
        out.push(item.take());
        inItem = false;
      } else if (inItem) item.close(name, scan);
    },
  });
  return out;
}
