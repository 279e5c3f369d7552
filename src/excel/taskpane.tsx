import { createRoot } from 'react-dom/client';
import { createOfficeAdapter } from './officeAdapter';
import { App } from '../taskpane/components/App';

/** The only place in the pane that waits for Office: everything below talks to the adapter. */
Office.onReady((info) => {
  const el = document.getElementById('root');
  if (!el) return;
  if (info.host !== Office.HostType.Excel) {
    el.textContent = '预算公开助手只能在 Excel 中使用。';
    return;
  }
  if (!Office.context.requirements.isSetSupported('ExcelApi', '1.4')) {
    el.textContent = '当前 Excel 版本过旧（需要 ExcelApi 1.4 及以上），请升级到 Excel 2016 或更新版本。';
    return;
  }
  const adapter = createOfficeAdapter();
  createRoot(el).render(<App adapter={adapter} />);
  adapter.start().catch(() => {
    // Live validation is a convenience; 全部校验 still works and reports its own errors.
  });
});
