/**
 * @jest-environment jsdom
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { NO_EVENTS_NOTICE } from '../../src/wps/live';
import { buildSeedWorkbook } from '../fixtures/seeds';
import { FakeEt } from './fakeEt';

/**
 * The WPS entry (src/wps/taskpane.tsx) mounts the shared pane over `window.Application`, as WPS
 * injects it into a 加载项's pages; outside WPS it says where the page belongs.
 */
type Act = (work: () => Promise<unknown>) => Promise<void>;

/** Evaluates the entry afresh; its React is the isolated registry's, so that registry's act wraps it. */
async function loadEntry(): Promise<Act> {
  let act: Act | undefined;
  await jest.isolateModulesAsync(async () => {
    act = (require('react') as { act: Act }).act;
    await act(async () => {
      require('../../src/wps/taskpane');
      // Lets the first pass (started by the entry) settle inside act.
      await new Promise((r) => setTimeout(r, 50));
    });
  });
  return act!;
}

beforeAll(() => {
  // jsdom lacks these; Fluent UI's positioning and motion use them (as in test/taskpane).
  window.matchMedia ??= ((q: string) => ({
    matches: false,
    media: q,
    addEventListener() {},
    removeEventListener() {},
    addListener() {},
    removeListener() {},
    onchange: null,
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

beforeEach(() => {
  document.body.innerHTML = '<div id="root">正在加载…</div>';
});

afterEach(() => {
  delete (window as unknown as { Application?: unknown }).Application;
});

test('in WPS the shared pane checks the open workbook and says which WPS feature is missing', async () => {
  const fake = new FakeEt({ events: false });
  fake.loadWorkbook(buildSeedWorkbook('000', 'published'));
  (window as unknown as { Application: unknown }).Application = fake.app;
  const act = await loadEntry();
  const tab = await screen.findByRole('tab', { name: '校验' });
  await act(async () => fireEvent.click(tab));
  const button = await screen.findByRole('button', { name: '全部校验' });
  await act(async () => fireEvent.click(button));
  await waitFor(() => expect(screen.getByLabelText('校验结果统计')).toBeTruthy());
  expect(screen.getByText(NO_EVENTS_NOTICE)).toBeTruthy();
  // Seed 000's published mistake is marked in the workbook the clerk has open.
  expect(fake.sheets.some((s) => s.cfs.length > 0)).toBe(true);
});

test('outside WPS the page says where it belongs', async () => {
  await loadEntry();
  expect(document.getElementById('root')?.textContent).toMatch(/只能在 WPS 表格中/);
});
