import { preferenceRows, switchLabel, type PreferenceFacts } from './notification-preferences';

function prefs(type: string, inApp: boolean, email: boolean): PreferenceFacts[] {
  return [
    { type, channel: 'IN_APP', enabled: inApp },
    { type, channel: 'EMAIL', enabled: email },
  ];
}

describe('preferenceRows', () => {
  const all = [
    ...prefs('PROPOSAL_WON', true, true),
    ...prefs('ROUND_OPENED', true, false),
    ...prefs('JURY_ASSIGNED', true, true),
    ...prefs('SOMETHING_NEW', false, true),
  ];

  it('puts followed challenges first, hides jury notices from non-jurors and keeps unknown types last', () => {
    expect(preferenceRows(all, false)).toEqual([
      { type: 'ROUND_OPENED', label: 'Abrió una ronda de un reto que sigues', inApp: true, email: false },
      { type: 'PROPOSAL_WON', label: 'Una propuesta tuya ganó', inApp: true, email: true },
      { type: 'SOMETHING_NEW', label: 'SOMETHING_NEW', inApp: false, email: true },
    ]);
  });

  it('shows jury notices to jurors', () => {
    expect(preferenceRows(all, true).map((r) => r.type)).toContain('JURY_ASSIGNED');
  });

  it('names each switch by its row and column', () => {
    const [row] = preferenceRows(all, false);
    expect(switchLabel(row, 'EMAIL')).toBe('Abrió una ronda de un reto que sigues: por correo');
  });
});
