import { defaultOrder, emailProblem, isWebLink, missingFields } from './proposal-rules';

describe('missingFields', () => {
  it('names each required field left empty or blank, and not the optional cost', () => {
    expect(missingFields({ title: '  ', summary: 'Agua', body: '', estimatedCost: '' })).toEqual({
      title: 'Escribe el título de tu propuesta.',
      body: 'Escribe tu propuesta completa.',
    });
    expect(missingFields({ title: 'T', summary: 'S', body: 'B', estimatedCost: '' })).toEqual({});
  });
});

describe('emailProblem', () => {
  it('asks for an address, refuses one that cannot be an address, and accepts a plausible one', () => {
    expect(emailProblem(' ')).toBe('Escribe el correo de la persona que quieres invitar.');
    expect(emailProblem('rosa')).toBe('Escribe un correo válido, como nombre@ejemplo.mx.');
    expect(emailProblem('rosa@ejemplo')).toBe('Escribe un correo válido, como nombre@ejemplo.mx.');
    expect(emailProblem('ro sa@ejemplo.mx')).toBe('Escribe un correo válido, como nombre@ejemplo.mx.');
    expect(emailProblem(' rosa@ejemplo.mx ')).toBeNull();
  });
});

describe('defaultOrder', () => {
  it('is random while a voting round is open, newest otherwise', () => {
    expect(defaultOrder('VOTING')).toBe('RANDOM');
    expect(defaultOrder('SUBMISSION')).toBe('NEWEST');
    expect(defaultOrder(null)).toBe('NEWEST');
  });
});

describe('isWebLink', () => {
  it('links only http and https addresses', () => {
    expect(isWebLink('https://ejemplo.mx/plano.pdf')).toBe(true);
    expect(isWebLink('javascript:alert(1)')).toBe(false);
    expect(isWebLink('http://a b')).toBe(false);
  });
});
