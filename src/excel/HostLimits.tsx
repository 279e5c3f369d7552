import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webLightTheme } from '@fluentui/react-components';
import type { MissingFeature } from './features';

/**
 * What this Excel cannot do, said before the clerk runs into it. Without the core set nothing of
 * the pane works, and the clerk is sent to the browser page; otherwise the pane runs and this
 * lists what is missing and what happens instead.
 */
export interface HostLimitsProps {
  missing: MissingFeature[];
  /** The browser page's address (from the page's meta tag), when known. */
  webUrl?: string;
  /** Office's own version string (`Office.context.diagnostics.version`), when known. */
  officeVersion?: string;
}

export function HostLimits({ missing, webUrl, officeVersion }: HostLimitsProps) {
  if (missing.length === 0) return null;
  const version = officeVersion ? `（Excel ${officeVersion}）` : '';
  const fatal = missing.some((m) => m.id === 'core');
  return (
    <FluentProvider theme={webLightTheme}>
      <MessageBar intent={fatal ? 'error' : 'warning'} layout="multiline" data-testid="host-limits">
        <MessageBarBody>
          <MessageBarTitle>{fatal ? `此 Excel 版本过旧${version}` : `此 Excel 缺少部分功能${version}`}</MessageBarTitle>
          <ul style={{ margin: '4px 0', paddingLeft: '18px' }}>
            {missing.map((m) => (
              <li key={m.id}>
                {m.name}：需要 ExcelApi {m.set}，{m.instead}。
              </li>
            ))}
          </ul>
          {fatal && webUrl && (
            <div>
              网页版地址：<span style={{ userSelect: 'all' }}>{webUrl}</span>
            </div>
          )}
          <div>升级到 Office 2021、Office 2024 或 Microsoft 365 后可使用全部功能。</div>
        </MessageBarBody>
      </MessageBar>
    </FluentProvider>
  );
}
