import { Injectable } from '@nestjs/common';
import { Clock } from '../../../common/clock.js';
import { ChallengesService } from '../../challenges/challenges.service.js';
import { RoundTalliesService } from '../../voting/round-tallies.service.js';
import { rankTally, type TallyRow } from '../../voting/tally.js';
import { isTallyHidden } from '../../voting/voting-rules.js';

/**
 * Seam between voting (which owns votes and the tally) and the live `tallyUpdated` subscription: the tally of a
 * round as the public may see it now, or null while it is hidden (open round without showLiveTally) or not a
 * voting round. Bound to VotingLiveTallySource in NotificationsModule; voting may provide its own instead.
 */
export abstract class LiveTallySource {
  abstract publicTally(roundId: string): Promise<TallyRow[] | null>;
}

/** The same numbers as `Round.tally`: frozen once closed, counted live while open (RULES §5). */
@Injectable()
export class VotingLiveTallySource extends LiveTallySource {
  constructor(
    private readonly tallies: RoundTalliesService,
    private readonly challenges: ChallengesService,
    private readonly clock: Clock,
  ) {
    super();
  }

  async publicTally(roundId: string): Promise<TallyRow[] | null> {
    const round = await this.tallies.round(roundId);
    if (!round || round.kind !== 'VOTING') return null;
    const [challenge] = await this.challenges.findByIds([round.challengeId]);
    if (!challenge || isTallyHidden(round, challenge.settings.showLiveTally, this.clock.now())) return null;
    if (round.status === 'CLOSED') {
      const frozen = await this.tallies.frozen(roundId);
      if (frozen.length)
        return frozen.map(({ proposalId, votes, rank, share }) => ({ proposalId, votes, rank, share }));
    }
    const live = await this.tallies.live(roundId);
    return rankTally(
      live.map((row) => ({ proposalId: row.proposalId, votes: row.votes, submittedAt: row.submittedAt.getTime() })),
    );
  }
}
