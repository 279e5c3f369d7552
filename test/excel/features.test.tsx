/**
 * @jest-environment jsdom
 */
import { render, screen } from '@testing-library/react';
import { FEATURES, missingFeatures, supports, suspendsEventsAroundOwnWrites } from '../../src/excel/features';
import { HostLimits } from '../../src/excel/HostLimits';
import { FakeExcel } from './fakeExcel';

/** What each host level lacks, as the pane tells the clerk (one table: src/excel/features.ts). */
const lacks = (api: number): string[] => missingFeatures(new FakeExcel(api).requirements).map((m) => m.id);

describe('the feature table', () => {
  test('what a clerk on each ExcelApi level is told is missing', () => {
    expect(lacks(14)).toEqual([]);
    expect(lacks(9)).toEqual([]); // merges (1.13) and triggerSource (1.14) are invisible to the clerk
    expect(lacks(8)).toEqual(['printSetup', 'indent']);
    expect(lacks(7)).toEqual(['printSetup', 'indent']); // volume-licensed Office 2019 (1.7)
    expect(lacks(6)).toEqual(['liveEvents', 'freezePanes', 'printSetup', 'indent']);
    expect(lacks(4)).toEqual(['marks', 'liveEvents', 'freezePanes', 'printSetup', 'indent']);
    expect(lacks(1)).toEqual(['core', 'marks', 'liveEvents', 'freezePanes', 'printSetup', 'indent']); // Office 2016 MSI
  });

  test('events are switched off around own writes exactly between 1.8 and 1.13', () => {
    const on = [1, 4, 7, 8, 9, 13, 14, 17].filter((v) => suspendsEventsAroundOwnWrites(new FakeExcel(v).requirements));
    expect(on).toEqual([8, 9, 13]);
    expect(supports(new FakeExcel(13).requirements, 'triggerSource')).toBe(false);
    expect(FEATURES.enableEvents.set).toBe('1.8');
  });
});

describe('HostLimits', () => {
  test('a host missing some features: the pane lists them and what happens instead', () => {
    render(<HostLimits missing={missingFeatures(new FakeExcel(6).requirements)} officeVersion="16.0.10390.20019" />);
    const box = screen.getByTestId('host-limits');
    expect(box.textContent).toContain('此 Excel 缺少部分功能（Excel 16.0.10390.20019）');
    expect(box.textContent).toContain('修改后自动校验：需要 ExcelApi 1.7，修改后请点击“全部校验”。');
    expect(box.textContent).toContain('打印设置（A4、适合页宽）：需要 ExcelApi 1.9');
    expect(box.textContent).not.toContain('在单元格上标出问题');
  });

  test('a host without the core set: the clerk is sent to the browser page', () => {
    render(
      <HostLimits
        missing={missingFeatures(new FakeExcel(1).requirements)}
        webUrl="https://budget.example.gov.cn/web/"
      />,
    );
    const box = screen.getByTestId('host-limits');
    expect(box.textContent).toContain('此 Excel 版本过旧');
    expect(box.textContent).toContain(
      '插入模板、全部校验、生成绩效目标表：需要 ExcelApi 1.4，无法使用，请改用网页版。',
    );
    expect(box.textContent).toContain('网页版地址：https://budget.example.gov.cn/web/');
  });

  test('nothing is shown when nothing is missing', () => {
    const { container } = render(<HostLimits missing={[]} />);
    expect(container.textContent).toBe('');
  });
});
