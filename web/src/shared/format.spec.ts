import { formatDate, formatDateTime, formatInteger, formatMoney, formatTime, timeLeft } from './format';

describe('es-MX formatting in Mexico City time', () => {
  const now = new Date('2027-01-10T12:00:00Z');

  it('writes dates in Spanish and in Mexico City time, whatever the machine zone', () => {
    // 00:30 UTC on 13 March is still the 12th at 18:30 in Mexico City (UTC-6).
    expect(formatDateTime('2027-03-13T00:30:00Z', now)).toBe('12 de marzo a las 18:30');
    expect(formatTime('2027-03-13T00:00:00Z')).toBe('18:00');
  });

  it('adds the year only when it is not the current one', () => {
    expect(formatDate('2027-03-12T18:00:00Z', now)).toBe('12 de marzo');
    expect(formatDate('2028-03-12T18:00:00Z', now)).toBe('12 de marzo de 2028');
  });

  it('formats numbers and pesos with es-MX separators', () => {
    expect(formatInteger(1234567)).toBe('1,234,567');
    expect(formatMoney('1500000.00')).toBe('$1,500,000');
    expect(formatMoney(250)).toBe('$250');
  });

  it('says how much time is left, singular and plural, and null once past', () => {
    expect(timeLeft('2027-01-13T12:00:00Z', now)).toBe('quedan 3 días');
    expect(timeLeft('2027-01-11T13:00:00Z', now)).toBe('quedan 25 horas');
    expect(timeLeft('2027-01-10T13:00:00Z', now)).toBe('queda 1 hora');
    expect(timeLeft('2027-01-10T12:00:20Z', now)).toBe('queda 1 minuto');
    expect(timeLeft('2027-01-10T12:00:00Z', now)).toBeNull();
  });
});
