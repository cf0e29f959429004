import { jest } from '@jest/globals';
import { BullRegistrar, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { startTestApp, type TestApp } from '../test/support/test-app.js';
import { MailProcessor } from './infrastructure/mail/mail.processor.js';
import { JobHandlersCheck } from './infrastructure/queue/job-handlers.check.js';
import { NotificationsProcessor } from './modules/notifications/notifications.processor.js';
import { PrivacyProcessor } from './modules/privacy/privacy.processor.js';
import { RoundsProcessor } from './modules/rounds/rounds.processor.js';
import { BlindEvaluation } from './modules/evaluation/blind-evaluation.js';
import { EvaluationJurorCheck } from './modules/evaluation/evaluation-juror-check.js';
import { EvaluationRoundCloser } from './modules/evaluation/evaluation-round.closer.js';
import { EvaluationRoundOpener } from './modules/evaluation/evaluation-round.opener.js';
import { AuthorVisibility } from './modules/proposals/author-visibility.js';
import { JurorCheck } from './modules/proposals/juror-check.js';
import { ProposalListExtensions } from './modules/proposals/proposal-list-extensions.js';
import { SubmissionRoundCloser } from './modules/proposals/submission-round.closer.js';
import { ClosesRounds, RoundClosers } from './modules/rounds/round-closers.js';
import { VotingProposalExtensions } from './modules/voting/voting-proposal-extensions.js';
import { VotingRoundCloser } from './modules/voting/voting-round.closer.js';

/** The composition root: what each feature plugs into another is bound at startup, or the process does not start. */
describe('composition', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp({ workers: true });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('gives every round kind its one closer, and EVALUATION rounds their opener', () => {
    const closers = api.app.get(RoundClosers);
    expect(closers.closerOf('SUBMISSION')).toBeInstanceOf(SubmissionRoundCloser);
    expect(closers.closerOf('VOTING')).toBeInstanceOf(VotingRoundCloser);
    expect(closers.closerOf('EVALUATION')).toBeInstanceOf(EvaluationRoundCloser);
    expect(closers.openerOf('EVALUATION')).toBeInstanceOf(EvaluationRoundOpener);
    expect(closers.openerOf('VOTING')).toBeUndefined();
  });

  it('binds every port of the proposals feature to its implementation (src/ports.module.ts)', () => {
    expect(api.app.get(JurorCheck)).toBeInstanceOf(EvaluationJurorCheck);
    expect(api.app.get(AuthorVisibility)).toBeInstanceOf(BlindEvaluation);
    expect(api.app.get(ProposalListExtensions)).toBeInstanceOf(VotingProposalExtensions);
  });

  it('starts the BullMQ workers once every job of jobs.ts has its one handler', () => {
    for (const processor of [RoundsProcessor, NotificationsProcessor, MailProcessor, PrivacyProcessor])
      expect(api.app.get<WorkerHost>(processor).worker.isRunning()).toBe(true);
  });
});

describe('a worker with a job handled twice and jobs nobody handles', () => {
  @Processor('mail')
  class SendsMail extends WorkerHost {
    readonly jobHandlers = { 'mail.send': () => Promise.resolve() };
    process(): Promise<void> {
      return Promise.resolve();
    }
  }

  @Processor('mail')
  class SendsMailToo extends SendsMail {}

  it('refuses to start in one line naming them, before any BullMQ worker is registered', async () => {
    const register = jest.fn();
    const moduleRef = await Test.createTestingModule({
      imports: [DiscoveryModule],
      providers: [JobHandlersCheck, SendsMail, SendsMailToo, { provide: BullRegistrar, useValue: { register } }],
    }).compile();
    const started = moduleRef.init();
    await expect(started).rejects.toThrow(
      /^El worker no arranca: el trabajo round\.open \(cola rounds\) no tiene manejador;[^\n]*$/,
    );
    await expect(started).rejects.toThrow(
      'el trabajo mail.send (cola mail) tiene 2 manejadores: SendsMail, SendsMailToo',
    );
    await expect(started).rejects.toThrow('el trabajo data_export.build (cola privacy) no tiene manejador');
    expect(register).not.toHaveBeenCalled();
  });
});

describe('a composition with a round kind nobody closes', () => {
  @Injectable()
  @ClosesRounds('SUBMISSION')
  class OnlySubmissions {
    close(): Promise<void> {
      return Promise.resolve();
    }
  }

  @Injectable()
  @ClosesRounds('SUBMISSION')
  class SubmissionsAgain extends OnlySubmissions {}

  it('refuses to start, naming the kinds without a closer', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [DiscoveryModule],
      providers: [RoundClosers, OnlySubmissions],
    }).compile();
    await expect(moduleRef.init()).rejects.toThrow(
      /ninguno para las rondas VOTING; ninguno para las rondas EVALUATION/,
    );
  });

  it('refuses to start when a kind has two closers', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [DiscoveryModule],
      providers: [RoundClosers, OnlySubmissions, SubmissionsAgain],
    }).compile();
    await expect(moduleRef.init()).rejects.toThrow(
      /más de uno para las rondas SUBMISSION: OnlySubmissions, SubmissionsAgain/,
    );
  });
});
