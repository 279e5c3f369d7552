import { createRoot } from 'react-dom/client';
import { App } from '../taskpane/components/App';
import { missingFeatures } from './features';
import { HostLimits } from './HostLimits';
import { createOfficeAdapter } from './officeAdapter';

declare global {
  interface Window {
    /** Set by legacyWebview.es5.js, which ran first, when the webview cannot run this pane. */
    budgetDisclosureLegacy?: string;
  }
}

/** The browser page's address, written into the page by the build. */
function webUrl(): string | undefined {
  return document.querySelector('meta[name="budget-disclosure-web"]')?.getAttribute('content') || undefined;
}

/** The only place in the pane that waits for Office: everything below talks to the adapter. */
Office.onReady((info) => {
  const el = document.getElementById('root');
  if (!el) return;
  if (window.budgetDisclosureLegacy) {
    // The legacy script has already told the clerk what to do instead; leave its message.
    el.setAttribute('data-state', 'legacy');
    return;
  }
  if (info.host !== Office.HostType.Excel) {
    const web = webUrl();
    el.textContent =
      '预算公开助手只能在 Excel 中使用：请在 Excel“开始”选项卡点击“预算公开助手”打开。' +
      (web ? `在浏览器中校验工作簿请打开网页版：${web}` : '');
    el.style.padding = '12px';
    el.setAttribute('data-state', 'outside-excel');
    return;
  }
  const requirements = Office.context.requirements;
  const missing = missingFeatures(requirements);
  const officeVersion = Office.context.diagnostics?.version;
  const root = createRoot(el);
  if (missing.some((m) => m.id === 'core')) {
    root.render(<HostLimits missing={missing} webUrl={webUrl()} officeVersion={officeVersion} />);
    return;
  }
  const adapter = createOfficeAdapter();
  root.render(
    <>
      <HostLimits missing={missing} officeVersion={officeVersion} />
      <App adapter={adapter} />
    </>,
  );
  adapter.start().catch(() => {
    // Live validation is a convenience; 全部校验 still works and reports its own errors.
  });
});
