import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { WebApp } from './App';
import { webEngine, writePlansInto } from './engineImpl';
import { XlsxFileAdapter } from './fileAdapter';

const root = document.getElementById('root');
if (root) {
  const adapter = new XlsxFileAdapter(webEngine, writePlansInto);
  createRoot(root).render(
    <StrictMode>
      <FluentProvider theme={webLightTheme} style={{ height: '100%' }}>
        <WebApp adapter={adapter} />
      </FluentProvider>
    </StrictMode>,
  );
}
