import type { WorkbookView } from './useWorkbookView';

/** Beyond this many sheets (a form per project) a drop-down is quicker than scrolling tabs. */
const MANY_SHEETS = 20;

/** The active sheet tab stays visible when a finding switches to a far-away sheet. */
const keepInView = (el: HTMLButtonElement | null) => el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });

/**
 * One tab per sheet: recognised tables are marked (their names in the tooltip) and a badge
 * counts the sheet's marked cells; past MANY_SHEETS a drop-down is offered as well.
 */
export function SheetTabs({ view }: { view: WorkbookView }) {
  const { sheets, sheetIndex, marks, recognised, showSheet } = view;
  return (
    <>
      {sheets.length > MANY_SHEETS && (
        <select
          className="sheetpick"
          aria-label="选择工作表"
          value={sheetIndex}
          onChange={(e) => showSheet(Number(e.currentTarget.value))}
        >
          {sheets.map((s, i) => (
            <option key={s.name} value={i}>
              {s.name}
            </option>
          ))}
        </select>
      )}
      <div className="sheettabs" role="tablist" aria-label="工作表">
        {sheets.map((s, i) => {
          const n = marks.get(s.name)?.size ?? 0;
          const tables = recognised.get(s.name);
          return (
            <button
              key={s.name}
              type="button"
              role="tab"
              aria-selected={i === sheetIndex}
              className={[i === sheetIndex ? 'on' : '', tables ? 'table' : ''].filter(Boolean).join(' ')}
              title={tables ? `已识别：${tables.join('、')}` : undefined}
              ref={i === sheetIndex ? keepInView : undefined}
              onClick={() => showSheet(i)}
            >
              {s.name}
              {n > 0 && (
                <span className="badge" aria-label={`${n} 个问题单元格`}>
                  {n}
                </span>
              )}
            </button>
          );
        })}
      </div>
    </>
  );
}
