import { settingsFromForms } from '../../src/core/forms/infer';
import { locateForms } from '../../src/core/forms/locate';
import { seedFormsSheet } from './seedForms';

describe('settings implied by the forms already in a workbook', () => {
  it('000: 大同 city title and 121 主管部门', () => {
    expect(settingsFromForms(locateForms({ sheets: [seedFormsSheet('000')] }))).toEqual({
      department: '121-大同市人力资源和社会保障局[部门]',
      titleMode: 'city',
      place: '大同市',
    });
  });

  it('001: no title, the 主管部门 most forms use (not the odd 901-预算股)', () => {
    expect(settingsFromForms(locateForms({ sheets: [seedFormsSheet('001')] }))).toEqual({
      department: '203-新绛县人力资源和社会保障局',
      titleMode: 'none',
    });
  });

  it('nothing to imply without forms', () => {
    expect(settingsFromForms([])).toEqual({});
  });
});
