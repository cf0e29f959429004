/** The navigation's link to the juror pages: its own tiny module, so the layout does not pull the jury texts into the first load. */
export const juryNavLink = 'Mis evaluaciones';
