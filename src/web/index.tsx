import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { webEngine, writePlansInto } from './engineImpl';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <FluentProvider theme={webLightTheme} style={{ height: '100%' }}>
        <App engine={webEngine} writePlans={writePlansInto} />
      </FluentProvider>
    </StrictMode>,
  );
}
