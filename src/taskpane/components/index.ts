export { App, type AppProps } from './App';
export { InsertPage } from './InsertPage';
export { ValidatePage } from './ValidatePage';
export { FormsPage } from './FormsPage';
export { ConflictDialog } from './ConflictDialog';
export { FindingItem } from './FindingItem';
