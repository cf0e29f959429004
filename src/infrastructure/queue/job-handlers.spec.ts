import { assertJobHandlers, jobHandlerProblems } from './job-handlers.js';

describe('the worker startup check of job handlers', () => {
  const jobs = { 'round.open': 'rounds', 'round.close': 'rounds', 'mail.send': 'mail' };
  const rounds = { processor: 'RoundsProcessor', queue: 'rounds', names: ['round.open', 'round.close'] };
  const mail = { processor: 'MailProcessor', queue: 'mail', names: ['mail.send'] };

  it('passes when every job has exactly one handler on its queue', () => {
    expect(jobHandlerProblems(jobs, [rounds, mail])).toEqual([]);
    expect(() => assertJobHandlers(jobs, [rounds, mail])).not.toThrow();
  });

  it('names a job without a handler, also when its queue has no processor at all', () => {
    const partial = { ...rounds, names: ['round.open'] };
    expect(() => assertJobHandlers(jobs, [partial, mail])).toThrow(
      'El worker no arranca: el trabajo round.close (cola rounds) no tiene manejador.',
    );
    expect(jobHandlerProblems(jobs, [rounds])).toEqual(['el trabajo mail.send (cola mail) no tiene manejador']);
  });

  it('refuses a job with two handlers, naming both processors', () => {
    const second = { processor: 'OtherRoundsProcessor', queue: 'rounds', names: ['round.close'] };
    expect(() => assertJobHandlers(jobs, [rounds, mail, second])).toThrow(
      'El worker no arranca: el trabajo round.close (cola rounds) tiene 2 manejadores: RoundsProcessor, OtherRoundsProcessor.',
    );
  });

  it('refuses a handler for an undeclared job or one on another queue, in one line with every problem', () => {
    const stray = { processor: 'MailProcessor', queue: 'mail', names: ['mail.send', 'mail.bounce', 'round.open'] };
    const error = (() => {
      try {
        assertJobHandlers(jobs, [rounds, stray]);
      } catch (e) {
        return (e as Error).message;
      }
      return null;
    })();
    expect(error).toBe(
      'El worker no arranca: MailProcessor maneja mail.bounce, que no está declarado en jobs.ts; ' +
        'MailProcessor (cola mail) maneja round.open, que va a la cola rounds.',
    );
    expect(error).not.toContain('\n');
  });
});
