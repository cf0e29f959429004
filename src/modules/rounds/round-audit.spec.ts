import { closedSummary, formatUtc, openedSummary, rescheduledSummary } from './round-audit.js';

const round = { position: 2, title: 'Votación' };
const at = (iso: string) => new Date(iso);

describe('round audit summaries', () => {
  it('name the round by position and title', () => {
    expect(openedSummary(round)).toBe('Abrió la ronda 2 «Votación»');
    expect(closedSummary(round, false)).toBe('Cerró la ronda 2 «Votación»');
    expect(closedSummary(round, true)).toBe('Cerró la ronda 2 «Votación» antes de su fecha de cierre');
  });

  it('show only the dates that changed, old → new, in UTC', () => {
    const from = { opensAt: at('2030-01-01T10:00:00Z'), closesAt: at('2030-01-05T10:00:00Z') };
    expect(rescheduledSummary(round, from, { ...from, closesAt: at('2030-01-06T18:30:00Z') })).toBe(
      'Reprogramó la ronda 2 «Votación»: cierre 2030-01-05 10:00 UTC → 2030-01-06 18:30 UTC',
    );
    expect(rescheduledSummary(round, from, { opensAt: at('2030-01-02T10:00:00Z'), closesAt: from.closesAt })).toContain(
      'apertura 2030-01-01 10:00 UTC → 2030-01-02 10:00 UTC',
    );
  });

  it('formats dates to the minute', () => {
    expect(formatUtc(at('2030-03-04T05:06:07.890Z'))).toBe('2030-03-04 05:06 UTC');
  });
});
