import { FluentProvider, Tab, TabList, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { useState } from 'react';
import type { WorkbookAdapter } from '../adapter';
import { FormsPage } from './FormsPage';
import { InsertPage } from './InsertPage';
import { ValidatePage } from './ValidatePage';

const useStyles = makeStyles({
  root: { minWidth: '300px', padding: tokens.spacingHorizontalS, boxSizing: 'border-box' },
  body: { paddingTop: tokens.spacingVerticalS },
});

type Page = 'insert' | 'validate' | 'forms';

export interface AppProps {
  adapter: WorkbookAdapter;
  initialPage?: Page;
}

/** The pane: three pages over one WorkbookAdapter; sized for a 320–350 px task pane. */
export function App({ adapter, initialPage = 'insert' }: AppProps) {
  const s = useStyles();
  const [page, setPage] = useState<Page>(initialPage);
  return (
    <FluentProvider theme={webLightTheme} className={s.root}>
      <TabList size="small" selectedValue={page} onTabSelect={(_, d) => setPage(d.value as Page)}>
        <Tab value="insert">插入模板</Tab>
        <Tab value="validate">校验</Tab>
        <Tab value="forms">绩效目标表</Tab>
      </TabList>
      <div className={s.body}>
        {/* Pages stay mounted so a live pass updates 校验 while the clerk is elsewhere. */}
        <div hidden={page !== 'insert'}>
          <InsertPage adapter={adapter} />
        </div>
        <div hidden={page !== 'validate'}>
          <ValidatePage adapter={adapter} />
        </div>
        <div hidden={page !== 'forms'}>
          <FormsPage adapter={adapter} />
        </div>
      </div>
    </FluentProvider>
  );
}
