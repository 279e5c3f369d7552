import { isSelfUnitName, sameUnit, unitCore } from '../../src/core/forms/unitName';

/** 实施单位 on a form against a unit named in 表12: the cases of one table. */
describe('sameUnit', () => {
  const same: [string, string][] = [
    ['某市人力资源和社会保障局', '某市人力资源和社会保障局'],
    ['某市人力资源和社会保障局', '某市人力资源和社会保障局 '],
    ['某市人力资源和社会保障局', '121001-某市人力资源和社会保障局'],
    ['某市人力资源和社会保障局', '某市人力资源和社会保障局[单位]'],
    ['某市就业服务中心', '某市就业服务中心（本级）'],
    ['某市人力资源和社会保障局', '某市人力资源和社会保'],
    ['某市就业创业服务中心', '就业创业服务中心'],
    ['某县人力资源和社会保障局', '某县人社局'],
    ['某市市场监督管理局', '市场监督管理局'],
  ];
  it.each(same)('%s ≡ %s', (a, b) => expect(sameUnit(a, b)).toBe(true));

  const different: [string, string][] = [
    ['某市人力资源和社会保障局', '某市就业创业服务中心'],
    ['某市人才服务中心', '某市人事考试中心'],
    ['某市人力资源和社会保障局', '某市某区人力资源和社会保障局'],
    ['甲县人力资源和社会保障局', '乙县人力资源和社会保障局'],
    ['某市劳动监察大队', '某市劳动人事争议仲裁院'],
  ];
  it.each(different)('%s ≠ %s', (a, b) => expect(sameUnit(a, b)).toBe(false));

  it('compares nothing against a blank', () => expect(sameUnit('', '某市就业服务中心')).toBe(true));

  it('strips codes and notes only', () => {
    expect(unitCore('121001-某市就业服务中心【单位】')).toBe('某市就业服务中心');
    expect(unitCore('某市就业服务中心')).toBe('某市就业服务中心');
  });

  it.each(['局机关', '本级', '机关本级', '局本级', '（局机关）'])('%s names the department’s own office', (n) =>
    expect(isSelfUnitName(n)).toBe(true),
  );
  it.each(['某市就业服务中心', '机关事务服务中心'])('%s is a unit of its own', (n) =>
    expect(isSelfUnitName(n)).toBe(false),
  );
});
