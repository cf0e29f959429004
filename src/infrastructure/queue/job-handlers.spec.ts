import { assertHandlers, missingHandlers } from './job-handlers.js';

describe('job handlers', () => {
  const handle = async () => undefined;

  it('finds the names without a handler', () => {
    expect(missingHandlers(['a', 'b', 'c'], { a: handle, c: 'not a function' })).toEqual(['b', 'c']);
  });

  it('lets a complete map through and names what is missing otherwise', () => {
    expect(() => assertHandlers('rounds', ['a'], { a: handle })).not.toThrow();
    expect(() => assertHandlers('rounds', ['a', 'b'], { a: handle })).toThrow(
      'La cola rounds no tiene manejador para: b',
    );
  });
});
