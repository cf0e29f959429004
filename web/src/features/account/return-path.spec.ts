import { returnPath } from './return-path';

describe('return path after signing in', () => {
  it('keeps a path of this site and refuses anything that could leave it', () => {
    expect(returnPath('/retos/agua/proponer')).toBe('/retos/agua/proponer');
    expect(returnPath('//malo.example/x')).toBe('/');
    expect(returnPath('/\\malo.example')).toBe('/');
    expect(returnPath('https://malo.example')).toBe('/');
    expect(returnPath(null)).toBe('/');
  });
});
