import { createRoot } from 'react-dom/client';
import { App } from '../taskpane/components/App';
import { WpsWorkbookAdapter } from './adapter';
import type { EtApplication } from './et';

/**
 * The WPS pane's entry (taskpane.html, opened by main.js through `CreateTaskPane`). WPS injects
 * `window.Application` into every page of a 加载项 (et-jsapi-declare index.d.ts); older builds
 * only offer `wps.EtApplication` (a property in the typings, a function in early samples). Below
 * this, everything talks to the shared App through WorkbookAdapter.
 */
interface WpsWindow {
  Application?: EtApplication;
  wps?: { EtApplication?: EtApplication | (() => EtApplication) };
}

function etApplication(): EtApplication | undefined {
  const w = window as unknown as WpsWindow;
  if (w.Application?.ActiveWorkbook !== undefined) return w.Application;
  const legacy = w.wps?.EtApplication;
  return typeof legacy === 'function' ? legacy() : legacy;
}

const el = document.getElementById('root');
if (el) {
  const app = etApplication();
  if (!app) {
    el.textContent = '这个页面是预算公开助手的 WPS 表格任务窗格，只能在 WPS 表格中通过“预算公开助手”按钮打开。';
  } else {
    const adapter = new WpsWorkbookAdapter({ app });
    createRoot(el).render(<App adapter={adapter} />);
    window.addEventListener('pagehide', () => adapter.stop());
    adapter.start().catch(() => {
      // The first pass failing (no workbook open yet) is not fatal: 全部校验 reports its own errors.
    });
  }
}
